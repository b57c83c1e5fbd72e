import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { SearchRepo } from '../../electron/backend/repositories/search-repo';
import { openTestDb } from '../helpers/temp';

/**
 * Migration 013 (search_pending) on a schema-12 file: what the index already holds stays found; from then on a change
 * of a passage is noted (with the text FTS5 holds) and reaches FTS5 at the flush, deletions and reused ids included.
 */
describe('migration 013: changed passages are noted, then flushed into FTS5', () => {
  it('keeps a schema-12 index, notes each change with the text FTS5 holds, and the flush brings FTS5 in line', () => {
    const { db, file } = openTestDb({ targetVersion: 12 });
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    db.prepare(`INSERT INTO agenda_items (id, meeting_id, position, title, kind) VALUES ('a1', 'm1', 0, 'Copyright chapter', 'discussion')`).run();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 13 });
    try {
      expect(schemaVersion(db2)).toBe(13);
      const repo = new SearchRepo(db2);
      const find = (q: string) => db2.prepare(`SELECT d.kind, d.ref FROM search_fts f JOIN search_docs d ON d.id = f.rowid WHERE search_fts MATCH ?`).all(q);
      const pending = () => db2.prepare(`SELECT id, indexed_text AS text FROM search_pending ORDER BY id`).all();
      const integrity = () => db2.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`).run();
      // What schema 12 indexed is found, and nothing is noted.
      expect(find('copyright')).toEqual([{ kind: 'agenda', ref: 'a1' }]);
      expect(pending()).toEqual([]);
      expect(repo.hasPending()).toBe(false);

      // Two changes of one passage: one note, holding the text FTS5 has (the first).
      const id = db2.prepare(`SELECT id FROM search_docs WHERE ref = 'a1'`).pluck().get() as number;
      db2.prepare(`UPDATE agenda_items SET title = 'Safety chapter' WHERE id = 'a1'`).run();
      db2.prepare(`UPDATE agenda_items SET title = 'Transparency chapter' WHERE id = 'a1'`).run();
      expect(pending()).toEqual([{ id, text: 'Copyright chapter\n' }]); // title and description, as migration 010 writes them
      expect(repo.hasPending()).toBe(true);
      expect(find('transparency')).toEqual([]); // not in FTS5 before the flush
      expect(repo.flushPending()).toBe(1);
      expect(pending()).toEqual([]);
      expect(find('transparency')).toEqual([{ kind: 'agenda', ref: 'a1' }]);
      expect(find('copyright OR safety')).toEqual([]);
      integrity();

      // A new passage is noted without text (FTS5 holds none); a deleted one keeps the text to remove.
      db2.prepare(`INSERT INTO decisions (id, meeting_id, section_key, text, outcome, created_at, updated_at) VALUES ('d1', 'm1', 'a1', 'Adopted unanimously', 'adopted', 'x', 'x')`).run();
      const d1 = db2.prepare(`SELECT id FROM search_docs WHERE ref = 'd1'`).pluck().get() as number;
      expect(pending()).toEqual([{ id: d1, text: null }]);
      repo.flushPending();
      expect(find('unanimously')).toEqual([{ kind: 'decision', ref: 'd1' }]);
      db2.prepare(`DELETE FROM decisions WHERE id = 'd1'`).run();
      expect(pending()).toEqual([{ id: d1, text: 'Adopted unanimously' }]);
      // The deleted passage's id is taken again (ids count down from the smallest) before the flush: removed under its
      // old text, indexed under its new.
      db2.prepare(`INSERT INTO action_items (id, meeting_id, section_key, text, created_at, updated_at) VALUES ('x1', 'm1', 'a1', 'Circulate the glossary', 'x', 'x')`).run();
      expect(db2.prepare(`SELECT id FROM search_docs WHERE ref = 'x1'`).pluck().get()).toBe(d1);
      expect(pending()).toEqual([{ id: d1, text: 'Adopted unanimously' }]);
      repo.flushPending();
      expect(find('unanimously')).toEqual([]);
      expect(find('glossary')).toEqual([{ kind: 'action', ref: 'x1' }]);
      integrity();

      // A passage added and deleted between two flushes never reaches FTS5.
      db2.prepare(`INSERT INTO decisions (id, meeting_id, section_key, text, outcome, created_at, updated_at) VALUES ('d2', 'm1', 'a1', 'Postponed indefinitely', 'postponed', 'x', 'x')`).run();
      db2.prepare(`DELETE FROM decisions WHERE id = 'd2'`).run();
      repo.flushPending();
      expect(find('indefinitely')).toEqual([]);
      integrity();

      // A meeting deleted: its passages leave FTS5 at the flush.
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      expect(repo.flushPending()).toBe(2);
      expect(find('transparency OR glossary')).toEqual([]);
      integrity();
    } finally {
      db2.close();
    }
  });
});
