import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { MinutesRepo } from '../../electron/backend/repositories/minutes-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

const MEETING = `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
  VALUES (?, ?, ?, 'plenary', '2026-02-03T10:00', '2026-02-03T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`;
const SECTION = `INSERT INTO minutes_sections (meeting_id, section_key, content_json, plain_text, rev, updated_at) VALUES (?, ?, '{}', '', ?, 'x')`;
const marks = (db: ReturnType<typeof openDatabase>) => db.prepare(`SELECT meeting_id, section_key, high FROM section_rev_marks ORDER BY meeting_id, section_key`).all();

/**
 * Migration 020 (a section's rev never comes back) on a schema-19 file: each section's mark starts at its rev, so
 * every rev stays as it is and a new section still starts at 1; the marks follow every write and stay when a section
 * is gone (its meeting deleted for good); a section written again starts above its mark; one brought back below its
 * mark is lifted above it, one back at its mark stays; another file's marks are taken, the higher kept.
 */
describe('migration 020: section rev marks', () => {
  it('starts the marks from the sections, follows writes, survives deletion, and lifts what comes back below them', () => {
    const { db, file } = openTestDb({ targetVersion: 19 });
    db.prepare(MEETING).run('m1', 'Second plenary', 2);
    db.prepare(MEETING).run('m2', 'Third plenary', 3);
    db.prepare(SECTION).run('m1', 'opening', 5);
    db.prepare(SECTION).run('m2', 'opening', 2);
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 20 });
    try {
      expect(schemaVersion(db2)).toBe(20);
      expect(marks(db2)).toEqual([
        { meeting_id: 'm1', section_key: 'opening', high: 5 },
        { meeting_id: 'm2', section_key: 'opening', high: 2 },
      ]);
      const repo = new MinutesRepo(db2);
      expect(repo.write('m2', 'closing', '{}', '', 'x')).toBe(1); // a new section: 1, as before
      for (let i = 0; i < 3; i++) repo.write('m1', 'opening', '{}', '', 'x');
      expect(db2.prepare(`SELECT high FROM section_rev_marks WHERE meeting_id = 'm1'`).pluck().get()).toBe(8);
      // Gone (the meeting deleted for good): the mark stays, and the section written again starts above it.
      db2.prepare(`DELETE FROM minutes_sections WHERE meeting_id = 'm1'`).run();
      expect(repo.write('m1', 'opening', '{}', '', 'x')).toBe(9);
      // Brought back below its mark (an older copy): lifted above it; one back at its mark stays.
      db2.prepare(`UPDATE minutes_sections SET rev = 4, last_writer = 'p' , last_base_rev = 3 WHERE meeting_id = 'm1'`).run();
      repo.liftBehindMarks('m2');
      expect(repo.head('m1', 'opening')!.rev).toBe(4); // another meeting: untouched
      repo.liftBehindMarks();
      expect(repo.head('m1', 'opening')).toMatchObject({ rev: 10, lastWriter: null, lastBaseRev: null });
      expect(repo.head('m2', 'opening')!.rev).toBe(2);
      expect(db2.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db2.close();
    }
  });

  it('takes another file’s marks (the one a restore replaces), keeping the higher; a file before 020 gives its revs', () => {
    const { db: older } = openTestDb({ targetVersion: 19 });
    const { db: newer } = openTestDb();
    try {
      older.prepare(MEETING).run('m1', 'Second plenary', 2);
      older.prepare(SECTION).run('m1', 'opening', 7);
      newer.prepare(MEETING).run('m1', 'Second plenary', 2);
      newer.prepare(SECTION).run('m1', 'opening', 3);
      newer.prepare(SECTION).run('m1', 'closing', 9);
      const repo = new MinutesRepo(newer);
      repo.takeMarksOf(older);
      expect(marks(newer)).toEqual([
        { meeting_id: 'm1', section_key: 'closing', high: 9 },
        { meeting_id: 'm1', section_key: 'opening', high: 7 },
      ]);
      repo.liftBehindMarks();
      expect(repo.head('m1', 'opening')!.rev).toBe(8);
      expect(repo.head('m1', 'closing')!.rev).toBe(9);
    } finally {
      older.close();
      newer.close();
    }
  });
});
