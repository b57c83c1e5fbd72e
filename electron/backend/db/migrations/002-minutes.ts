import type { Migration } from './types';

/**
 * Live minutes: per-section content with a rev counter, revisions, the minutes' status and version, live timing,
 * attendance, decisions and action items.
 *
 * Section keys are 'opening', 'closing' or an agenda item id. They carry no foreign key to agenda_items on purpose:
 * removing an agenda item must not delete what was typed under it (the section becomes an orphan, still readable).
 */
export const m002Minutes: Migration = {
  version: 2,
  name: 'minutes',
  up(db) {
    db.exec(`
      CREATE TABLE minutes (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'circulated', 'approved')),
        updated_at TEXT NOT NULL,
        live_started_at TEXT,
        live_ended_at TEXT,
        live_current_section TEXT,
        CHECK (live_ended_at IS NULL OR live_started_at IS NOT NULL)
      ) STRICT;

      CREATE TABLE minutes_sections (
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL CHECK (length(section_key) BETWEEN 1 AND 64),
        content_json TEXT NOT NULL CHECK (json_valid(content_json)),
        plain_text TEXT NOT NULL,
        rev INTEGER NOT NULL CHECK (rev >= 1),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, section_key)
      ) STRICT;

      CREATE TABLE minutes_revisions (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL,
        minutes_version INTEGER NOT NULL CHECK (minutes_version >= 1),
        rev INTEGER NOT NULL CHECK (rev >= 0),
        reason TEXT NOT NULL CHECK (reason IN ('leave', 'periodic', 'export', 'manual', 'auto', 'before_restore', 'restore', 'approved')),
        content_json TEXT NOT NULL CHECK (json_valid(content_json)),
        plain_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seq INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX minutes_revisions_section ON minutes_revisions (meeting_id, section_key, seq);

      CREATE TABLE section_timings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL,
        started_at TEXT NOT NULL,
        stopped_at TEXT,
        CHECK (stopped_at IS NULL OR stopped_at >= started_at)
      ) STRICT;
      CREATE INDEX section_timings_meeting ON section_timings (meeting_id, id);
      -- One timer runs at a time per meeting.
      CREATE UNIQUE INDEX section_timings_running ON section_timings (meeting_id) WHERE stopped_at IS NULL;

      CREATE TABLE attendance (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN ('representative', 'observer', 'external_expert', 'ai_office_staff')),
        representative_id TEXT REFERENCES representatives (id) ON DELETE SET NULL,
        organisation_id TEXT REFERENCES organisations (id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('in_person', 'remote', 'excused', 'absent')),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (category = 'representative' OR representative_id IS NULL)
      ) STRICT;
      CREATE UNIQUE INDEX attendance_representative ON attendance (meeting_id, representative_id) WHERE representative_id IS NOT NULL;
      CREATE INDEX attendance_meeting ON attendance (meeting_id, position);

      CREATE TABLE attendance_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        attendance_id TEXT NOT NULL REFERENCES attendance (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('arrive', 'leave')),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attendance_events_person ON attendance_events (attendance_id, id);

      CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL,
        text TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('adopted', 'rejected', 'postponed', 'noted', 'withdrawn')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decisions_meeting ON decisions (meeting_id, created_at);

      CREATE TABLE action_items (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL,
        text TEXT NOT NULL,
        owner TEXT NOT NULL DEFAULT '',
        due_date TEXT NOT NULL DEFAULT '' CHECK (due_date = '' OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX action_items_meeting ON action_items (meeting_id, created_at);
    `);
  },
};
