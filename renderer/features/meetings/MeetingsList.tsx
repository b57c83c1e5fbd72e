import { useEffect, useState } from 'react';
import type { MeetingSummary } from '../../../shared/domain/meeting';
// Labels from the schema-free module: the meetings list is the first page and must not pull in zod (issue 16).
import { MEETING_FORMAT_LABEL, MEETING_KIND_LABEL, MEETING_STATUS_LABEL } from '../../../shared/domain/meeting-labels';
import { countOf } from '../../../shared/format/counts';
import { formatDuration, formatTime, formatWeekdayDate } from '../../../shared/format/dates';
import { api } from '../../api';
import { earlyAnswer, takeEarly } from '../../app/early-calls';
import { loadSettings, settingsNow } from '../../app/settings';
import { href, navigate } from '../../app/router';
import { ErrorNote, useAction, useLoad } from '../../ui/kit';
import { warmDateInputs } from '../../ui/warmDateInputs';
import { initialValues, MeetingForm, type MeetingFormValues } from './MeetingForm';

/** Local wall-clock "now" as YYYY-MM-DDTHH:mm, to split upcoming from past meetings. */
function nowLocal(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

export function MeetingsList() {
  // Started before the first render when the list is the first page (app/early-calls.ts); else asked now.
  // Its answer is shown in the first render when it came before the app's code ran.
  const list = useLoad(() => takeEarly('meetings.list'), [], () => earlyAnswer('meetings.list'));
  // A new meeting starts with the redaction marker chosen in Settings.
  const settings = useLoad(loadSettings, [], settingsNow);
  const [creating, setCreating] = useState(false);
  // The list shown, the meeting form's date and time fields are readied, unless boot.js has done it already.
  const shown = list.value !== undefined;
  useEffect(() => {
    if (shown) warmDateInputs();
  }, [shown]);
  const create = useAction();
  const example = useAction();

  const onCreate = async (v: MeetingFormValues) => {
    const detail = await create.run(() => api.call('meetings.create', v));
    if (detail) navigate({ name: 'meeting', id: detail.meeting.id });
  };
  const onExample = async () => {
    const detail = await example.run(() => api.call('example.load', {}));
    if (detail) navigate({ name: 'meeting', id: detail.meeting.id });
  };

  const now = nowLocal();
  const meetings = list.value ?? [];
  const upcoming = meetings.filter((m) => m.endsAt >= now).reverse();
  const past = meetings.filter((m) => m.endsAt < now);

  return (
    <section className="page">
      <div className="page-head">
        <h1 tabIndex={-1}>Meetings</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setCreating(true)} disabled={creating}>
            New meeting
          </button>
          <button type="button" onClick={onExample} disabled={example.busy}>
            Load the example meeting
          </button>
        </div>
      </div>
      <ErrorNote error={list.error ?? example.error} />
      {creating && (
        <MeetingForm
          initial={settings.value ? { ...initialValues(), redactionMarker: settings.value.redactionMarker } : initialValues()}
          submitLabel="Create meeting"
          earlierMeetings={meetings}
          onSubmit={onCreate}
          onCancel={() => setCreating(false)}
          error={create.error}
          busy={create.busy}
        />
      )}
      {!list.loading && meetings.length === 0 && !creating && (
        <div className="empty card">
          <p>No meetings yet.</p>
          <p>
            Create the next meeting, or load the example: the constitutive meeting of the Taskforce on 30 January 2026, with its agenda and a few
            member organisations.
          </p>
        </div>
      )}
      <MeetingTable caption="Upcoming" meetings={upcoming} />
      <MeetingTable caption="Past" meetings={past} />
    </section>
  );
}

function MeetingTable({ caption, meetings }: { caption: string; meetings: MeetingSummary[] }) {
  if (meetings.length === 0) return null;
  return (
    <table className="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">No.</th>
          <th scope="col">Meeting</th>
          <th scope="col">Date</th>
          <th scope="col">Format</th>
          <th scope="col">Agenda</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.id}>
            <td className="num">{m.sequence}</td>
            <td>
              <a href={href({ name: 'meeting', id: m.id })}>{m.title}</a>
              <div className="sub">
                {MEETING_KIND_LABEL[m.kind]}
                {m.groupName ? ` · ${m.groupName}` : ''}
              </div>
            </td>
            <td>
              {formatWeekdayDate(m.startsAt)}
              <div className="sub">
                {formatTime(m.startsAt)}–{formatTime(m.endsAt)}
              </div>
            </td>
            <td>
              {MEETING_FORMAT_LABEL[m.format]}
              <div className="sub">{m.location}</div>
            </td>
            <td>
              {countOf(m.itemCount, 'item')}
              <div className="sub">{formatDuration(m.plannedMinutes)} planned</div>
            </td>
            <td>
              <span className={`status status-${m.status}`}>{MEETING_STATUS_LABEL[m.status]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
