import { useState, type FormEvent } from 'react';
import type { ApprovalRecord } from '../../../shared/procedure';
import { api } from '../../api';
import { ErrorNote, Field, useAction, useLoad } from '../../ui/kit';

/** Who circulated and who approved these minutes, when, and in which meeting the approval was given. */
export function ApprovalForm(props: { meetingId: string; approval: ApprovalRecord; onSaved: (a: ApprovalRecord) => void }) {
  const a = props.approval;
  const [v, setV] = useState({ circulatedBy: a.circulatedBy, circulatedOn: a.circulatedOn, approvedBy: a.approvedBy, approvedOn: a.approvedOn, approvedInMeetingId: a.approvedInMeetingId ?? '' });
  const meetings = useLoad(() => api.call('meetings.list', {}), []);
  const act = useAction();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await act.run(() => api.call('approval.set', { meetingId: props.meetingId, ...v, approvedInMeetingId: v.approvedInMeetingId || null }));
    if (r) props.onSaved(r);
  };
  return (
    <div className="approval">
      <h3>Approval record</h3>
      <form onSubmit={submit} aria-label="Approval record">
        <Field label="Circulated by">{(id) => <input id={id} value={v.circulatedBy} onChange={set('circulatedBy')} maxLength={200} />}</Field>
        <Field label="Circulated on">{(id) => <input id={id} type="date" value={v.circulatedOn} onChange={set('circulatedOn')} />}</Field>
        <Field label="Approved by">{(id) => <input id={id} value={v.approvedBy} onChange={set('approvedBy')} maxLength={200} />}</Field>
        <Field label="Approved on">{(id) => <input id={id} type="date" value={v.approvedOn} onChange={set('approvedOn')} />}</Field>
        <Field label="Approved at the meeting">
          {(id) => (
            <select id={id} value={v.approvedInMeetingId} onChange={set('approvedInMeetingId')}>
              <option value="">—</option>
              {(meetings.value ?? [])
                .filter((m) => m.id !== props.meetingId)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title} ({m.startsAt.slice(0, 10)})
                  </option>
                ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={act.busy}>
          Save approval record
        </button>
        {a.updatedAt && (
          <p className="sub" data-testid="approval-summary">
            {a.circulatedBy ? `Circulated by ${a.circulatedBy}${a.circulatedOn ? ` on ${a.circulatedOn}` : ''}. ` : ''}
            {a.approvedBy ? `Approved by ${a.approvedBy}${a.approvedOn ? ` on ${a.approvedOn}` : ''}${a.approvedInMeeting ? ` at ${a.approvedInMeeting}` : ''}.` : ''}
          </p>
        )}
        <ErrorNote error={act.error} />
      </form>
    </div>
  );
}
