import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { MinutesRepo } from '../../electron/backend/repositories/minutes-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

/**
 * Migration 014 (who wrote each section's current rev) on a schema-13 file: a section stored before it has no writer
 * (no page's save is taken as its author: a save from an old base is a conflict, as before); from then on a page's
 * save records its writer and base in the same write, and any other write clears them.
 */
describe('migration 014: the writer of a section’s current rev', () => {
  it('adds the columns to a schema-13 file, NULL for stored sections; writes record them and other writes clear them', () => {
    const { db, file } = openTestDb({ targetVersion: 13 });
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    db.prepare(`INSERT INTO minutes_sections (meeting_id, section_key, content_json, plain_text, rev, updated_at) VALUES ('m1', 'opening', '{}', 'Words', 3, 'x')`).run();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 14 });
    try {
      expect(schemaVersion(db2)).toBe(14);
      expect(new MinutesRepo(db2).head('m1', 'opening')).toMatchObject({ rev: 3, lastWriter: null, lastBaseRev: null });
    } finally {
      db2.close();
    }
    // The writes, by the repository as it is now (it also keeps the rev marks of migration 020).
    const db3 = openDatabase(file, { key: TEST_KEY });
    try {
      const repo = new MinutesRepo(db3);
      expect(repo.write('m1', 'opening', '{"a":1}', 'More words', 'y', { writer: 'page-1', baseRev: 3 })).toBe(4);
      expect(repo.head('m1', 'opening')).toMatchObject({ rev: 4, lastWriter: 'page-1', lastBaseRev: 3 });
      // A write that is not a page's save (a restore of a revision): nobody's.
      expect(repo.write('m1', 'opening', '{"a":2}', 'Restored', 'z')).toBe(5);
      expect(repo.head('m1', 'opening')).toMatchObject({ rev: 5, lastWriter: null, lastBaseRev: null });
      // The constraints hold.
      expect(() => db3.prepare(`UPDATE minutes_sections SET last_writer = '' WHERE meeting_id = 'm1'`).run()).toThrow(/CHECK/);
      expect(() => db3.prepare(`UPDATE minutes_sections SET last_base_rev = -1 WHERE meeting_id = 'm1'`).run()).toThrow(/CHECK/);
    } finally {
      db3.close();
    }
  });
});
