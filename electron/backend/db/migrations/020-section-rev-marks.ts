import type { Migration } from './types';

/**
 * A section's rev is what a page's save is checked against (its base): a save from any other rev is a conflict, kept
 * in the History. That holds only while a rev number names one content of the section. A backup restored, or a
 * meeting package imported over its deleted copy, put sections back at lower revs, which later saves reached again: a
 * page still open from before, its refused save retried from its old base, was then accepted over words another
 * window had been told were saved (an audit, 2026-12-07).
 *
 * section_rev_marks keeps, for the whole file, `high`: the highest rev any section has had (kept by triggers, so it
 * survives the meeting's deletion for good), and `floor`: a section written for the first time starts above it. A
 * restore or an import lifts the sections it brings back above every rev a page may hold (MinutesRepo.liftRevs) and
 * raises the floor to the same height. Both are 0 and the revs unchanged until that happens.
 */
export const m020SectionRevMarks: Migration = {
  version: 20,
  name: 'section-rev-marks',
  up(db) {
    db.exec(`
      CREATE TABLE section_rev_marks (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        high INTEGER NOT NULL CHECK (high >= 0),
        floor INTEGER NOT NULL CHECK (floor >= 0)
      ) STRICT;
      INSERT INTO section_rev_marks (id, high, floor) SELECT 1, coalesce(max(rev), 0), 0 FROM minutes_sections;
      CREATE TRIGGER minutes_sections_rev_high_insert AFTER INSERT ON minutes_sections
        BEGIN UPDATE section_rev_marks SET high = max(high, NEW.rev) WHERE id = 1; END;
      CREATE TRIGGER minutes_sections_rev_high_update AFTER UPDATE OF rev ON minutes_sections
        BEGIN UPDATE section_rev_marks SET high = max(high, NEW.rev) WHERE id = 1; END;
    `);
  },
};
