import type { Migration } from './types';

/**
 * The export history: every document produced for a meeting (kind, default file name, when, whether the public
 * file passed the redaction check, its SHA-256 and size). Blocked public exports are recorded too (check_passed 0),
 * with what the check found, so a near-leak leaves a trace. Internal documents are not checked: check_passed NULL.
 */
export const m004Exports: Migration = {
  version: 4,
  name: 'exports',
  up(db) {
    db.exec(`
      CREATE TABLE exports (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('agenda', 'internal_minutes', 'public_summary', 'participants', 'redaction_record')),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        created_at TEXT NOT NULL,
        check_passed INTEGER CHECK (check_passed IN (0, 1)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        byte_length INTEGER NOT NULL CHECK (byte_length >= 0),
        findings_json TEXT NOT NULL DEFAULT '[]',
        CHECK (kind = 'public_summary' OR check_passed IS NULL)
      ) STRICT;
      CREATE INDEX exports_meeting ON exports (meeting_id, created_at);
    `);
  },
};
