import type { Migration } from './types';

/** The foundation: the body, its members, meetings, agenda items and a history of what happened to each meeting. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE body (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        chair TEXT NOT NULL
      ) STRICT;

      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        short_name TEXT NOT NULL DEFAULT '',
        is_member INTEGER NOT NULL DEFAULT 1 CHECK (is_member IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX organisations_name ON organisations (name COLLATE NOCASE);

      CREATE TABLE representatives (
        id TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX representatives_org ON representatives (organisation_id);

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('constitutive', 'plenary', 'ad_hoc_group')),
        group_name TEXT NOT NULL DEFAULT '',
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('in_person', 'remote', 'hybrid')),
        location TEXT NOT NULL DEFAULT '',
        convened_by TEXT NOT NULL CHECK (convened_by IN ('chair', 'members_request')),
        status TEXT NOT NULL CHECK (status IN ('planned', 'agenda_circulated', 'held', 'minutes_drafted', 'minutes_approved', 'summary_published')),
        withheld_display TEXT NOT NULL DEFAULT 'title_only' CHECK (withheld_display IN ('title_only', 'omit')),
        redaction_marker TEXT NOT NULL DEFAULT '[…]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meetings_start ON meetings (starts_at);

      CREATE TABLE agenda_items (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES agenda_items (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('information', 'discussion', 'decision', 'aob')),
        presenter TEXT NOT NULL DEFAULT '',
        planned_minutes INTEGER NOT NULL DEFAULT 0 CHECK (planned_minutes >= 0),
        documents_json TEXT NOT NULL DEFAULT '[]',
        for_publication INTEGER NOT NULL DEFAULT 1 CHECK (for_publication IN (0, 1))
      ) STRICT;
      CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, parent_id, position);

      CREATE TABLE meeting_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX meeting_events_meeting ON meeting_events (meeting_id, id);
    `);
    db.prepare(`INSERT INTO body (id, name, chair) VALUES (1, ?, ?)`).run(
      'Signatory Taskforce of the General-Purpose AI Code of Practice',
      'AI Office',
    );
  },
};
