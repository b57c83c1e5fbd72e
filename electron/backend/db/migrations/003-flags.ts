import type { Migration } from './types';

/**
 * Confidentiality flag records, suggestions dismissed per meeting, and the secretariat's sensitive terms.
 * A flag's section key is 'opening', 'closing' or an agenda item id, so it has no foreign key of its own; its meeting
 * does. Records are never deleted by the app (only with their meeting): a lifted flag stays in the redaction record.
 */
export const m003Flags: Migration = {
  version: 3,
  name: 'flags',
  up(db) {
    db.exec(`
      CREATE TABLE flags (
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
        retired_reason TEXT CHECK (retired_reason IN ('text_removed', 'unflagged')),
        excerpt TEXT NOT NULL DEFAULT '',
        CHECK ((retired_at IS NULL) = (retired_reason IS NULL))
      ) STRICT;
      CREATE INDEX flags_meeting_section ON flags (meeting_id, section_key);

      CREATE TABLE dismissed_suggestions (
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (length(text) > 0),
        dismissed_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, text)
      ) STRICT;

      CREATE TABLE sensitive_terms (
        term TEXT NOT NULL COLLATE NOCASE PRIMARY KEY CHECK (length(term) > 0),
        position INTEGER NOT NULL CHECK (position >= 0),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
