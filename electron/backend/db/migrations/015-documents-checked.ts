import type { Migration } from './types';

/**
 * The agenda and the list of participants are checked for flagged passages as the public summary is (the agenda is
 * circulated to every member organisation and may be published, the list is the meeting's public record of who took
 * part; before, both went out with no check): their exports record whether the check passed. Until schema 15 a CHECK
 * allowed a check result on a public summary only. SQLite cannot change a table's CHECK, so the
 * table is made again with every row (and its rowid, which orders exports made in the same millisecond) and its index.
 * No other table refers to it and it has no triggers.
 */
export const m015DocumentsChecked: Migration = {
  version: 15,
  name: 'documents-checked',
  up(db) {
    db.exec(`
      CREATE TABLE exports_15 (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('agenda', 'internal_minutes', 'public_summary', 'participants', 'redaction_record')),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        created_at TEXT NOT NULL,
        check_passed INTEGER CHECK (check_passed IN (0, 1)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        byte_length INTEGER NOT NULL CHECK (byte_length >= 0),
        findings_json TEXT NOT NULL DEFAULT '[]',
        CHECK (kind IN ('public_summary', 'agenda', 'participants') OR check_passed IS NULL)
      ) STRICT;
      INSERT INTO exports_15 (rowid, id, meeting_id, kind, file_name, created_at, check_passed, sha256, byte_length, findings_json)
        SELECT rowid, id, meeting_id, kind, file_name, created_at, check_passed, sha256, byte_length, findings_json FROM exports;
      DROP TABLE exports;
      ALTER TABLE exports_15 RENAME TO exports;
      CREATE INDEX exports_meeting ON exports (meeting_id, created_at);
    `);
  },
};
