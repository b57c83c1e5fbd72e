import { useLayoutEffect, useState } from 'react';
import type { BackupStatus } from '../../../shared/contract/backup';
import { localInstant } from '../../../shared/format/zoned';
import { href } from '../../app/router';

type Hold = NonNullable<BackupStatus['publicationHold']>;

/** The hold the start-up check found, until it is released: one value for every part of the app that says so. */
let known: Hold | null = null;
const listeners = new Set<() => void>();
const tell = () => {
  for (const l of listeners) l();
};

/** What the start-up check found (the shell, App, once its answer has come). */
export function holdKnown(hold: Hold | null): void {
  if (hold === known) return;
  known = hold;
  tell();
}

/** Tells the app the hold was released (the Backups page calls it after `backup.releaseHold`). */
export function holdReleased(): void {
  holdKnown(null);
}

/**
 * The publication hold in force, or null: what the start-up check found, until released. Subscribed in a layout
 * effect, which runs before the shell's (App's) that tells the hold: a hold known at the first render is on the first
 * paint, not one frame later.
 */
export function usePublicationHold(): Hold | null {
  const [hold, setHold] = useState(known);
  useLayoutEffect(() => {
    const on = () => setHold(known);
    listeners.add(on);
    on();
    return () => {
      listeners.delete(on);
    };
  }, []);
  return hold;
}

/**
 * On every page while publication is on hold (electron/backend/services/publication-hold.ts): a restore over a data
 * file that could not be read could not keep the flags set since the backup, so every public file is refused until
 * the officer has checked the minutes and releases the hold on the Backups page.
 */
export function HoldNote() {
  const hold = usePublicationHold();
  if (!hold) return null;
  return (
    <div className="error-note hold-note" role="status">
      <span>
        Publication is on hold: the data was restored from the backup of {localInstant(hold.backupCreatedAt)} over a data file that could not be read, so
        flags set since then may be missing. Check the minutes of the meetings changed since, then release the hold.{' '}
      </span>
      <a href={href({ name: 'backups' })}>Open Backups</a>
    </div>
  );
}
