import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';

/** Migration 007 (the body's document conventions) on a real file: an existing body keeps its name and gets defaults. */
describe('migration 007: document conventions', () => {
  it('adds the conventions with the AI Office defaults, keeping the body', () => {
    const { db, file } = openTestDb({ targetVersion: 6 });
    db.prepare(`UPDATE body SET name = 'Renamed body', chair = 'Chair X' WHERE id = 1`).run();
    db.close();
    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 7 });
    try {
      expect(schemaVersion(db2)).toBe(7);
      expect(db2.prepare(`SELECT * FROM body`).get()).toEqual({
        id: 1,
        name: 'Renamed body',
        chair: 'Chair X',
        reference_prefix: 'AIO/SIGTF',
        place_of_issue: 'Brussels',
        time_zone: 'Europe/Brussels',
        language: 'en-GB',
        internal_marking: 'Internal — not for publication',
      });
      expect(() => db2.prepare(`UPDATE body SET internal_marking = '' WHERE id = 1`).run()).toThrow(/CHECK/);
      expect(() => db2.prepare(`UPDATE body SET time_zone = '' WHERE id = 1`).run()).toThrow(/CHECK/);
    } finally {
      db2.close();
    }
  });
});
