import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../shared/contract/backup';
import { href } from '../../app/router';

type Hold = NonNullable<BackupStatus['publicationHold']>;

const listeners = new Set<() => void>();

/** Tells the shell the hold was released (the Backups page calls it after `backup.releaseHold`). */
export function holdReleased(): void {
  for (const l of listeners) l();
}

/** "3 Feb 2026, 10:00:00": when the backup was made, in this computer's time as the Backups page lists it. */
export const holdWhen = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * On every page while publication is on hold (electron/backend/services/publication-hold.ts): a restore over a data
 * file that could not be read could not keep the flags set since the backup, so every public file is refused until
 * the officer has checked the minutes and releases the hold on the Backups page.
 */
export function HoldNote({ hold }: { hold: Hold | null }) {
  const [released, setReleased] = useState(false);
  useEffect(() => {
    const on = () => setReleased(true);
    listeners.add(on);
    return () => {
      listeners.delete(on);
    };
  }, []);
  if (!hold || released) return null;
  return (
    <div className="error-note hold-note" role="status">
      <span>
        Publication is on hold: the data was restored from the backup of {holdWhen(hold.backupCreatedAt)} over a data file that could not be read, so
        flags set since then may be missing. Check the minutes of the meetings changed since, then release the hold.{' '}
      </span>
      <a href={href({ name: 'backups' })}>Open Backups</a>
    </div>
  );
}
