import type { Migration } from './types';

/**
 * A section's rev is what a page's save is checked against (its base): a save from any other rev is a conflict, kept
 * in the History. That holds only while a rev number names one content of the section. A backup restored, a meeting
 * package imported over its deleted copy, or an older copy of a meeting restored from the trash put sections back at
 * lower revs, which later saves reached again: a page still open from before, its refused save retried from its old
 * base, was then accepted over words another window had been told were saved (audits, 2026-12-07).
 *
 * section_rev_marks keeps, per section, the highest rev it has had (kept by triggers; no foreign key, so a mark stays
 * when its meeting is deleted for good). A section written for the first time starts above its mark, and what a
 * restore, an import or the trash brings back below its mark is lifted above it (MinutesRepo.liftBehindMarks; a
 * restore first takes the marks of the data it replaces). Where nothing came back, revs count 1, 2, 3 as before.
 */
export const m020SectionRevMarks: Migration = {
  version: 20,
  name: 'section-rev-marks',
  up(db) {
    db.exec(`
      CREATE TABLE section_rev_marks (
        meeting_id TEXT NOT NULL,
        section_key TEXT NOT NULL,
        high INTEGER NOT NULL CHECK (high >= 0),
        PRIMARY KEY (meeting_id, section_key)
      ) STRICT;
      INSERT INTO section_rev_marks (meeting_id, section_key, high) SELECT meeting_id, section_key, rev FROM minutes_sections;
      CREATE TRIGGER minutes_sections_rev_mark_insert AFTER INSERT ON minutes_sections
        BEGIN
          INSERT INTO section_rev_marks (meeting_id, section_key, high) VALUES (NEW.meeting_id, NEW.section_key, NEW.rev)
            ON CONFLICT (meeting_id, section_key) DO UPDATE SET high = max(high, excluded.high);
        END;
      CREATE TRIGGER minutes_sections_rev_mark_update AFTER UPDATE OF rev ON minutes_sections
        BEGIN
          INSERT INTO section_rev_marks (meeting_id, section_key, high) VALUES (NEW.meeting_id, NEW.section_key, NEW.rev)
            ON CONFLICT (meeting_id, section_key) DO UPDATE SET high = max(high, excluded.high);
        END;
    `);
  },
};
