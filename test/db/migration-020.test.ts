import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { highestRev, MinutesRepo } from '../../electron/backend/repositories/minutes-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

const MEETING = `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
  VALUES (?, ?, ?, 'plenary', '2026-02-03T10:00', '2026-02-03T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`;
const SECTION = `INSERT INTO minutes_sections (meeting_id, section_key, content_json, plain_text, rev, updated_at) VALUES (?, ?, '{}', '', ?, 'x')`;

/**
 * Migration 020 (revs never come back after a restore or an import) on a schema-19 file: the file's highest rev is
 * its sections' highest, the floor 0, so every rev stays as it is and a new section still starts at 1; the high mark
 * follows every later write and stays when the section is gone; lifting raises the sections and the floor above it.
 */
describe('migration 020: section rev marks', () => {
  it('starts the marks from the file’s sections, follows writes, and lifts', () => {
    const { db, file } = openTestDb({ targetVersion: 19 });
    db.prepare(MEETING).run('m1', 'Second plenary', 2);
    db.prepare(MEETING).run('m2', 'Third plenary', 3);
    db.prepare(SECTION).run('m1', 'opening', 5);
    db.prepare(SECTION).run('m2', 'opening', 2);
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 20 });
    try {
      expect(schemaVersion(db2)).toBe(20);
      expect(db2.prepare(`SELECT high, floor FROM section_rev_marks`).all()).toEqual([{ high: 5, floor: 0 }]);
      expect(db2.prepare(`SELECT rev FROM minutes_sections ORDER BY meeting_id`).pluck().all()).toEqual([5, 2]);
      const repo = new MinutesRepo(db2);
      expect(repo.write('m2', 'closing', '{}', '', 'x')).toBe(1); // a new section: 1, as before
      for (let i = 0; i < 3; i++) repo.write('m1', 'opening', '{}', '', 'x');
      expect(highestRev(db2)).toBe(8);
      // The mark stays when the sections go (a meeting deleted for good).
      db2.prepare(`DELETE FROM minutes_sections WHERE meeting_id = 'm1'`).run();
      expect(highestRev(db2)).toBe(8);
      // Lifting one meeting's sections: they and any section written for the first time go above 8.
      repo.liftRevs(8, 'm2');
      expect(db2.prepare(`SELECT section_key, rev FROM minutes_sections ORDER BY section_key`).all()).toEqual([
        { section_key: 'closing', rev: 9 },
        { section_key: 'opening', rev: 10 },
      ]);
      expect(repo.write('m1', 'opening', '{}', '', 'x')).toBe(9);
      expect(db2.prepare(`SELECT high, floor FROM section_rev_marks`).get()).toEqual({ high: 10, floor: 8 });
      expect(db2.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db2.close();
    }
  });

  it('a file made before the marks is read for its highest rev as it is (a data file kept aside at a restore)', () => {
    const { db } = openTestDb({ targetVersion: 19 });
    try {
      db.prepare(MEETING).run('m1', 'Second plenary', 2);
      db.prepare(SECTION).run('m1', 'opening', 7);
      expect(highestRev(db)).toBe(7);
    } finally {
      db.close();
    }
  });
});
