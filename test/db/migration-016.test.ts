import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { HoldsRepo } from '../../electron/backend/repositories/holds-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

/**
 * Migration 016 (publication holds) on a schema-15 file: the table is added empty (no hold: a file restored before it
 * was not held), a hold placed is in force until released, a released one is kept with its time, and the constraints hold.
 */
describe('migration 016: publication holds', () => {
  it('adds an empty table to a schema-15 file; holds are placed, read and released; the constraints hold', () => {
    const { db, file } = openTestDb({ targetVersion: 15 });
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'publication_holds'`).get()).toEqual({ n: 0 });
    // Read before the migration (a data file kept aside by an older version): no hold, no error.
    expect(new HoldsRepo(db).current()).toBeNull();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 16 });
    try {
      expect(schemaVersion(db2)).toBe(16);
      const repo = new HoldsRepo(db2);
      expect(repo.current()).toBeNull();
      repo.place({ backupName: 'backup-2026-02-03T10-00-00Z-auto.sqlite3', backupCreatedAt: '2026-02-03T10:00:00.000Z', placedAt: '2026-02-04T09:00:00.000Z' });
      expect(repo.current()).toEqual({ backupName: 'backup-2026-02-03T10-00-00Z-auto.sqlite3', backupCreatedAt: '2026-02-03T10:00:00.000Z', placedAt: '2026-02-04T09:00:00.000Z' });
      expect(repo.release('2026-02-04T10:00:00.000Z', 'Ana Officer')).toBe(1);
      expect(repo.current()).toBeNull();
      expect(repo.release('2026-02-04T11:00:00.000Z', 'Someone else')).toBe(0);
      expect(db2.prepare(`SELECT released_at AS r, released_by AS b FROM publication_holds`).all()).toEqual([{ r: '2026-02-04T10:00:00.000Z', b: 'Ana Officer' }]);
      expect(() => db2.prepare(`UPDATE publication_holds SET released_by = ?`).run('x'.repeat(121))).toThrow(/CHECK/);
      expect(() => db2.prepare(`INSERT INTO publication_holds (reason, backup_name, backup_created_at, placed_at) VALUES ('other', 'b', 'x', 'y')`).run()).toThrow(/CHECK/);
      expect(() => db2.prepare(`INSERT INTO publication_holds (reason, backup_name, backup_created_at, placed_at) VALUES ('restored_over_unreadable', '', 'x', 'y')`).run()).toThrow(/CHECK/);
    } finally {
      db2.close();
    }
  });
});
