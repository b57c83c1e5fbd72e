import { useState, type FormEvent } from 'react';
import type { ConvenedBy, Meeting, MeetingFormat, MeetingKind, MeetingSummary, WithheldDisplay } from '../../../shared/domain/meeting';
// Values from the schema-free module: this form is part of the meetings list, the first page (no zod there, issue 16).
import {
  CONVENED_BY,
  CONVENED_BY_LABEL,
  DEFAULT_REDACTION_MARKER,
  DEFAULT_TIME_ZONE,
  MEETING_FORMATS,
  MEETING_FORMAT_LABEL,
  MEETING_KINDS,
  MEETING_KIND_LABEL,
} from '../../../shared/domain/meeting-labels';
import { countOf } from '../../../shared/format/counts';
import { formatLongDate } from '../../../shared/format/dates';
import { Choice, ErrorNote, Field } from '../../ui/kit';

export interface MeetingFormValues {
  title: string;
  kind: MeetingKind;
  groupName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: MeetingFormat;
  location: string;
  convenedBy: ConvenedBy;
  withheldDisplay: WithheldDisplay;
  redactionMarker: string;
  copyAgendaFrom?: string;
}

function nextWeekday(): string {
  const d = new Date(Date.now() + 7 * 86400_000);
  return d.toISOString().slice(0, 10);
}

export function initialValues(m?: Meeting): MeetingFormValues {
  if (m) {
    const { title, kind, groupName, startsAt, endsAt, timeZone, format, location, convenedBy, withheldDisplay, redactionMarker } = m;
    return { title, kind, groupName, startsAt, endsAt, timeZone, format, location, convenedBy, withheldDisplay, redactionMarker };
  }
  const day = nextWeekday();
  return {
    title: '',
    kind: 'plenary',
    groupName: '',
    startsAt: `${day}T10:00`,
    endsAt: `${day}T12:00`,
    timeZone: DEFAULT_TIME_ZONE,
    format: 'hybrid',
    location: '',
    convenedBy: 'chair',
    withheldDisplay: 'title_only',
    redactionMarker: DEFAULT_REDACTION_MARKER,
  };
}

/** Create or edit a meeting. Dates are wall-clock times in the meeting's time zone (Europe/Brussels by default). */
export function MeetingForm(props: {
  initial: MeetingFormValues;
  submitLabel: string;
  earlierMeetings?: MeetingSummary[];
  onSubmit: (v: MeetingFormValues) => Promise<unknown>;
  onCancel: () => void;
  error: unknown;
  busy: boolean;
}) {
  const [v, setV] = useState(props.initial);
  const set = <K extends keyof MeetingFormValues>(k: K, value: MeetingFormValues[K]) => setV((old) => ({ ...old, [k]: value }));
  const date = v.startsAt.slice(0, 10);
  const setDate = (d: string) => setV((old) => ({ ...old, startsAt: `${d}T${old.startsAt.slice(11)}`, endsAt: `${d}T${old.endsAt.slice(11)}` }));

  // The earlier agenda's withheld items come across withheld. When that meeting left them out of its public summary
  // entirely, their titles were never public: the new meeting leaves them out too (in sight, before saving). A meeting
  // that showed titles never loosens what the officer set.
  const startFrom = (id: string | undefined) => {
    const from = props.earlierMeetings?.find((m) => m.id === id);
    setV((old) => ({ ...old, copyAgendaFrom: id, ...(from?.withheldDisplay === 'omit' ? { withheldDisplay: 'omit' as const } : {}) }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void props.onSubmit(v);
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-label={props.submitLabel}>
      <Field label="Title" wide>
        {(id) => <input id={id} value={v.title} onChange={(e) => set('title', e.target.value)} required autoFocus maxLength={300} />}
      </Field>
      <div className="form-row">
        <Field label="Kind">
          {(id) => <Choice id={id} value={v.kind} choices={MEETING_KINDS} labels={MEETING_KIND_LABEL} onChoose={(c) => set('kind', c)} />}
        </Field>
        {v.kind === 'ad_hoc_group' && (
          <Field label="Ad hoc group">
            {(id) => <input id={id} value={v.groupName} onChange={(e) => set('groupName', e.target.value)} placeholder="e.g. Open source" required />}
          </Field>
        )}
        <Field label="Format">
          {(id) => <Choice id={id} value={v.format} choices={MEETING_FORMATS} labels={MEETING_FORMAT_LABEL} onChoose={(c) => set('format', c)} />}
        </Field>
        <Field label="Convened">
          {(id) => <Choice id={id} value={v.convenedBy} choices={CONVENED_BY} labels={CONVENED_BY_LABEL} onChoose={(c) => set('convenedBy', c)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Date">{(id) => <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />}</Field>
        <Field label="Starts">
          {(id) => <input id={id} type="time" value={v.startsAt.slice(11)} onChange={(e) => set('startsAt', `${date}T${e.target.value}`)} required />}
        </Field>
        <Field label="Ends">
          {(id) => <input id={id} type="time" value={v.endsAt.slice(11)} onChange={(e) => set('endsAt', `${date}T${e.target.value}`)} required />}
        </Field>
        <Field label="Time zone">{(id) => <input id={id} value={v.timeZone} onChange={(e) => set('timeZone', e.target.value)} />}</Field>
      </div>
      <Field label="Location" wide>
        {(id) => <input id={id} value={v.location} onChange={(e) => set('location', e.target.value)} placeholder="Room, building, or video link name" />}
      </Field>
      <div className="form-row">
        <Field label="Withheld items in the public summary" double>
          {(id) => (
            <select id={id} value={v.withheldDisplay} onChange={(e) => set('withheldDisplay', e.target.value as WithheldDisplay)}>
              <option value="title_only">Show the title, marked “not published”</option>
              <option value="omit">Leave them out entirely</option>
            </select>
          )}
        </Field>
        <Field label="Redaction marker" hint="Stands for every confidential passage in public texts.">
          {(id) => <input id={id} value={v.redactionMarker} onChange={(e) => set('redactionMarker', e.target.value)} maxLength={20} />}
        </Field>
      </div>
      {props.earlierMeetings && props.earlierMeetings.length > 0 && (
        <Field label="Start from the agenda of" wide>
          {(id) => (
            <select id={id} value={v.copyAgendaFrom ?? ''} onChange={(e) => startFrom(e.target.value || undefined)}>
              <option value="">An empty agenda</option>
              {props.earlierMeetings!.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} — {formatLongDate(m.startsAt)} ({countOf(m.itemCount, 'item')})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-actions wide">
        <ErrorNote error={props.error} />
        <button type="submit" className="primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
