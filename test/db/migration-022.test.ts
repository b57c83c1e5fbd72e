import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { TopicsRepo } from '../../electron/backend/repositories/procedure-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

const MEETING = `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
  VALUES (?, ?, ?, 'plenary', '2026-02-03T10:00', '2026-02-03T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`;
const ITEM = `INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, kind) VALUES (?, ?, NULL, 0, ?, 'discussion')`;

/**
 * Migration 022 (the agenda items that carry each future topic) on a schema-21 file: a topic picked before is carried
 * by the item it was picked into; one not picked by none; a copy's item carries what its original carries; the rows
 * outlive the item's meeting (no foreign key to it) and go with their topic.
 */
describe('migration 022: the items that carry a topic', () => {
  it('fills the items picked into, copies them, keeps them past the meeting, drops them with the topic', () => {
    const { db, file } = openTestDb({ targetVersion: 21 });
    db.prepare(MEETING).run('m1', 'Second plenary', 2);
    db.prepare(ITEM).run('i1', 'm1', 'Topic item');
    db.prepare(`INSERT INTO future_topics (id, title, raised_at, picked_meeting_id, picked_agenda_item_id, picked_withheld) VALUES ('t1', 'Old pick', 'x', 'm1', 'i1', 0)`).run();
    db.prepare(`INSERT INTO future_topics (id, title, raised_at) VALUES ('t2', 'Not picked', 'x')`).run();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 22 });
    try {
      expect(schemaVersion(db2)).toBe(22);
      const topics = new TopicsRepo(db2);
      expect([...topics.carriedBy()]).toEqual([['t1', ['i1']]]);
      db2.prepare(MEETING).run('m2', 'Third plenary', 3);
      db2.prepare(ITEM).run('i2', 'm2', 'Topic item');
      topics.copyCarried('i1', 'i2');
      topics.copyCarried('i1', 'i2'); // twice: once
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      expect(topics.carriedBy().get('t1')).toEqual(['i1', 'i2']);
      topics.pick('t2', 'm2', 'i2', false);
      expect(topics.carriedBy().get('t2')).toEqual(['i2']);
      db2.prepare(`DELETE FROM future_topics WHERE id = 't1'`).run();
      expect([...topics.carriedBy().keys()]).toEqual(['t2']);
    } finally {
      db2.close();
    }
  });
});
