import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { TopicsRepo } from '../../electron/backend/repositories/procedure-repo';
import { TEST_KEY } from '../helpers/key';
import { openTestDb } from '../helpers/temp';

const MEETING = `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
  VALUES (?, ?, ?, 'plenary', '2026-02-03T10:00', '2026-02-03T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`;
const ITEM = `INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, kind) VALUES (?, ?, NULL, 0, ?, 'discussion')`;

/**
 * Migration 021 (whether a topic came onto an agenda as not for publication) on a schema-20 file: a topic picked
 * before reads as picked as published (fail-closed: its words are looked for once its item of origin is withheld);
 * a pick records how it was made; the column takes 0, 1 or nothing.
 */
describe('migration 021: topics picked as withheld', () => {
  it('reads earlier picks as published, records new ones, and keeps the column to 0/1', () => {
    const { db, file } = openTestDb({ targetVersion: 20 });
    db.prepare(MEETING).run('m1', 'Second plenary', 2);
    db.prepare(ITEM).run('i1', 'm1', 'Topic item');
    db.prepare(`INSERT INTO future_topics (id, title, raised_at, picked_meeting_id, picked_agenda_item_id) VALUES ('t1', 'Old pick', 'x', 'm1', 'i1')`).run();
    db.prepare(`INSERT INTO future_topics (id, title, raised_at) VALUES ('t2', 'Not picked', 'x')`).run();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 21 });
    try {
      expect(schemaVersion(db2)).toBe(21);
      const topics = new TopicsRepo(db2);
      expect([topics.get('t1')!.pickedWithheld, topics.get('t1')!.wasPicked]).toEqual([false, true]);
      expect([topics.get('t2')!.pickedWithheld, topics.get('t2')!.wasPicked]).toEqual([false, false]);
      // As TopicsRepo.pick writes it (raw: the repository of today also writes migration 022's table).
      db2.prepare(`UPDATE future_topics SET picked_meeting_id = 'm1', picked_agenda_item_id = 'i1', picked_withheld = 1 WHERE id = 't2'`).run();
      expect(topics.get('t2')!.pickedWithheld).toBe(true);
      expect(() => db2.prepare(`UPDATE future_topics SET picked_withheld = 2 WHERE id = 't1'`).run()).toThrow(/CHECK/);
      // The item removed: the topic was still picked once (its copies are looked for by title).
      db2.prepare(`DELETE FROM agenda_items WHERE id = 'i1'`).run();
      expect([topics.get('t1')!.pickedAgendaItemId, topics.get('t1')!.wasPicked]).toEqual([null, true]);
    } finally {
      db2.close();
    }
  });
});
