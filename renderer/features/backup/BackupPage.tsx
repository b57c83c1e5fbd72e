import { useState } from 'react';
import type { BackupInfo, BackupStatus, SavedBackup } from '../../../shared/contract/backup';
import { api, chooseBackupFile } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote, Field, useAction, useLoad } from '../../ui/kit';
import { loadSettings } from '../../app/settings';
import { localInstant } from '../../../shared/format/zoned';
import { holdReleased } from './HoldNote';

const KIND_LABEL: Record<BackupInfo['kind'], string> = {
  auto: 'Automatic',
  manual: 'Backed up by hand',
  'before-restore': 'Data kept aside before a restore',
  'before-encryption': 'Made before the data was encrypted (now encrypted too)',
};

const backupFileName = () => `taskforce-secretariat-backup-${new Date().toISOString().slice(0, 10)}.sqlite3`;

/**
 * The browser host has no save dialog: the officer types where the backup goes (a full path on this computer).
 * An existing file is replaced only when they tick the box, and only if it is itself a backup of this app.
 */
function SaveToDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (s: SavedBackup) => void }) {
  const act = useAction();
  const [where, setWhere] = useState('');
  const [replace, setReplace] = useState(false);
  const save = async () => {
    const r = await act.run(() => api.call('backup.saveTo', { path: where.trim(), replace }));
    if (r) onSaved(r);
  };
  return (
    <Dialog title="Back up to a file" onClose={onClose}>
      <p>The backup is encrypted like the data: it opens only with the same key (passphrase or key file). It is readable by your account only.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Save the backup as" hint={`A full path on this computer, e.g. /home/you/Documents/${backupFileName()}`} wide>
          {(id) => <input id={id} type="text" value={where} onChange={(e) => setWhere(e.target.value)} spellCheck={false} autoComplete="off" />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> Replace the file if it exists (only an earlier backup is replaced)
        </label>
        <ErrorNote error={act.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={act.busy || where.trim() === ''}>
            {act.busy ? 'Backing up…' : 'Back up'}
          </button>
          <button type="button" onClick={onClose} disabled={act.busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** After a restore the whole app reads the restored data afresh. */
function reloadApp() {
  window.location.hash = '#/';
  window.location.reload();
}

/**
 * Asks before a restore, in the app (never window.confirm), and says what will happen to the current data. After the
 * restore, when flags or withheld items of the current data were kept (carried into the restored data), says so in
 * the app before the app reads the restored data afresh.
 */
function RestoreDialog({ backup, onClose, onRestored }: { backup: BackupInfo; onClose: () => void; onRestored: () => void }) {
  const act = useAction();
  const [kept, setKept] = useState<string | null>(null);
  const restore = async () => {
    const r = await act.run(() => api.call('backup.restore', { name: backup.name }));
    if (!r) return;
    if (r.carried.message) setKept(r.carried.message);
    else onRestored();
  };
  if (kept !== null)
    return (
      <Dialog title="Backup restored" onClose={onRestored}>
        <p role="status" className="restore-kept">
          {kept}
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={onRestored}>
            Continue
          </button>
        </div>
      </Dialog>
    );
  return (
    <Dialog title={`Restore the backup of ${localInstant(backup.createdAt)}?`} onClose={onClose}>
      <p>
        The backup is checked first; a damaged one is refused and nothing changes. Your current data is not deleted: it is kept aside in the backups
        folder, and can be restored the same way. Flags set and items withheld since the backup are kept: their passages stay out of the public
        summary.
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
    </Dialog>
  );
}

/**
 * The publication hold (after a restore over a data file that could not be read): what it means, and its release,
 * asked in the app. Released, public files are produced again, each checked against the flags as they are now.
 */
function HoldPanel({ hold, onReleased }: { hold: NonNullable<BackupStatus['publicationHold']>; onReleased: () => void }) {
  const [asking, setAsking] = useState(false);
  const act = useAction();
  const release = async () => {
    // Who released it is recorded with it (the officer's name from the settings, as with flags).
    const r = await act.run(async () => api.call('backup.releaseHold', { confirm: true, by: (await loadSettings().catch(() => null))?.officerName ?? '' }));
    if (!r) return;
    setAsking(false);
    holdReleased();
    onReleased();
  };
  return (
    <div className="card hold-panel">
      <h2>Publication is on hold</h2>
      <p>
        The data was restored from the backup of {localInstant(hold.backupCreatedAt)} over a data file that could not be read, so the flags set and items
        withheld since that backup could not be kept. Until you release the hold, every public file (public summaries, agendas, lists of participants,
        the public register and the list of member organisations) is refused. Internal documents are not held.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => setAsking(true)}>
          Release the hold…
        </button>
      </div>
      {asking && (
        <Dialog title="Release the publication hold?" onClose={() => setAsking(false)}>
          <p>
            Release it only once you have checked, in the minutes of every meeting changed since {localInstant(hold.backupCreatedAt)}, that each confidential
            passage is flagged and each item not for publication is withheld. Public files will then be produced again, each checked against the flags as
            they are now.
          </p>
          <ErrorNote error={act.error} />
          <div className="actions">
            <button type="button" className="primary" disabled={act.busy} onClick={() => void release()}>
              {act.busy ? 'Releasing…' : 'I have checked: release the hold'}
            </button>
            <button type="button" onClick={() => setAsking(false)} disabled={act.busy}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
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
            <td>{localInstant(b.createdAt)}</td>
            <td>{KIND_LABEL[b.kind]}</td>
            <td>{size(b.bytes)}</td>
            <td>
              <button type="button" onClick={() => onRestore(b)} aria-label={`Restore the backup of ${localInstant(b.createdAt)}`}>
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
  const [saved, setSaved] = useState<SavedBackup | null>(null);
  const [askPath, setAskPath] = useState(false);
  const backUpToFile = async () => {
    setSaved(null);
    let chosen: Awaited<ReturnType<typeof chooseBackupFile>>;
    try {
      chosen = await chooseBackupFile(backupFileName());
    } catch (err) {
      return act.setError(err);
    }
    if (chosen === undefined) return setAskPath(true); // browser host: the in-app dialog with a path field
    if (!chosen.chosen) return;
    const r = await act.run(() => api.call('backup.saveTo', { path: chosen.path, replace: true }));
    if (r) setSaved(r);
  };
  const backUp = async () => {
    const r = await act.run(() => api.call('backup.create', {}));
    if (r) {
      await status.reload(); // say "backed up" once the list below shows it
      setDone(r);
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
        <button type="button" disabled={act.busy} onClick={() => void backUpToFile()}>
          Back up to a file…
        </button>
        {done && (
          <span role="status" className="saved-note">
            Backed up and checked at {localInstant(done.createdAt)}.
          </span>
        )}
        {saved && (
          <span role="status" className="saved-note">
            Backed up, checked and saved as {saved.path} (readable by your account only).
          </span>
        )}
      </div>
      {askPath && (
        <SaveToDialog
          onClose={() => setAskPath(false)}
          onSaved={(r) => {
            setAskPath(false);
            setSaved(r);
          }}
        />
      )}
      {s?.publicationHold && <HoldPanel hold={s.publicationHold} onReleased={() => void status.reload()} />}
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
          The newest backup is from <strong>{localInstant(newest.createdAt)}</strong>.{' '}
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
