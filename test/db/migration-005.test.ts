import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';

/** Migration 005 (flag lifecycle) on a real file: flag rows written at schema 4 survive the table rebuild as they were. */
describe('migration 005: flag lifecycle', () => {
  it('keeps every flag row, adds retired_by and unmarked_since, accepts "undo" and enforces the new rules', () => {
    const { db, file } = openTestDb({ targetVersion: 4 });
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    const old = db.prepare(
      `INSERT INTO flags (id, meeting_id, section_key, reason, note, created_by, created_at, updated_at, retired_at, retired_reason, excerpt)
       VALUES (?, 'm1', 'opening', 'personal_data', 'n', 'me', 't0', 't1', ?, ?, ?)`,
    );
    old.run('f1', null, null, 'in force');
    old.run('f2', 't2', 'unflagged', 'lifted');
    expect(() => old.run('f3', 't2', 'undo', 'x')).toThrow(); // not known at schema 4
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 5 });
    try {
      expect(schemaVersion(db2)).toBe(5);
      expect(db2.prepare(`SELECT id, reason, note, created_by, retired_reason, retired_by, unmarked_since, excerpt FROM flags ORDER BY id`).all()).toEqual([
        { id: 'f1', reason: 'personal_data', note: 'n', created_by: 'me', retired_reason: null, retired_by: '', unmarked_since: null, excerpt: 'in force' },
        { id: 'f2', reason: 'personal_data', note: 'n', created_by: 'me', retired_reason: 'unflagged', retired_by: '', unmarked_since: null, excerpt: 'lifted' },
      ]);
      const insert = db2.prepare(
        `INSERT INTO flags (id, meeting_id, section_key, created_at, updated_at, retired_at, retired_reason, retired_by, unmarked_since) VALUES (?, 'm1', 'opening', 't', 't', ?, ?, ?, ?)`,
      );
      insert.run('f4', 't', 'undo', 'officer', null);
      insert.run('f5', null, null, '', 't');
      expect(() => insert.run('f6', 't', 'undo', '', 't')).toThrow(); // retired and mark missing at once
      expect(() => insert.run('f7', 't', 'forgotten', '', null)).toThrow(); // unknown reason
      expect(db2.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flags'`).all()).toContainEqual({ name: 'flags_meeting_section' });
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      expect(db2.prepare(`SELECT COUNT(*) AS n FROM flags`).get()).toEqual({ n: 0 }); // still cascades with the meeting
    } finally {
      db2.close();
    }
  });
});
