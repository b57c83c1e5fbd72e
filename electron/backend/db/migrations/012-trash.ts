import type { Migration } from './types';

/**
 * The trash and the example data's marks.
 *
 * `trash`: a deleted meeting, agenda item or organisation, kept for 30 days as a dump of every row it held (found
 * through the foreign keys; see repositories/graph-repo.ts), restorable as it was. Emptying is explicit; entries
 * older than 30 days are removed when the trash is next read.
 *
 * `example_data`: which rows the example loader made (meetings, organisations), so the example never mixes into the
 * real roster and is removed in one step. No foreign key: the marks of deleted rows are cleaned by the service.
 */
export const m012Trash: Migration = {
  version: 12,
  name: 'trash',
  up(db) {
    db.exec(`
      CREATE TABLE trash (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('meeting', 'agenda_item', 'organisation')),
        entity_id TEXT NOT NULL,
        label TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        meeting_id TEXT,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT NOT NULL DEFAULT '',
        payload_json TEXT NOT NULL CHECK (json_valid(payload_json))
      ) STRICT;
      CREATE INDEX trash_deleted ON trash (deleted_at);

      CREATE TABLE example_data (
        table_name TEXT NOT NULL CHECK (table_name IN ('meetings', 'organisations')),
        row_id TEXT NOT NULL,
        PRIMARY KEY (table_name, row_id)
      ) STRICT;
    `);
  },
};
