import type { AgendaItem } from '../../../shared/domain/agenda';
import { formatLongDate } from '../../../shared/format/dates';
import type { FutureTopic } from '../../../shared/procedure';
import { api } from '../../api';
import { useConfirm } from '../../ui/Dialog';
import { ErrorNote, useAction, useLoad } from '../../ui/kit';

/** The backlog of future topics: who raised each and when; one click puts a topic on this meeting's agenda, linked. */
export function TopicsBacklog({ meetingId, onAgenda }: { meetingId: string; onAgenda: (a: AgendaItem[]) => void }) {
  const topics = useLoad(() => api.call('topics.list', {}), [meetingId]);
  const act = useAction();
  const open = (topics.value ?? []).filter((t) => !t.dropped && !t.pickedAgendaItemId);
  const picked = (topics.value ?? []).filter((t) => t.pickedAgendaItemId);
  const [dialog, ask] = useConfirm();
  const pick = async (t: FutureTopic) => {
    // Raised in minutes that are not published: its words may be confidential (the backend refuses without this).
    if (
      t.fromWithheld &&
      !(await ask({
        title: 'Add a topic raised in an unpublished item?',
        message:
          `“${t.title}” was raised in an item that is not published${t.raisedInMeeting ? `, at ${t.raisedInMeeting},` : ''} so its words may be confidential. ` +
          'It will be added to this agenda as not for publication. Unless this meeting leaves unpublished items out of its public summary, their titles are printed there: change the title in the agenda if its words must not be public.',
        confirm: 'Add as not for publication',
        cancel: 'Cancel',
        cancelByDefault: true,
      }))
    )
      return;
    const a = await act.run(() => api.call('topics.pick', { topicId: t.id, meetingId, confirmWithheld: t.fromWithheld }));
    if (a) {
      onAgenda(a);
      await topics.reload();
    }
  };
  const drop = async (topicId: string) => {
    if (await act.run(() => api.call('topics.drop', { topicId, dropped: true }))) await topics.reload();
  };
  return (
    <section className="panel topics-panel" aria-labelledby="topics-heading">
      {dialog}
      <h2 id="topics-heading">Future topics ({open.length})</h2>
      <ErrorNote error={topics.error ?? act.error} onDismiss={() => act.setError(null)} />
      {topics.value && open.length === 0 && <p className="muted">No topics waiting. Raise one from the minutes (Procedure tab).</p>}
      <ul className="record-list">
        {open.map((t) => (
          <li key={t.id} data-topic-id={t.id}>
            <div className="rec-text">{t.title}</div>
            <div className="rec-meta">
              <span className="sub">
                Raised {t.raisedBy ? `by ${t.raisedBy} ` : ''}
                {t.raisedInMeeting ? `at ${t.raisedInMeeting}` : `on ${formatLongDate(t.raisedAt.slice(0, 10))}`}
              </span>
              <button type="button" onClick={() => void pick(t)} disabled={act.busy} aria-label={`Add “${t.title}” to this agenda`}>
                Add to this agenda
              </button>
              <button type="button" className="link" onClick={() => void drop(t.id)} disabled={act.busy} aria-label={`Drop “${t.title}”`}>
                Drop
              </button>
            </div>
          </li>
        ))}
      </ul>
      {picked.length > 0 && (
        <p className="sub">
          On agendas: {picked.map((t) => `${t.title} → ${t.pickedInto}`).join('; ')}
        </p>
      )}
    </section>
  );
}
