import type { Migration } from './types';

/**
 * Every change of a participant's status is timed: attendance_events gains the kind 'status' with the new status
 * (arrivals and departures stay 'arrive' / 'leave'). SQLite cannot change a CHECK in place, so the table is rebuilt
 * and its rows copied with their ids (order kept).
 */
export const m006AttendanceStatusEvents: Migration = {
  version: 6,
  name: 'attendance-status-events',
  up(db) {
    db.exec(`
      CREATE TABLE attendance_events_new (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        attendance_id TEXT NOT NULL REFERENCES attendance (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('arrive', 'leave', 'status')),
        at TEXT NOT NULL,
        status TEXT CHECK (status IN ('in_person', 'remote', 'excused', 'absent')),
        CHECK ((kind = 'status') = (status IS NOT NULL))
      ) STRICT;
      INSERT INTO attendance_events_new (id, attendance_id, kind, at, status) SELECT id, attendance_id, kind, at, NULL FROM attendance_events;
      DROP TABLE attendance_events;
      ALTER TABLE attendance_events_new RENAME TO attendance_events;
      CREATE INDEX attendance_events_person ON attendance_events (attendance_id, id);
    `);
  },
};
