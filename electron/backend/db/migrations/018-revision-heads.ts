import type { Migration } from './types';

/**
 * The revisions' index carries what a save asks of them (`RevisionsRepo.latestCreatedAt`: when the newest copy of the
 * section's own words was kept, read on every autosave to decide on a safety copy). A revision row stores its words
 * (content_json, plain_text) before `reason` and `created_at`, so reading those two from the row walks the words'
 * overflow pages: ~15 ms per save of a 4 MB section. The index (meeting, section, seq) now also holds reason and
 * created_at, so that question is answered from the index alone; it serves every query the old one served (same
 * leading columns).
 */
export const m018RevisionHeads: Migration = {
  version: 18,
  name: 'revision-heads',
  up(db) {
    db.exec(`
      DROP INDEX minutes_revisions_section;
      CREATE INDEX minutes_revisions_section ON minutes_revisions (meeting_id, section_key, seq, reason, created_at);
    `);
  },
};
