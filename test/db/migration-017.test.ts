import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { RevisionsRepo } from '../../electron/backend/repositories/revisions-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

const MEETING = `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
  VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`;
const REVISION = `INSERT INTO minutes_revisions (id, meeting_id, section_key, minutes_version, rev, reason, content_json, plain_text, created_at, seq)
  VALUES (?, 'm1', 'opening', 1, ?, ?, ?, ?, ?, ?)`;

/**
 * Migration 017 (kept copies of refused saves) on a schema-16 file: the revisions table is rebuilt with two more
 * reasons and a writer column; every stored revision is copied as it was (writer NULL), the index is there again, and
 * the constraints hold: the new reasons are accepted, a writer only on a kept copy.
 */
describe('migration 017: kept copies of refused saves', () => {
  it('rebuilds the revisions table of a schema-16 file, keeping every revision; the new reasons and the writer are accepted only together', () => {
    const { db, file } = openTestDb({ targetVersion: 16 });
    db.prepare(MEETING).run();
    db.prepare(REVISION).run('r1', 2, 'periodic', '{"a":1}', 'First words', '2026-01-30T10:05:00.000Z', 1);
    db.prepare(REVISION).run('r2', 3, 'approved', '{"a":2}', 'Approved words', '2026-01-30T11:00:00.000Z', 2);
    expect(() => db.prepare(REVISION).run('r3', 3, 'conflict_copy', '{}', '', 'x', 3)).toThrow(/CHECK/);
    const before = db.prepare(`SELECT * FROM minutes_revisions ORDER BY seq`).all();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 17 });
    try {
      expect(schemaVersion(db2)).toBe(17);
      const after = db2.prepare(`SELECT * FROM minutes_revisions ORDER BY seq`).all() as Array<Record<string, unknown>>;
      expect(after).toEqual((before as Array<Record<string, unknown>>).map((r) => ({ ...r, writer: null })));
      expect(db2.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'minutes_revisions' AND name NOT LIKE 'sqlite_%'`).all()).toEqual([
        { name: 'minutes_revisions_section' },
      ]);
      // Foreign keys still point at meetings: a revision of no meeting is refused, a meeting's deletion takes its revisions.
      expect(db2.pragma('foreign_key_check')).toEqual([]);
      expect(() => db2.prepare(REVISION.replace("'m1'", "'nope'")).run('r9', 1, 'manual', '{}', '', 'x', 9)).toThrow(/FOREIGN KEY/);

      const repo = new RevisionsRepo(db2);
      const kept = { meetingId: 'm1', sectionKey: 'opening', minutesVersion: 1, rev: 3, now: '2026-01-30T11:30:00.000Z', plainText: 'Late words' };
      expect(repo.keepRefused({ ...kept, id: 'k1', reason: 'refused_copy', contentJson: '{"late":1}', writer: 'ab'.repeat(8) })).toBe(true);
      expect(repo.keepRefused({ ...kept, id: 'k2', reason: 'conflict_copy', contentJson: '{"late":2}', writer: undefined })).toBe(true);
      expect(repo.list('m1', 'opening').map((r) => [r.id, r.reason])).toEqual([
        ['k2', 'conflict_copy'],
        ['k1', 'refused_copy'],
        ['r2', 'approved'],
        ['r1', 'periodic'],
      ]);
      // A writer only on a kept copy; not empty.
      expect(() => db2.prepare(`UPDATE minutes_revisions SET writer = 'w' WHERE id = 'r1'`).run()).toThrow(/CHECK/);
      expect(() => db2.prepare(`UPDATE minutes_revisions SET writer = '' WHERE id = 'k1'`).run()).toThrow(/CHECK/);
      expect(() => db2.prepare(`UPDATE minutes_revisions SET reason = 'other' WHERE id = 'k1'`).run()).toThrow(/CHECK/);

      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      expect(db2.prepare(`SELECT count(*) AS n FROM minutes_revisions`).get()).toEqual({ n: 0 });
    } finally {
      db2.close();
    }
  });
});
