import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SerializedDoc } from '../../../../shared/editor/doc-model';
import { searchBlocks } from '../../../../shared/search/blocks';
import type { Migration } from './types';

/**
 * Full-text search (SQLite FTS5, unicode61 with diacritics folded, prefix indexes for 2 and 3 characters).
 *
 * Passage ids count DOWN (each new row takes the smallest id minus one): FTS5 walks a doclist fastest in ascending
 * rowid order, so "the most recent matches first" is an ascending scan that stops early, even for a word found in
 * nearly every passage (a descending scan of a long doclist reads all of it).
 *
 * `search_docs` holds one row per searchable passage: each non-empty block of a minutes section (written by the
 * search repository in the same transaction as the section's save, only the blocks that changed), each agenda item,
 * decision and action item (kept by the triggers below). `search_fts` is an external-content FTS5 index over
 * `search_docs.text`, kept by triggers on `search_docs`. Passages go with their meeting (ON DELETE CASCADE).
 */
/** The id of the next passage: one below the smallest (see above). */
export const NEXT_SEARCH_ID = `(SELECT coalesce(min(id), 0) - 1 FROM search_docs)`;

export const SEARCH_SCHEMA = `
  CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('minutes', 'agenda', 'decision', 'action')),
    ref TEXT NOT NULL,
    section_key TEXT NOT NULL,
    text TEXT NOT NULL,
    flags_json TEXT NOT NULL DEFAULT '[]'
  ) STRICT;
  CREATE INDEX search_docs_ref ON search_docs (ref, kind, meeting_id);
  CREATE INDEX search_docs_meeting ON search_docs (meeting_id);

  -- A token per indexed section, rewritten with each change of its passages: the search repository's in-memory copy
  -- of a section's passages is used only while the token it holds is the committed one.
  CREATE TABLE search_sections (
    meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    section_key TEXT NOT NULL,
    token TEXT NOT NULL,
    PRIMARY KEY (meeting_id, section_key)
  ) STRICT;

  CREATE VIRTUAL TABLE search_fts USING fts5 (
    text, content = 'search_docs', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  );

  CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;
  CREATE TRIGGER search_docs_au AFTER UPDATE OF text ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
  END;

  CREATE TRIGGER search_agenda_ai AFTER INSERT ON agenda_items BEGIN
    INSERT INTO search_docs (id, meeting_id, kind, ref, section_key, text)
      VALUES ((SELECT coalesce(min(id), 0) - 1 FROM search_docs), new.meeting_id, 'agenda', new.id, new.id, trim(new.title || char(10) || new.description));
  END;
  CREATE TRIGGER search_agenda_au AFTER UPDATE OF title, description ON agenda_items BEGIN
    UPDATE search_docs SET text = trim(new.title || char(10) || new.description) WHERE ref = new.id AND kind = 'agenda';
  END;
  CREATE TRIGGER search_agenda_ad AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search_docs WHERE ref = old.id AND kind = 'agenda';
  END;

  CREATE TRIGGER search_decisions_ai AFTER INSERT ON decisions BEGIN
    INSERT INTO search_docs (id, meeting_id, kind, ref, section_key, text) VALUES ((SELECT coalesce(min(id), 0) - 1 FROM search_docs), new.meeting_id, 'decision', new.id, new.section_key, new.text);
  END;
  CREATE TRIGGER search_decisions_au AFTER UPDATE OF text, section_key ON decisions BEGIN
    UPDATE search_docs SET text = new.text, section_key = new.section_key WHERE ref = new.id AND kind = 'decision';
  END;
  CREATE TRIGGER search_decisions_ad AFTER DELETE ON decisions BEGIN
    DELETE FROM search_docs WHERE ref = old.id AND kind = 'decision';
  END;

  CREATE TRIGGER search_actions_ai AFTER INSERT ON action_items BEGIN
    INSERT INTO search_docs (id, meeting_id, kind, ref, section_key, text) VALUES ((SELECT coalesce(min(id), 0) - 1 FROM search_docs), new.meeting_id, 'action', new.id, new.section_key, new.text);
  END;
  CREATE TRIGGER search_actions_au AFTER UPDATE OF text, section_key ON action_items BEGIN
    UPDATE search_docs SET text = new.text, section_key = new.section_key WHERE ref = new.id AND kind = 'action';
  END;
  CREATE TRIGGER search_actions_ad AFTER DELETE ON action_items BEGIN
    DELETE FROM search_docs WHERE ref = old.id AND kind = 'action';
  END;
`;

/** Indexes what is already stored: agenda items, decisions, action items, and every block of every section. */
export function backfillSearch(db: Database): void {
  const insert = db.prepare(`INSERT INTO search_docs (id, meeting_id, kind, ref, section_key, text, flags_json) VALUES (${NEXT_SEARCH_ID}, ?, ?, ?, ?, ?, ?)`);
  const rows: Array<[string, string, string, string, string, string]> = [];
  const records = db
    .prepare(
      `SELECT meeting_id, 'agenda' AS kind, id, id AS section_key, trim(title || char(10) || description) AS text FROM agenda_items
       UNION ALL SELECT meeting_id, 'decision', id, section_key, text FROM decisions
       UNION ALL SELECT meeting_id, 'action', id, section_key, text FROM action_items`,
    )
    .raw()
    .all() as Array<[string, string, string, string, string]>;
  for (const r of records) rows.push([...r, '[]']);
  const sections = db.prepare(`SELECT meeting_id, section_key, content_json FROM minutes_sections ORDER BY updated_at`).iterate() as IterableIterator<{
    meeting_id: string;
    section_key: string;
    content_json: string;
  }>;
  for (const s of sections) {
    for (const b of searchBlocks(JSON.parse(s.content_json) as SerializedDoc)) rows.push([s.meeting_id, 'minutes', s.section_key, s.section_key, b.text, JSON.stringify(b.flags)]);
  }
  for (const r of rows) insert.run(...r);
}

export const m010Search: Migration = {
  version: 10,
  name: 'search',
  up(db) {
    db.exec(SEARCH_SCHEMA);
    backfillSearch(db);
  },
};
