import type { Migration } from './types';

/**
 * The search index's list of passages still to bring into FTS5 (`search_pending`).
 *
 * Until schema 12, triggers on `search_docs` wrote every change straight into the FTS5 index, so an autosave wrote
 * a new FTS5 segment with each keystroke pause: its leaf, its %_idx entry, the structure and averages records and the
 * docsize row, about nine more pages to the write-ahead log than the save itself (three). From schema 13 the
 * triggers note the passage instead, in the same transaction as the save (one small page): its id and the text the
 * FTS5 index holds for it (NULL for a passage the index does not hold yet). The first note of an id wins (INSERT OR
 * IGNORE), so however often a passage changes before the next flush, the note keeps the one text FTS5 can delete.
 *
 * The search repository's `flushPending` brings the noted passages into FTS5 in one transaction: the index removes
 * each noted text and takes the passage's current text (none when the passage was deleted). Every query flushes
 * first, and the backend flushes when calls pause (services/search-service.ts), so a search always sees every save.
 */
export const SEARCH_PENDING_SCHEMA = `
  CREATE TABLE search_pending (
    id INTEGER PRIMARY KEY,
    indexed_text TEXT
  ) STRICT;

  DROP TRIGGER search_docs_ai;
  DROP TRIGGER search_docs_ad;
  DROP TRIGGER search_docs_au;
  CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT OR IGNORE INTO search_pending (id, indexed_text) VALUES (new.id, NULL);
  END;
  CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT OR IGNORE INTO search_pending (id, indexed_text) VALUES (old.id, old.text);
  END;
  CREATE TRIGGER search_docs_au AFTER UPDATE OF text ON search_docs BEGIN
    INSERT OR IGNORE INTO search_pending (id, indexed_text) VALUES (old.id, old.text);
  END;
`;

export const m013SearchPending: Migration = {
  version: 13,
  name: 'search-pending',
  up(db) {
    db.exec(SEARCH_PENDING_SCHEMA);
  },
};
