import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';

/** Migration 012 (trash, example marks) on a schema-10 file: data survives, the tables enforce their checks. */
describe('migration 012: trash and example marks', () => {
  it('adds the trash and the example marks to a schema-10 file without touching its data', () => {
    const { db, file } = openTestDb({ targetVersion: 10 });
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    db.close();
    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 12 });
    try {
      expect(schemaVersion(db2)).toBe(12);
      expect(db2.prepare(`SELECT title FROM meetings`).get()).toEqual({ title: 'Plenary' });
      const ins = db2.prepare(`INSERT INTO trash (id, kind, entity_id, label, deleted_at, payload_json) VALUES (?, ?, 'e', 'l', 't', ?)`);
      ins.run('t1', 'meeting', '{}');
      expect(() => ins.run('t2', 'minutes', '{}')).toThrow();
      expect(() => ins.run('t3', 'meeting', 'not json')).toThrow();
      const mark = db2.prepare(`INSERT INTO example_data (table_name, row_id) VALUES (?, ?)`);
      mark.run('meetings', 'm1');
      expect(() => mark.run('meetings', 'm1')).toThrow();
      expect(() => mark.run('representatives', 'r1')).toThrow();
    } finally {
      db2.close();
    }
  });
});
