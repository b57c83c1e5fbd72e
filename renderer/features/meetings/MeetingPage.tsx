import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/contract/core';
import { CONVENED_BY_LABEL, MEETING_FORMAT_LABEL, MEETING_KIND_LABEL, MEETING_STATUS_LABEL, MEETING_TRANSITIONS, previousStatus } from '../../../shared/domain/meeting-labels';
import { formatTime, formatWeekdayDate } from '../../../shared/format/dates';
import { api } from '../../api';
import { href, navigate } from '../../app/router';
import { ReasonDialog, useConfirm } from '../../ui/Dialog';
import { ErrorNote, useAction, useLoad } from '../../ui/kit';
import { AgendaEditor } from '../agenda/AgendaEditor';
import { ExportPanel } from '../export/ExportPanel';
import { FollowUpPanel } from '../followup/FollowUpPanel';
import { AgendaWarnings } from '../procedure/AgendaWarnings';
import { TopicsBacklog } from '../topics/TopicsBacklog';
import { initialValues, MeetingForm, type MeetingFormValues } from './MeetingForm';
import { MeetingMissing, namesNoMeeting } from './MeetingMissing';
import { AGENDA_CHANGED_ELSEWHERE, MEETING_PAGE_DELETED_ELSEWHERE, useFollowElsewhere } from './useFollowElsewhere';

export function MeetingPage({ id }: { id: string }) {
  const detail = useLoad(() => api.call('meetings.get', { id }), [id]);
  const [editing, setEditing] = useState(false);
  const [copying, setCopying] = useState(false);
  const act = useAction();
  const [confirmDialog, ask] = useConfirm();
  const [steppingBack, setSteppingBack] = useState(false);
  const [itemFormOpen, setItemFormOpen] = useState(false);
  const elsewhere = useFollowElsewhere(detail.reload, editing || copying || itemFormOpen);

  if (detail.error && !detail.value) return namesNoMeeting(id, detail.error) ? <MeetingMissing /> : <ErrorNote error={detail.error} />;
  if (!detail.value) return <p className="muted">Loading…</p>;
  const { meeting, agenda } = detail.value;
  const next = MEETING_TRANSITIONS[meeting.status][0];
  const back = previousStatus(meeting.status);

  const setDetail = (d: MeetingDetail) => detail.setValue(d);
  const save = async (v: MeetingFormValues) => {
    const { copyAgendaFrom: _ignored, ...fields } = v;
    const m = await act.run(() => api.call('meetings.update', { id, ...fields }));
    if (m) {
      setDetail({ meeting: m, agenda });
      setEditing(false);
    }
  };
  const copy = async (v: MeetingFormValues) => {
    const d = await act.run(() => api.call('meetings.create', { ...v, copyAgendaFrom: id }));
    if (d) navigate({ name: 'meeting', id: d.meeting.id });
  };
  const advance = async () => {
    if (!next) return;
    const m = await act.run(() => api.call('meetings.setStatus', { id, status: next }));
    if (m) setDetail({ meeting: m, agenda });
  };
  const stepBack = async (reason: string) => {
    if (!back) return;
    const m = await act.run(() => api.call('meetings.setStatus', { id, status: back, reason }));
    if (m) setDetail({ meeting: m, agenda });
  };
  const remove = async () => {
    if (
      !(await ask({
        title: 'Delete this meeting?',
        message: `“${meeting.title}” goes to the trash with its agenda, minutes, flags and records. It can be restored from the trash for 30 days.`,
        confirm: 'Move to trash',
        danger: true,
      }))
    )
      return;
    const r = await act.run(() => api.call('meetings.delete', { id }));
    if (r) navigate({ name: 'meetings' });
  };

  return (
    <section className="page">
      <p className="crumbs">
        <a href={href({ name: 'meetings' })}>Meetings</a> ›
      </p>
      <div className="page-head">
        <div>
          <h1 tabIndex={-1}>{meeting.title}</h1>
          <p className="meta">
            <span>
              {MEETING_KIND_LABEL[meeting.kind]} no. {meeting.sequence}
              {meeting.groupName ? ` · ${meeting.groupName}` : ''}
            </span>
            <span>
              {formatWeekdayDate(meeting.startsAt)}, {formatTime(meeting.startsAt)}–{formatTime(meeting.endsAt)} ({meeting.timeZone})
            </span>
            <span>
              {MEETING_FORMAT_LABEL[meeting.format]}
              {meeting.location ? ` · ${meeting.location}` : ''}
            </span>
            <span>{CONVENED_BY_LABEL[meeting.convenedBy]}</span>
          </p>
        </div>
        <div className="actions">
          <a className="button primary" href={href({ name: 'minutes', id })}>
            Minutes
          </a>
          <button type="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            Edit details
          </button>
          <button type="button" onClick={() => setCopying((c) => !c)} aria-expanded={copying}>
            New meeting from this agenda
          </button>
          <button type="button" className="danger" onClick={remove}>
            Delete
          </button>
        </div>
      </div>
      <div className="status-line">
        <span>Status:</span> <span className={`status status-${meeting.status}`}>{MEETING_STATUS_LABEL[meeting.status]}</span>
        {next && (
          <button type="button" onClick={advance} disabled={act.busy}>
            Mark as “{MEETING_STATUS_LABEL[next]}”
          </button>
        )}
        {back && (
          <button type="button" onClick={() => setSteppingBack(true)} disabled={act.busy}>
            Step back to “{MEETING_STATUS_LABEL[back]}”…
          </button>
        )}
      </div>
      {(meeting.status === 'planned' || meeting.status === 'agenda_circulated') && <AgendaWarnings agenda={agenda} circulating={meeting.status === 'planned'} />}
      <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
      {/* Read again after a change in another window: the meeting is gone, or could not be read (the page shows it as it was). */}
      {detail.error !== null && (detail.error as { code?: unknown } | null)?.code === 'not_found' ? (
        <div className="error-note changed-elsewhere" role="alert">
          <span>{MEETING_PAGE_DELETED_ELSEWHERE}</span>
        </div>
      ) : (
        <ErrorNote error={detail.error} />
      )}
      {elsewhere.changed && (
        <div className="error-note changed-elsewhere" role="status">
          <span>{AGENDA_CHANGED_ELSEWHERE}</span>
          <button type="button" className="link" onClick={elsewhere.showNow}>
            Show it as it now stands
          </button>
        </div>
      )}
      {editing && (
        <MeetingForm initial={initialValues(meeting)} submitLabel="Save details" onSubmit={save} onCancel={() => setEditing(false)} error={act.error} busy={act.busy} />
      )}
      {copying && (
        <MeetingForm
          initial={{ ...initialValues(), title: meeting.title, kind: meeting.kind, groupName: meeting.groupName, format: meeting.format, location: meeting.location, withheldDisplay: meeting.withheldDisplay }}
          submitLabel="Create meeting with this agenda"
          onSubmit={copy}
          onCancel={() => setCopying(false)}
          error={act.error}
          busy={act.busy}
        />
      )}
      <AgendaEditor meeting={meeting} agenda={agenda} onChange={(a) => setDetail({ meeting, agenda: a })} onFormOpen={setItemFormOpen} />
      <FollowUpPanel meetingId={id} startsAt={meeting.startsAt} agenda={agenda} onAgenda={(a) => setDetail({ meeting, agenda: a })} />
      <TopicsBacklog meetingId={id} onAgenda={(a) => setDetail({ meeting, agenda: a })} />
      <ExportPanel meetingId={id} />
      {confirmDialog}
      {steppingBack && back && (
        <ReasonDialog
          title={`Step back to “${MEETING_STATUS_LABEL[back]}”?`}
          message={`The meeting is “${MEETING_STATUS_LABEL[meeting.status]}”. Stepping back is recorded in its history with your reason.`}
          label="Why does the meeting step back?"
          confirm="Step back"
          onAnswer={(reason) => {
            setSteppingBack(false);
            if (reason) void stepBack(reason);
          }}
        />
      )}
    </section>
  );
}
