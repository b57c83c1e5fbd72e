import { describe, expect, it, vi } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { RevisionsRepo } from '../../electron/backend/repositories/revisions-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

const MEETING = `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
  VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`;
const REVISION = `INSERT INTO minutes_revisions (id, meeting_id, section_key, minutes_version, rev, reason, content_json, plain_text, created_at, seq, writer)
  VALUES (?, 'm1', 'opening', 1, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Migration 018 (the revisions' index carries reason and created_at) on a schema-17 file: the rows are untouched, the
 * index has its new columns, and the question every autosave asks (when the newest copy of the section's own words
 * was kept) is answered from the index alone — not by reading each revision's words — with the same answer.
 */
describe('migration 018: revision heads in the index', () => {
  it("answers a save's question from the index, with the same answer, on a schema-17 file", () => {
    const { db, file } = openTestDb({ targetVersion: 17 });
    const words = 'word '.repeat(40_000);
    db.prepare(MEETING).run();
    db.prepare(REVISION).run('r1', 2, 'periodic', JSON.stringify({ words }), words, '2026-01-30T10:05:00.000Z', 1, null);
    db.prepare(REVISION).run('r2', 3, 'auto', JSON.stringify({ words }), words, '2026-01-30T10:20:00.000Z', 2, null);
    db.prepare(REVISION).run('r3', 3, 'conflict_copy', '{}', 'Other words', '2026-01-30T10:30:00.000Z', 3, 'writer-a');
    const before = db.prepare(`SELECT * FROM minutes_revisions ORDER BY seq`).all();
    expect(new RevisionsRepo(db).latestCreatedAt('m1', 'opening')).toBe('2026-01-30T10:20:00.000Z');
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 18 });
    try {
      expect(schemaVersion(db2)).toBe(18);
      expect(db2.prepare(`SELECT * FROM minutes_revisions ORDER BY seq`).all()).toEqual(before);
      expect(db2.prepare(`SELECT name FROM pragma_index_info('minutes_revisions_section') ORDER BY seqno`).pluck().all()).toEqual([
        'meeting_id',
        'section_key',
        'seq',
        'reason',
        'created_at',
      ]);
      // The repository's own statement, as it prepares it: its plan reads the index only.
      const prepare = vi.spyOn(db2, 'prepare');
      const repo = new RevisionsRepo(db2);
      expect(repo.latestCreatedAt('m1', 'opening')).toBe('2026-01-30T10:20:00.000Z');
      const sql = prepare.mock.calls.map((c) => c[0]).find((s) => /created_at/.test(s));
      prepare.mockRestore();
      expect(sql).toBeDefined();
      const plan = db2.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('m1', 'opening') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX minutes_revisions_section/);
      expect(repo.latestCreatedAt('m1', 'closing')).toBeUndefined();
    } finally {
      db2.close();
    }
  });
});
