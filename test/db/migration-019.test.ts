import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { FollowupsRepo } from '../../electron/backend/repositories/procedure-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

const MEETING = `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
  VALUES (?, ?, ?, 'plenary', ?, ?, 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`;
const ITEM = `INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, kind) VALUES (?, ?, NULL, ?, ?, 'discussion')`;
const ACTION = `INSERT INTO action_items (id, meeting_id, section_key, text, created_at, updated_at) VALUES (?, 'm1', 'i1', ?, 'x', 'x')`;

/**
 * Migration 019 (the follow-up item keeps the words it listed) on a schema-18 file: each listed action keeps its
 * position and gains the words and meeting it is listed with (the action's, as the file knows them); the row no
 * longer goes with the action (so the agenda's check still finds the words once the action is deleted), and still
 * goes with the follow-up item and with its meeting.
 */
describe('migration 019: the follow-up keeps the words it listed', () => {
  it('fills the listed words from the actions, keeps the rows when an action goes, and drops them with the item', () => {
    const { db, file } = openTestDb({ targetVersion: 18 });
    db.prepare(MEETING).run('m1', 'Second plenary', 2, '2026-02-03T10:00', '2026-02-03T12:00');
    db.prepare(MEETING).run('m2', 'Third plenary', 3, '2026-03-03T10:00', '2026-03-03T12:00');
    db.prepare(ITEM).run('i1', 'm1', 0, 'Incident reporting');
    db.prepare(ITEM).run('f2', 'm2', 0, 'Follow-up of actions');
    db.prepare(ACTION).run('a1', 'Gamma Widgets to send its figures');
    db.prepare(ACTION).run('a2', 'Secretariat to circulate the terms');
    const link = db.prepare(`INSERT INTO action_followups (agenda_item_id, action_id, meeting_id, position) VALUES ('f2', ?, 'm2', ?)`);
    link.run('a2', 1);
    link.run('a1', 0);
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 19 });
    try {
      expect(schemaVersion(db2)).toBe(19);
      expect(db2.prepare(`SELECT action_id, position, listed_text, listed_meeting_title, listed_meeting_starts_at FROM action_followups ORDER BY position`).all()).toEqual([
        { action_id: 'a1', position: 0, listed_text: 'Gamma Widgets to send its figures', listed_meeting_title: 'Second plenary', listed_meeting_starts_at: '2026-02-03T10:00' },
        { action_id: 'a2', position: 1, listed_text: 'Secretariat to circulate the terms', listed_meeting_title: 'Second plenary', listed_meeting_starts_at: '2026-02-03T10:00' },
      ]);
      expect(db2.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'action_followups' AND sql IS NOT NULL`).pluck().all()).toEqual(['action_followups_meeting']);
      expect(db2.pragma('foreign_key_check')).toEqual([]);

      // An action deleted: its row and words stay, the action itself is gone (what the agenda's check reads).
      db2.prepare(`DELETE FROM action_items WHERE id = 'a1'`).run();
      const [listed] = new FollowupsRepo(db2).listedFor('m2');
      expect(listed!.listed.map((l) => [l.actionId, l.text, l.now?.text ?? null])).toEqual([
        ['a1', 'Gamma Widgets to send its figures', null],
        ['a2', 'Secretariat to circulate the terms', 'Secretariat to circulate the terms'],
      ]);
      // The follow-up item removed: its rows go with it.
      db2.prepare(`DELETE FROM agenda_items WHERE id = 'f2'`).run();
      expect(db2.prepare(`SELECT count(*) FROM action_followups`).pluck().get()).toBe(0);
    } finally {
      db2.close();
    }
  });
});
