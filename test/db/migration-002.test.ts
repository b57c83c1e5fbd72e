import { TEST_KEY } from '../helpers/key';
import { applyKey } from '../../electron/backend/db/key';
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';

/** Migration 002 (minutes) on a real file: data written at schema 1 survives, the new tables work and enforce. */
describe('migration 002: minutes', () => {
  it('adds the minutes tables to a schema-1 file without touching its data', () => {
    const { db, file } = openTestDb({ targetVersion: 1 });
    expect(schemaVersion(db)).toBe(1);
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    db.prepare(`INSERT INTO agenda_items (id, meeting_id, position, title, kind) VALUES ('a1', 'm1', 0, 'Welcome', 'information')`).run();
    db.prepare(`INSERT INTO organisations (id, name, created_at) VALUES ('o1', 'Org', 'x')`).run();
    db.prepare(`INSERT INTO representatives (id, organisation_id, name, created_at) VALUES ('r1', 'o1', 'Ada', 'x')`).run();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 2 });
    try {
      expect(schemaVersion(db2)).toBe(2);
      expect(db2.prepare(`SELECT title FROM meetings WHERE id = 'm1'`).get()).toEqual({ title: 'Plenary' });
      const tables = (db2.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>).map((t) => t.name);
      for (const t of ['minutes', 'minutes_sections', 'minutes_revisions', 'section_timings', 'attendance', 'attendance_events', 'decisions', 'action_items'])
        expect(tables).toContain(t);

      db2.prepare(`INSERT INTO minutes (meeting_id, updated_at) VALUES ('m1', 'x')`).run();
      expect(db2.prepare(`SELECT status, version FROM minutes`).get()).toEqual({ status: 'draft', version: 1 });
      db2.prepare(`INSERT INTO minutes_sections VALUES ('m1', 'a1', '{"root":{}}', 'hello', 1, 'x')`).run();
      db2.prepare(`INSERT INTO attendance (id, meeting_id, category, representative_id, organisation_id, name, status, position, created_at)
                   VALUES ('p1', 'm1', 'representative', 'r1', 'o1', 'Ada', 'in_person', 0, 'x')`).run();
      db2.prepare(`INSERT INTO decisions VALUES ('d1', 'm1', 'a1', 'Agreed', 'adopted', 'x', 'x')`).run();
      db2.prepare(`INSERT INTO action_items VALUES ('x1', 'm1', 'a1', 'Send', 'AI Office', '2026-02-01', 'open', 'x', 'x')`).run();
      db2.prepare(`INSERT INTO section_timings (meeting_id, section_key, started_at) VALUES ('m1', 'opening', '2026-01-30T09:00:00Z')`).run();

      // Constraints: checks, one running timer, json content, strict types.
      const fails = (sql: string) => expect(() => db2.prepare(sql).run()).toThrow();
      fails(`UPDATE minutes SET status = 'published'`);
      fails(`INSERT INTO minutes_sections VALUES ('m1', 'opening', 'not json', '', 1, 'x')`);
      fails(`INSERT INTO section_timings (meeting_id, section_key, started_at) VALUES ('m1', 'a1', '2026-01-30T09:01:00Z')`);
      fails(`INSERT INTO action_items VALUES ('x2', 'm1', 'a1', 'Send', '', '1 Feb', 'open', 'x', 'x')`);
      fails(`INSERT INTO decisions VALUES ('d2', 'm1', 'a1', 'Agreed', 'maybe', 'x', 'x')`);
      fails(`INSERT INTO attendance (id, meeting_id, category, representative_id, name, status, position, created_at)
             VALUES ('p2', 'm1', 'observer', 'r1', 'Ada', 'in_person', 1, 'x')`);
      fails(`INSERT INTO minutes_sections VALUES ('m1', 'closing', '{}', '', 'one', 'x')`);

      // Removing a representative keeps the attendance record (name copied), deleting the meeting removes everything.
      db2.prepare(`DELETE FROM representatives WHERE id = 'r1'`).run();
      expect(db2.prepare(`SELECT representative_id, name FROM attendance WHERE id = 'p1'`).get()).toEqual({ representative_id: null, name: 'Ada' });
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      for (const t of ['minutes', 'minutes_sections', 'attendance', 'decisions', 'action_items', 'section_timings'])
        expect(db2.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    } finally {
      db2.close();
    }
  });

  it('leaves an integrity-checked file', () => {
    const { file, db } = openTestDb({ targetVersion: 2 });
    db.close(); // the app holds its file exclusively (one writer per folder): read it after closing
    const raw = new BetterSqlite3(file, { readonly: true });
    applyKey(raw, TEST_KEY);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
  });
});
