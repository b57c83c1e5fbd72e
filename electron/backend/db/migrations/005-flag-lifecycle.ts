import type { Migration } from './types';

/**
 * The flag lifecycle (issue 8): a flag leaves force only by an explicit act, and the record says which.
 * - retired_reason gains 'undo' (lifted by undoing the flagging), beside 'unflagged' (lifted by a person) and
 *   'text_removed' (the backend verified the text is gone from the meeting);
 * - retired_by: who lifted it;
 * - unmarked_since: set while a flag in force has lost its mark but its text is still in the meeting (the public
 *   export is refused until the officer flags the text again or lifts the flag).
 * SQLite cannot change a CHECK constraint in place: the table is rebuilt, rows copied as they are.
 */
export const m005FlagLifecycle: Migration = {
  version: 5,
  name: 'flag-lifecycle',
  up(db) {
    db.exec(`
      CREATE TABLE flags_new (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL CHECK (length(section_key) BETWEEN 1 AND 64),
        reason TEXT NOT NULL DEFAULT 'commercially_confidential' CHECK (reason IN ('commercially_confidential', 'business_secret',
          'personal_data', 'competition_sensitive', 'internal_deliberation', 'other')),
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        retired_at TEXT,
        retired_reason TEXT CHECK (retired_reason IN ('text_removed', 'unflagged', 'undo')),
        retired_by TEXT NOT NULL DEFAULT '',
        unmarked_since TEXT,
        excerpt TEXT NOT NULL DEFAULT '',
        CHECK ((retired_at IS NULL) = (retired_reason IS NULL)),
        CHECK (retired_at IS NULL OR unmarked_since IS NULL)
      ) STRICT;
      INSERT INTO flags_new (id, meeting_id, section_key, reason, note, created_by, created_at, updated_at, retired_at, retired_reason, excerpt)
        SELECT id, meeting_id, section_key, reason, note, created_by, created_at, updated_at, retired_at, retired_reason, excerpt FROM flags;
      DROP TABLE flags;
      ALTER TABLE flags_new RENAME TO flags;
      CREATE INDEX flags_meeting_section ON flags (meeting_id, section_key);
    `);
  },
};
