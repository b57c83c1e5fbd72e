import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

const SHA = 'b'.repeat(64);

/**
 * Migration 015 (the agenda's and the list of participants' exports record their redaction check) on a schema-14
 * file: the history made before it survives row for row, in its order; these two may now carry a check result; the
 * internal documents still not;
 * the rest of the table's rules, its index and the cascade with the meeting hold as before.
 */
describe('migration 015: the agenda and the list of participants are checked', () => {
  it('keeps a schema-14 history as it was and lets the agenda and the list of participants record their check', () => {
    const { db, file } = openTestDb({ targetVersion: 14 });
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    const old = db.prepare(
      `INSERT INTO exports (id, meeting_id, kind, file_name, created_at, check_passed, sha256, byte_length, findings_json) VALUES (?, 'm1', ?, ?, 't0', ?, ?, ?, ?)`,
    );
    // Same created_at: the rowid orders them (the history lists the newest first).
    old.run('z-first', 'public_summary', 'a.docx', 0, SHA, 10, '[{"kind":"passage"}]');
    old.run('a-second', 'agenda', 'b.docx', null, SHA, 20, '[]');
    expect(() => old.run('e0', 'agenda', 'c.docx', 1, SHA, 1, '[]')).toThrow(/CHECK/);
    const before = db.prepare(`SELECT rowid, * FROM exports ORDER BY rowid`).all();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 15 });
    try {
      expect(schemaVersion(db2)).toBe(15);
      expect(db2.prepare(`SELECT rowid, * FROM exports ORDER BY rowid`).all()).toEqual(before);
      expect(db2.prepare(`SELECT name FROM sqlite_schema WHERE tbl_name = 'exports' AND type = 'index' AND name = 'exports_meeting'`).get()).toEqual({ name: 'exports_meeting' });
      const insert = db2.prepare(
        `INSERT INTO exports (id, meeting_id, kind, file_name, created_at, check_passed, sha256, byte_length) VALUES (?, ?, ?, ?, 't1', ?, ?, ?)`,
      );
      insert.run('e1', 'm1', 'agenda', 'd.docx', 1, SHA, 5);
      insert.run('e2', 'm1', 'agenda', 'e.docx', 0, SHA, 5);
      insert.run('e2b', 'm1', 'participants', 'f.docx', 1, SHA, 5);
      const fails = (...args: unknown[]) => expect(() => insert.run(...args)).toThrow();
      fails('e3', 'm1', 'redaction_record', 'x.docx', 1, SHA, 1); // the internal documents are not checked
      fails('e4', 'm1', 'internal_minutes', 'x.docx', 0, SHA, 1);
      fails('e5', 'm1', 'agenda', 'x.docx', 2, SHA, 1); // 0 or 1
      fails('e6', 'm1', 'memo', 'x.docx', null, SHA, 1); // unknown kind
      fails('e7', 'nope', 'agenda', 'x.docx', null, SHA, 1); // no such meeting
      fails('e8', 'm1', 'agenda', '', null, SHA, 1); // a file name
      fails('e9', 'm1', 'agenda', 'x.docx', null, 'short', 1); // a SHA-256
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      expect(db2.prepare(`SELECT COUNT(*) AS n FROM exports`).get()).toEqual({ n: 0 }); // cascades with the meeting
      expect(db2.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db2.close();
    }
  });
});
