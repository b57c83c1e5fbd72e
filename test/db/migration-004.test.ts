import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';

const SHA = 'a'.repeat(64);

/** Migration 004 (export history) on a real file: data written at schema 3 survives, the table works and enforces. */
describe('migration 004: exports', () => {
  it('adds the export history to a schema-3 file without touching its data', () => {
    const { db, file } = openTestDb({ targetVersion: 3 });
    expect(schemaVersion(db)).toBe(3);
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 4 });
    try {
      expect(schemaVersion(db2)).toBe(4);
      expect(db2.prepare(`SELECT title FROM meetings WHERE id = 'm1'`).get()).toEqual({ title: 'Plenary' });
      const insert = db2.prepare(
        `INSERT INTO exports (id, meeting_id, kind, file_name, created_at, check_passed, sha256, byte_length) VALUES (?, ?, ?, ?, 't0', ?, ?, ?)`,
      );
      insert.run('e1', 'm1', 'public_summary', '2026-01-30 Plenary – public summary.docx', 1, SHA, 1234);
      insert.run('e2', 'm1', 'agenda', '2026-01-30 Plenary – agenda.docx', null, SHA, 99);
      expect(db2.prepare(`SELECT kind, check_passed, byte_length, findings_json FROM exports ORDER BY id`).all()).toEqual([
        { kind: 'public_summary', check_passed: 1, byte_length: 1234, findings_json: '[]' },
        { kind: 'agenda', check_passed: null, byte_length: 99, findings_json: '[]' },
      ]);
      const fails = (...args: unknown[]) => expect(() => insert.run(...args)).toThrow();
      fails('e3', 'm1', 'memo', 'x.docx', null, SHA, 1); // unknown kind
      fails('e4', 'nope', 'agenda', 'x.docx', null, SHA, 1); // no such meeting
      fails('e5', 'm1', 'agenda', 'x.docx', 1, SHA, 1); // internal documents are not checked
      fails('e6', 'm1', 'public_summary', 'x.docx', 2, SHA, 1); // check_passed is 0 or 1
      fails('e7', 'm1', 'public_summary', 'x.docx', 1, 'short', 1); // sha256 is 64 hex characters
      fails('e8', 'm1', 'public_summary', '', 1, SHA, 1); // a file name is required
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      expect(db2.prepare(`SELECT COUNT(*) AS n FROM exports`).get()).toEqual({ n: 0 }); // cascades with the meeting
    } finally {
      db2.close();
    }
  });
});
