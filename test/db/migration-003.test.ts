import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';

/** Migration 003 (flags) on a real file: data written at schema 2 survives, the new tables work and enforce. */
describe('migration 003: flags', () => {
  it('adds flags, dismissed suggestions and sensitive terms to a schema-2 file without touching its data', () => {
    const { db, file } = openTestDb({ targetVersion: 2 });
    expect(schemaVersion(db)).toBe(2);
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    db.prepare(`INSERT INTO agenda_items (id, meeting_id, position, title, kind) VALUES ('a1', 'm1', 0, 'Welcome', 'information')`).run();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 3 });
    try {
      expect(schemaVersion(db2)).toBe(3);
      expect(db2.prepare(`SELECT title FROM meetings WHERE id = 'm1'`).get()).toEqual({ title: 'Plenary' });
      expect(db2.prepare(`SELECT title FROM agenda_items WHERE id = 'a1'`).get()).toEqual({ title: 'Welcome' });

      db2.prepare(`INSERT INTO flags (id, meeting_id, section_key, created_at, updated_at, excerpt) VALUES ('f1', 'm1', 'a1', 't0', 't0', 'the price')`).run();
      expect(db2.prepare(`SELECT reason, note, created_by, retired_at, retired_reason, excerpt FROM flags WHERE id = 'f1'`).get()).toEqual({
        reason: 'commercially_confidential',
        note: '',
        created_by: '',
        retired_at: null,
        retired_reason: null,
        excerpt: 'the price',
      });
      db2.prepare(`UPDATE flags SET retired_at = 't1', retired_reason = 'unflagged' WHERE id = 'f1'`).run();
      db2.prepare(`INSERT INTO dismissed_suggestions VALUES ('m1', 'Helix-3', 't0')`).run();
      db2.prepare(`INSERT INTO sensitive_terms VALUES ('Helix-3', 0, 't0')`).run();

      const fails = (sql: string) => expect(() => db2.prepare(sql).run()).toThrow();
      fails(`INSERT INTO flags (id, meeting_id, section_key, reason, created_at, updated_at) VALUES ('f2', 'm1', 'a1', 'gossip', 't', 't')`);
      fails(`INSERT INTO flags (id, meeting_id, section_key, created_at, updated_at) VALUES ('f3', 'nope', 'a1', 't', 't')`);
      fails(`INSERT INTO flags (id, meeting_id, section_key, created_at, updated_at, retired_at) VALUES ('f4', 'm1', 'a1', 't', 't', 't')`);
      fails(`INSERT INTO flags (id, meeting_id, section_key, created_at, updated_at, retired_at, retired_reason) VALUES ('f5', 'm1', 'a1', 't', 't', 't', 'bored')`);
      fails(`INSERT INTO flags (id, meeting_id, section_key, created_at, updated_at) VALUES ('f6', 'm1', '', 't', 't')`);
      fails(`INSERT INTO flags (id, meeting_id, section_key, created_at, updated_at, excerpt) VALUES ('f7', 'm1', 'a1', 't', 't', x'41')`);
      fails(`INSERT INTO dismissed_suggestions VALUES ('m1', 'Helix-3', 't1')`);
      fails(`INSERT INTO dismissed_suggestions VALUES ('m1', '', 't1')`);
      fails(`INSERT INTO sensitive_terms VALUES ('helix-3', 1, 't0')`);

      // Deleting the meeting takes its flags and dismissed suggestions with it; the terms belong to the secretariat.
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      expect(db2.prepare(`SELECT count(*) AS n FROM flags`).get()).toEqual({ n: 0 });
      expect(db2.prepare(`SELECT count(*) AS n FROM dismissed_suggestions`).get()).toEqual({ n: 0 });
      expect(db2.prepare(`SELECT term FROM sensitive_terms`).all()).toEqual([{ term: 'Helix-3' }]);
    } finally {
      db2.close();
    }
  });
});
