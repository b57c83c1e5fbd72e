import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';
import { doc } from './minutes-fixture';

/** Migration 010 (search): data written at schema 4 is indexed on upgrade, and the triggers keep it current. */
describe('migration 010: search', () => {
  it('indexes what a schema-4 file already holds and keeps agenda items, decisions and actions current', () => {
    const { db, file } = openTestDb({ targetVersion: 4 });
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    db.prepare(`INSERT INTO agenda_items (id, meeting_id, position, title, kind) VALUES ('a1', 'm1', 0, 'Copyright chapter', 'discussion')`).run();
    db.prepare(`INSERT INTO minutes_sections (meeting_id, section_key, content_json, plain_text, rev, updated_at) VALUES ('m1', 'a1', ?, '', 1, 'x')`).run(
      JSON.stringify(doc('Première lecture du chapitre.', '')),
    );
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 10 });
    try {
      expect(schemaVersion(db2)).toBe(10);
      const find = (q: string) => db2.prepare(`SELECT d.kind, d.ref FROM search_fts f JOIN search_docs d ON d.id = f.rowid WHERE search_fts MATCH ?`).all(q);
      expect(find('premiere')).toEqual([{ kind: 'minutes', ref: 'a1' }]);
      expect(find('copyright')).toEqual([{ kind: 'agenda', ref: 'a1' }]);
      db2.prepare(`UPDATE agenda_items SET title = 'Safety chapter' WHERE id = 'a1'`).run();
      expect(find('copyright')).toEqual([]);
      expect(find('safety')).toEqual([{ kind: 'agenda', ref: 'a1' }]);
      db2.prepare(`INSERT INTO decisions (id, meeting_id, section_key, text, outcome, created_at, updated_at) VALUES ('d1', 'm1', 'a1', 'Adopted unanimously', 'adopted', 'x', 'x')`).run();
      expect(find('unanimously')).toEqual([{ kind: 'decision', ref: 'd1' }]);
      db2.prepare(`DELETE FROM decisions WHERE id = 'd1'`).run();
      expect(find('unanimously')).toEqual([]);
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      expect(db2.prepare(`SELECT count(*) AS n FROM search_docs`).get()).toEqual({ n: 0 });
      expect(find('premiere OR safety')).toEqual([]);
      db2.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`).run();
    } finally {
      db2.close();
    }
  });
});
