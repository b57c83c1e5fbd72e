import type { Migration } from './types';

/**
 * Kept copies of refused saves. A page's autosave refused because the section was changed in another window
 * (`conflict`), or because the minutes were approved meanwhile (`read_only`), used to leave the officer's words only on
 * that page's screen: a reload or a closed window lost them. Now the backend keeps them as a revision of the section
 * (MinutesService.saveSection), with one of two new reasons:
 * - `conflict_copy`: the section was changed in another window;
 * - `refused_copy`: the minutes were approved meanwhile;
 * and `writer`, the page that sent it (its writer id, as minutes_sections.last_writer, migration 014): one kept copy
 * per page and section, its newest words replacing its earlier copy (a page refused while the officer goes on typing
 * would otherwise add a copy at every retry). NULL on every other revision.
 * SQLite cannot change a CHECK constraint in place: the table is rebuilt, its rows copied as they are.
 */
export const m017KeptCopies: Migration = {
  version: 17,
  name: 'kept-copies',
  up(db) {
    db.exec(`
      CREATE TABLE minutes_revisions_new (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL,
        minutes_version INTEGER NOT NULL CHECK (minutes_version >= 1),
        rev INTEGER NOT NULL CHECK (rev >= 0),
        reason TEXT NOT NULL CHECK (reason IN ('leave', 'periodic', 'export', 'manual', 'auto', 'before_restore', 'restore', 'approved',
          'conflict_copy', 'refused_copy')),
        content_json TEXT NOT NULL CHECK (json_valid(content_json)),
        plain_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seq INTEGER NOT NULL,
        writer TEXT CHECK (writer IS NULL OR length(writer) BETWEEN 1 AND 64),
        CHECK ((writer IS NOT NULL) <= (reason IN ('conflict_copy', 'refused_copy')))
      ) STRICT;
      INSERT INTO minutes_revisions_new (id, meeting_id, section_key, minutes_version, rev, reason, content_json, plain_text, created_at, seq)
        SELECT id, meeting_id, section_key, minutes_version, rev, reason, content_json, plain_text, created_at, seq FROM minutes_revisions;
      DROP TABLE minutes_revisions;
      ALTER TABLE minutes_revisions_new RENAME TO minutes_revisions;
      CREATE INDEX minutes_revisions_section ON minutes_revisions (meeting_id, section_key, seq);
    `);
  },
};
