import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ActionItem, ActionStatus } from '../../../shared/domain/decisions';

interface Row {
  id: string;
  meeting_id: string;
  section_key: string;
  text: string;
  owner: string;
  due_date: string;
  status: ActionStatus;
  created_at: string;
  updated_at: string;
}

const toAction = (r: Row): ActionItem => ({
  id: r.id,
  meetingId: r.meeting_id,
  sectionKey: r.section_key,
  text: r.text,
  owner: r.owner,
  dueDate: r.due_date,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS = `id, meeting_id, section_key, text, owner, due_date, status, created_at, updated_at`;

/** Action items minuted in a meeting, in the order they were agreed. */
export class ActionsRepo {
  constructor(private readonly db: Database) {}

  list(meetingId: string): ActionItem[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM action_items WHERE meeting_id = ? ORDER BY created_at, rowid`).all(meetingId) as Row[]).map(toAction);
  }

  get(id: string): ActionItem | undefined {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM action_items WHERE id = ?`).get(id) as Row | undefined;
    return r && toAction(r);
  }

  insert(a: ActionItem): void {
    this.db
      .prepare(`INSERT INTO action_items (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(a.id, a.meetingId, a.sectionKey, a.text, a.owner, a.dueDate, a.status, a.createdAt, a.updatedAt);
  }

  update(a: ActionItem): void {
    this.db
      .prepare(`UPDATE action_items SET section_key = ?, text = ?, owner = ?, due_date = ?, status = ?, updated_at = ? WHERE id = ?`)
      .run(a.sectionKey, a.text, a.owner, a.dueDate, a.status, a.updatedAt, a.id);
  }

  delete(id: string): number {
    return this.db.prepare(`DELETE FROM action_items WHERE id = ?`).run(id).changes;
  }
}
