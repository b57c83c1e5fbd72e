import type { Migration } from './types';

/**
 * Publication holds (`publication_holds`): a restore over a data file that could not be read (the recovery screen)
 * could not carry the flags set since the backup (services/carry-confidentiality.ts), so passages flagged after it
 * read as ordinary text in the restored data. Until the officer has checked the minutes and releases the hold, every
 * public file is refused (services/publication-hold.ts). A released hold is kept, with when and by whom (the officer's
 * name from the settings, '' when not given) it was released.
 */
export const PUBLICATION_HOLD_SCHEMA = `
  CREATE TABLE publication_holds (
    id INTEGER PRIMARY KEY,
    reason TEXT NOT NULL CHECK (reason IN ('restored_over_unreadable')),
    backup_name TEXT NOT NULL CHECK (length(backup_name) BETWEEN 1 AND 200),
    backup_created_at TEXT NOT NULL,
    placed_at TEXT NOT NULL,
    released_at TEXT,
    released_by TEXT CHECK (released_by IS NULL OR length(released_by) <= 120)
  ) STRICT;
`;

export const m016PublicationHold: Migration = {
  version: 16,
  name: 'publication-hold',
  up(db) {
    db.exec(PUBLICATION_HOLD_SCHEMA);
  },
};
