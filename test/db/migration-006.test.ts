import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';

/** Migration 006 (timed status changes) on a real file: arrivals and departures written at schema 4 survive. */
describe('migration 006: attendance status events', () => {
  it('keeps every event, in order, and accepts a status event only with its status', () => {
    const { db, file } = openTestDb({ targetVersion: 4 });
    db.exec(`
      INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
        VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'held', 'x', 'x');
      INSERT INTO attendance (id, meeting_id, category, name, organisation, status, position, created_at)
        VALUES ('p1', 'm1', 'observer', 'Dana', 'EDPS', 'in_person', 0, 'x');
      INSERT INTO attendance_events (attendance_id, kind, at) VALUES ('p1', 'arrive', 't1'), ('p1', 'leave', 't2');
    `);
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 6 });
    try {
      expect(schemaVersion(db2)).toBe(6);
      expect(db2.prepare(`SELECT id, kind, at, status FROM attendance_events ORDER BY id`).all()).toEqual([
        { id: 1, kind: 'arrive', at: 't1', status: null },
        { id: 2, kind: 'leave', at: 't2', status: null },
      ]);
      const insert = db2.prepare(`INSERT INTO attendance_events (attendance_id, kind, at, status) VALUES (?, ?, ?, ?)`);
      insert.run('p1', 'status', 't3', 'remote');
      expect(() => insert.run('p1', 'status', 't4', null)).toThrow(); // a status event says to what
      expect(() => insert.run('p1', 'arrive', 't4', 'remote')).toThrow(); // only status events carry one
      expect(() => insert.run('p1', 'status', 't4', 'asleep')).toThrow();
      expect(() => insert.run('nope', 'arrive', 't4', null)).toThrow(); // foreign key
      db2.prepare(`DELETE FROM attendance WHERE id = 'p1'`).run();
      expect(db2.prepare(`SELECT COUNT(*) AS n FROM attendance_events`).get()).toEqual({ n: 0 });
    } finally {
      db2.close();
    }
  });
});
