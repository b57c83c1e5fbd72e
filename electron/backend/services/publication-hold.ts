import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { DEFAULT_TIME_ZONE } from '../../../shared/domain/meeting-labels';
import { instantInZone } from '../../../shared/format/zoned';
import { HoldsRepo, type PublicationHold } from '../repositories/holds-repo';

/**
 * Publication held after a restore over a data file that could not be read (migration 016). The flags set since the
 * backup were in that file only: nothing could carry them into the restored data (carry-confidentiality.ts), so a
 * passage flagged after the backup reads there as ordinary text, and neither the preview nor the redaction check can
 * know it. Fail-closed: every public file (the public summary, the agenda, the list of participants, the public
 * register, the list of member organisations) is refused until the officer, having checked the minutes, releases
 * the hold on the Backups page. Internal documents are not held: they are marked internal on every page.
 */
export function placeHold(db: Database, backup: { name: string; createdAt: string }, now: Date): void {
  const repo = new HoldsRepo(db);
  if (!repo.current()) repo.place({ backupName: backup.name, backupCreatedAt: backup.createdAt, placedAt: now.toISOString() });
}

/**
 * At a restore over data that could be read (`aside`): a hold in force there is kept in the restored data, as it is
 * (the same backup named): the flags lost with the unreadable file are no better known for going back further.
 */
export function carryHold(aside: Database, restored: Database): void {
  const held = new HoldsRepo(aside).current();
  const repo = new HoldsRepo(restored);
  if (held && !repo.current()) repo.place(held);
}

export function currentHold(db: Database): PublicationHold | null {
  return new HoldsRepo(db).current();
}

/** Throws, naming the document, what happened and what to do, while a hold is in force. */
export function refuseWhileHeld(db: Database, documentName: string): void {
  const hold = currentHold(db);
  if (!hold) return;
  throw new AppError(
    'conflict',
    `The ${documentName} was not produced: publication is on hold. The data was restored from the backup of ${instantInZone(hold.backupCreatedAt, DEFAULT_TIME_ZONE)} over a data file that could not be read, so flags set after that backup may be missing. Check the flagged passages in the minutes of every meeting changed since then, then release the hold on the Backups page. Nothing was written.`,
  );
}

/** Releases the hold (the officer named `by` has checked the minutes); true if one was in force. */
export function releaseHold(db: Database, now: Date, by: string): boolean {
  return new HoldsRepo(db).release(now.toISOString(), by) > 0;
}
