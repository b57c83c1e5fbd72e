import { useState } from 'react';
import type { BackupInfo, BackupStatus } from '../../../shared/contract/backup';
import { api } from '../../api';
import { ErrorNote, useAction, useLoad } from '../../ui/kit';

const KIND_LABEL: Record<BackupInfo['kind'], string> = {
  auto: 'Automatic',
  manual: 'Backed up by hand',
  'before-restore': 'Data kept aside before a restore',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** After a restore the whole app reads the restored data afresh. */
function reloadApp() {
  window.location.hash = '#/';
  window.location.reload();
}

/** Asks before a restore, in the app (never window.confirm), and says what will happen to the current data. */
function RestoreDialog({ backup, onClose, onRestored }: { backup: BackupInfo; onClose: () => void; onRestored: () => void }) {
  const act = useAction();
  const restore = async () => {
    const r = await act.run(() => api.call('backup.restore', { name: backup.name }));
    if (r) onRestored();
  };
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="restore-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="restore-title">Restore the backup of {when(backup.createdAt)}?</h2>
        <p>
          The backup is checked first; a damaged one is refused and nothing changes. Your current data is not deleted: it is kept aside in the backups
          folder, and can be restored the same way.
        </p>
        <ErrorNote error={act.error} />
        <div className="actions">
          <button type="button" className="primary" disabled={act.busy} onClick={() => void restore()}>
            {act.busy ? 'Restoring…' : 'Restore this backup'}
          </button>
          <button type="button" onClick={onClose} disabled={act.busy}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

function BackupList({ status, onRestore }: { status: BackupStatus; onRestore: (b: BackupInfo) => void }) {
  if (status.backups.length === 0) return <p className="muted">No backups yet.</p>;
  return (
    <table className="list backups">
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">Kind</th>
          <th scope="col">Size</th>
          <th scope="col">Restore</th>
        </tr>
      </thead>
      <tbody>
        {status.backups.map((b) => (
          <tr key={b.name}>
            <td>{when(b.createdAt)}</td>
            <td>{KIND_LABEL[b.kind]}</td>
            <td>{size(b.bytes)}</td>
            <td>
              <button type="button" onClick={() => onRestore(b)} aria-label={`Restore the backup of ${when(b.createdAt)}`}>
                Restore…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** #/backups: back up now, the backups kept, restore one. */
export function BackupPage() {
  const status = useLoad(() => api.call('backup.status', {}), []);
  const act = useAction();
  const [done, setDone] = useState<BackupInfo | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const backUp = async () => {
    const r = await act.run(() => api.call('backup.create', {}));
    if (r) {
      setDone(r);
      void status.reload();
    }
  };
  const s = status.value;
  return (
    <section className="page">
      <div className="page-head">
        <h1 tabIndex={-1}>Backups</h1>
        {s && (
          <p className="meta">
            <span>
              Automatic every {s.autoEveryMinutes} minutes while there are changes, and on quit; the last {s.keep} are kept.
            </span>
            <span>Folder: {s.folder}</span>
          </p>
        )}
      </div>
      <ErrorNote error={status.error ?? act.error} />
      <div className="actions">
        <button type="button" className="primary" disabled={act.busy} onClick={() => void backUp()}>
          {act.busy ? 'Backing up…' : 'Back up now'}
        </button>
        {done && (
          <span role="status" className="saved-note">
            Backed up and checked at {when(done.createdAt)}.
          </span>
        )}
      </div>
      {s && <BackupList status={s} onRestore={setRestoring} />}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onRestored={reloadApp} />}
    </section>
  );
}

/** Shown instead of the app when the data file was found damaged at start: what is wrong, and the backup to restore. */
export function RecoveryScreen({ status }: { status: BackupStatus }) {
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const newest = status.backups.find((b) => b.kind !== 'before-restore') ?? status.backups[0];
  return (
    <section className="page recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" tabIndex={-1}>
        The data file is damaged
      </h1>
      <div className="error-note" role="alert">
        {status.damaged?.message}
      </div>
      {newest && (
        <p>
          The newest backup is from <strong>{when(newest.createdAt)}</strong>.{' '}
          <button type="button" className="primary" onClick={() => setRestoring(newest)}>
            Restore the newest backup
          </button>
        </p>
      )}
      <h2>All backups</h2>
      <BackupList status={status} onRestore={setRestoring} />
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onRestored={reloadApp} />}
    </section>
  );
}

/** The start-up check the app shell makes: null until known; `damaged` set means recovery mode. */
export function useStartupBackupStatus() {
  return useLoad(() => api.call('backup.status', {}), []);
}
