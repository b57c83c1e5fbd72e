import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../electron/backend/db/connection';
import { openTestDb } from '../helpers/temp';

describe('migration 001: initial', () => {
  it('creates the foundation tables with the default body', () => {
    const { db } = openTestDb({ targetVersion: 1 });
    expect(schemaVersion(db)).toBe(1);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['agenda_items', 'body', 'meeting_events', 'meetings', 'organisations', 'representatives']));
    expect(db.prepare('SELECT name, chair FROM body').get()).toEqual({
      name: 'Signatory Taskforce of the General-Purpose AI Code of Practice',
      chair: 'AI Office',
    });
  });

  it('enforces the meeting status and kind vocabularies and cascades agenda items', () => {
    const { db } = openTestDb({ targetVersion: 1 });
    const insert = db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES (?, 't', 1, ?, '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', ?, 'x', 'x')`,
    );
    expect(() => insert.run('m0', 'plenary', 'cancelled')).toThrow(/CHECK/);
    expect(() => insert.run('m0', 'webinar', 'planned')).toThrow(/CHECK/);
    insert.run('m1', 'plenary', 'planned');
    db.prepare(`INSERT INTO agenda_items (id, meeting_id, position, title, kind) VALUES ('a1', 'm1', 0, 'Opening', 'information')`).run();
    db.prepare(`INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, kind) VALUES ('a2', 'm1', 'a1', 0, 'Sub', 'information')`).run();
    db.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM agenda_items').get()).toEqual({ n: 0 });
  });
});
