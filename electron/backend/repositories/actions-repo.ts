import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ActionItem, ActionStatus } from '../../../shared/domain/decisions';

/** An action_items row as SQLite returns it. */
export interface ActionRow {
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

export const toAction = (r: ActionRow): ActionItem => ({
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

const COLUMN_NAMES = ['id', 'meeting_id', 'section_key', 'text', 'owner', 'due_date', 'status', 'created_at', 'updated_at'] as const;
const COLUMNS = COLUMN_NAMES.join(', ');
/** The action_items columns for a query that names the table `alias`. */
export const actionColumns = (alias: string) => COLUMN_NAMES.map((c) => `${alias}.${c}`).join(', ');

/** Action items minuted in a meeting, in the order they were agreed. */
export class ActionsRepo {
  constructor(private readonly db: Database) {}

  list(meetingId: string): ActionItem[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM action_items WHERE meeting_id = ? ORDER BY created_at, rowid`).all(meetingId) as ActionRow[]).map(toAction);
  }

  get(id: string): ActionItem | undefined {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM action_items WHERE id = ?`).get(id) as ActionRow | undefined;
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
