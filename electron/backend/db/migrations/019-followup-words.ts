import type { Migration } from './types';

/**
 * The "Follow-up of actions" item keeps the words it listed (an audit, 2026-12-07). The item's description is written
 * from the actions' words when it is made, and the agenda is refused while it still holds the words of an action that
 * is not for publication now (ExportService.refuseStaleFollowUp). That check read the actions as they are now, so once
 * an action was reworded, deleted, or its meeting moved to the trash (its follow-up rows went with it: they cascaded
 * from the action), the words still in the description were no longer looked for, and the agenda printed them.
 *
 * action_followups is made again with, per action, the words and the meeting it was listed with, and no foreign key
 * to the action: the row stays when the action or its meeting goes, so the listed words are still checked (an action
 * that is gone is treated as not for publication: fail-closed). The rows of a file made before keep the action's words
 * as they are now, the best this file knows of what was listed.
 */
export const m019FollowupWords: Migration = {
  version: 19,
  name: 'followup-words',
  up(db) {
    db.exec(`
      CREATE TABLE action_followups_listed (
        agenda_item_id TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
        action_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        listed_text TEXT NOT NULL DEFAULT '',
        listed_meeting_title TEXT NOT NULL DEFAULT '',
        listed_meeting_starts_at TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (agenda_item_id, action_id)
      ) STRICT;
      INSERT INTO action_followups_listed (agenda_item_id, action_id, meeting_id, position, listed_text, listed_meeting_title, listed_meeting_starts_at)
        SELECT f.agenda_item_id, f.action_id, f.meeting_id, f.position, a.text, m.title, m.starts_at
        FROM action_followups f JOIN action_items a ON a.id = f.action_id JOIN meetings m ON m.id = a.meeting_id
        ORDER BY f.rowid;
      DROP TABLE action_followups;
      ALTER TABLE action_followups_listed RENAME TO action_followups;
      CREATE INDEX action_followups_meeting ON action_followups (meeting_id);
    `);
  },
};
