import type { Migration } from './types';

/**
 * Who wrote each section's current revision, and from which base: the page's writer id and the rev its save was based
 * on (NULL when the last write was not a page's save: a restore of a revision, an import). An autosave whose answer
 * was lost (committed, then the host stopped before the page heard back) is followed by the same page's next save
 * from the same base; MinutesService.answerLost lets that one go on top instead of refusing it as a conflict. Until
 * schema 14 the writer was remembered in the host's memory only, so after a restart every later save of that page
 * was refused and the words typed since were not stored (an audit, 2026-12-05). Written in the same statement as the
 * section, so it is always the current revision's.
 */
export const m014SectionWriter: Migration = {
  version: 14,
  name: 'section-writer',
  up(db) {
    db.exec(`
      ALTER TABLE minutes_sections ADD COLUMN last_writer TEXT CHECK (last_writer IS NULL OR length(last_writer) BETWEEN 1 AND 64);
      ALTER TABLE minutes_sections ADD COLUMN last_base_rev INTEGER CHECK (last_base_rev IS NULL OR last_base_rev >= 0);
    `);
  },
};
