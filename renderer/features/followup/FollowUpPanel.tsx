import type { AgendaItem } from '../../../shared/domain/agenda';
import { formatLongDate } from '../../../shared/format/dates';
import { api } from '../../api';
import { ErrorNote, useAction, useLoad } from '../../ui/kit';
import '../procedure/procedure.css';

/**
 * Open actions of the whole body (every meeting), with owner, due date and overdue marking; one button puts a
 * "Follow-up of actions" item listing those of earlier meetings at the top of this meeting's agenda.
 */
export function FollowUpPanel({ meetingId, startsAt, agenda, onAgenda }: { meetingId: string; startsAt: string; agenda: AgendaItem[]; onAgenda: (a: AgendaItem[]) => void }) {
  const open = useLoad(() => api.call('followup.open', {}), [meetingId]);
  const act = useAction();
  const earlier = (open.value ?? []).filter((a) => a.meetingId !== meetingId && a.meetingDate < startsAt.slice(0, 10));
  const hasItem = agenda.some((i) => i.title === 'Follow-up of actions');
  const add = async () => {
    const a = await act.run(() => api.call('followup.addItem', { meetingId }));
    if (a) onAgenda(a);
  };
  return (
    <section className="panel followup-panel" aria-labelledby="followup-heading">
      <h2 id="followup-heading">Open actions of the Taskforce ({open.value?.length ?? 0})</h2>
      <ErrorNote error={open.error ?? act.error} onDismiss={() => act.setError(null)} />
      {open.value && open.value.length === 0 && <p className="muted">No open actions.</p>}
      <ul className="record-list">
        {(open.value ?? []).map((a) => (
          <li key={a.id} data-action-id={a.id}>
            <div className="rec-text">{a.text || '(no text)'}</div>
            <div className="rec-meta sub">
              {a.meetingTitle} ({formatLongDate(a.meetingDate)}) · {a.owner || 'no owner'} · {a.dueDate ? `due ${formatLongDate(a.dueDate)}` : 'no due date'}
              {a.overdue && <span className="overdue"> · Overdue</span>}
            </div>
          </li>
        ))}
      </ul>
      {earlier.length > 0 && !hasItem && (
        <button type="button" onClick={() => void add()} disabled={act.busy}>
          Add “Follow-up of actions” to this agenda ({earlier.length})
        </button>
      )}
    </section>
  );
}
