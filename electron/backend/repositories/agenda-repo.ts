import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AgendaItem, AgendaItemKind } from '../../../shared/domain/agenda';

/** A stored agenda item: everything but its number, which is derived from the positions. */
export type AgendaRow = Omit<AgendaItem, 'number'>;

interface Row {
  id: string;
  meeting_id: string;
  parent_id: string | null;
  position: number;
  title: string;
  description: string;
  kind: AgendaItemKind;
  presenter: string;
  planned_minutes: number;
  documents_json: string;
  for_publication: number;
}

const toItem = (r: Row): AgendaRow => ({
  id: r.id,
  meetingId: r.meeting_id,
  parentId: r.parent_id,
  position: r.position,
  title: r.title,
  description: r.description,
  kind: r.kind,
  presenter: r.presenter,
  plannedMinutes: r.planned_minutes,
  documents: JSON.parse(r.documents_json) as AgendaRow['documents'],
  forPublication: r.for_publication === 1,
});

const COLUMNS = `id, meeting_id, parent_id, position, title, description, kind, presenter, planned_minutes, documents_json, for_publication`;

export class AgendaRepo {
  constructor(private readonly db: Database) {}

  listForMeeting(meetingId: string): AgendaRow[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM agenda_items WHERE meeting_id = ? ORDER BY position`).all(meetingId) as Row[]).map(toItem);
  }

  get(id: string): AgendaRow | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM agenda_items WHERE id = ?`).get(id) as Row | undefined;
    return row && toItem(row);
  }

  /** Where every item of every meeting stands and whether it is marked for publication (what decides withholding). */
  placements(): Array<{ id: string; meetingId: string; parentId: string | null; forPublication: boolean }> {
    return (
      this.db.prepare(`SELECT id, meeting_id AS meetingId, parent_id AS parentId, for_publication AS p FROM agenda_items ORDER BY meeting_id, position`).all() as Array<{
        id: string;
        meetingId: string;
        parentId: string | null;
        p: number;
      }>
    ).map((r) => ({ id: r.id, meetingId: r.meetingId, parentId: r.parentId, forPublication: r.p === 1 }));
  }

  insert(item: AgendaRow): void {
    this.db
      .prepare(
        `INSERT INTO agenda_items (${COLUMNS}) VALUES (@id, @meeting_id, @parent_id, @position, @title, @description, @kind, @presenter,
          @planned_minutes, @documents_json, @for_publication)`,
      )
      .run({
        id: item.id,
        meeting_id: item.meetingId,
        parent_id: item.parentId,
        position: item.position,
        title: item.title,
        description: item.description,
        kind: item.kind,
        presenter: item.presenter,
        planned_minutes: item.plannedMinutes,
        documents_json: JSON.stringify(item.documents),
        for_publication: item.forPublication ? 1 : 0,
      });
  }

  update(item: AgendaRow): void {
    this.db
      .prepare(
        `UPDATE agenda_items SET title = @title, description = @description, kind = @kind, presenter = @presenter,
          planned_minutes = @planned_minutes, documents_json = @documents_json, for_publication = @for_publication WHERE id = @id`,
      )
      .run({
        id: item.id,
        title: item.title,
        description: item.description,
        kind: item.kind,
        presenter: item.presenter,
        planned_minutes: item.plannedMinutes,
        documents_json: JSON.stringify(item.documents),
        for_publication: item.forPublication ? 1 : 0,
      });
  }

  /** Writes parent and position of every listed item (the caller has renumbered the siblings). */
  place(rows: ReadonlyArray<{ id: string; parentId: string | null; position: number }>): void {
    const stmt = this.db.prepare(`UPDATE agenda_items SET parent_id = ?, position = ? WHERE id = ?`);
    for (const r of rows) stmt.run(r.parentId, r.position, r.id);
  }

  delete(id: string): number {
    return this.db.prepare(`DELETE FROM agenda_items WHERE id = ?`).run(id).changes;
  }
}
