import type { TrashEntry } from '../../../shared/contract/trash';
import { TRASH_DAYS, TRASH_KIND_LABEL } from '../../../shared/contract/trash-labels';
import { formatLongDate } from '../../../shared/format/dates';
import { api } from '../../api';
import { href, navigate } from '../../app/router';
import { useConfirm } from '../../ui/Dialog';
import { ErrorNote, useAction, useLoad } from '../../ui/kit';

/** "It holds", "All of them hold", "1 of them holds", "2 of them hold". */
const whoHolds = (kept: number, all: number) => (kept === all ? (all === 1 ? 'It holds' : 'All of them hold') : kept === 1 ? '1 of them holds' : `${kept} of them hold`);

const daysLeft = (expiresAt: string) => Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.now()) / 86_400_000));

/** What was deleted in the last 30 days: restore it with everything it held, or remove it for good. */
export function TrashPage() {
  const list = useLoad(() => api.call('trash.list', {}), []);
  const act = useAction();
  const [confirmDialog, ask] = useConfirm();
  const entries = list.value ?? [];

  const restore = async (e: TrashEntry) => {
    const r = await act.run(() => api.call('trash.restore', { id: e.id }));
    if (!r) return;
    if (r.kind === 'meeting' && r.meetingId) navigate({ name: 'meeting', id: r.meetingId });
    else if (r.kind === 'organisation') navigate({ name: 'members' });
    else if (r.meetingId) navigate({ name: 'meeting', id: r.meetingId });
  };
  const purge = async (e: TrashEntry) => {
    const ok = await ask({
      title: 'Delete for good?',
      message: `“${e.label}” will be removed for good and cannot be restored, with what it holds: ${e.detail}.`,
      confirm: 'Delete for good',
      danger: true,
      // Words kept nowhere else go with it: Enter cancels.
      cancelByDefault: e.keptWords,
      alert: e.keptWords,
    });
    if (ok && (await act.run(() => api.call('trash.purge', { id: e.id })))) await list.reload();
  };
  const empty = async () => {
    // Words a save refused and kept only in an entry go with it: named, and Enter cancels.
    const kept = entries.filter((e) => e.keptWords);
    const ok = await ask({
      title: 'Empty the trash?',
      message: (
        <>
          <p>{entries.length === 1 ? '1 deleted item' : `${entries.length} deleted items`} will be removed for good and cannot be restored.</p>
          {kept.length > 0 && (
            <p>
              <strong>{whoHolds(kept.length, entries.length)} words a save refused, kept nowhere else:</strong>{' '}
              {kept.map((e) => `“${e.label}”`).join(', ')}. Restore {kept.length === 1 ? 'it' : 'them'} first to keep those words.
            </p>
          )}
        </>
      ),
      confirm: 'Empty the trash',
      danger: true,
      cancelByDefault: kept.length > 0,
      alert: true,
    });
    if (ok && (await act.run(() => api.call('trash.empty', { confirm: true })))) await list.reload();
  };

  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1 tabIndex={-1}>Trash</h1>
          <p className="meta">Deleted meetings, agenda items and organisations are kept here for {TRASH_DAYS} days, then removed for good.</p>
        </div>
        <div className="actions">
          <button type="button" className="danger" onClick={empty} disabled={entries.length === 0 || act.busy}>
            Empty the trash
          </button>
        </div>
      </div>
      <ErrorNote error={list.error ?? act.error} onDismiss={act.error ? () => act.setError(null) : undefined} />
      {!list.loading && entries.length === 0 && (
        <div className="empty card">
          <p>The trash is empty.</p>
          <p>
            <a href={href({ name: 'meetings' })}>Back to the meetings</a>
          </p>
        </div>
      )}
      {entries.length > 0 && (
        <table className="list trash-list">
          <caption className="sr-only">Deleted items</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Kind</th>
              <th scope="col">Held</th>
              <th scope="col">Deleted</th>
              <th scope="col">Removed for good in</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <strong>{e.label}</strong>
                </td>
                <td>{TRASH_KIND_LABEL[e.kind]}</td>
                <td className="sub">{e.detail}</td>
                <td>
                  {formatLongDate(e.deletedAt)}
                  {e.deletedBy ? <span className="sub"> by {e.deletedBy}</span> : null}
                </td>
                <td>{daysLeft(e.expiresAt)} days</td>
                <td className="row-actions">
                  <button type="button" className="primary" onClick={() => void restore(e)} disabled={act.busy} aria-label={`Restore ${e.label}`}>
                    Restore
                  </button>
                  <button type="button" className="link" onClick={() => void purge(e)} disabled={act.busy} aria-label={`Delete ${e.label} for good`}>
                    Delete for good
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirmDialog}
    </section>
  );
}
