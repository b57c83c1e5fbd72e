import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface TrashRow {
  id: string;
  kind: 'meeting' | 'agenda_item' | 'organisation';
  entityId: string;
  label: string;
  detail: string;
  meetingId: string | null;
  deletedAt: string;
  deletedBy: string;
  payloadJson: string;
}

const COLS = `id, kind, entity_id AS entityId, label, detail, meeting_id AS meetingId, deleted_at AS deletedAt, deleted_by AS deletedBy`;

export class TrashRepo {
  constructor(private readonly db: Database) {}

  insert(r: TrashRow): void {
    this.db
      .prepare(`INSERT INTO trash (id, kind, entity_id, label, detail, meeting_id, deleted_at, deleted_by, payload_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(r.id, r.kind, r.entityId, r.label, r.detail, r.meetingId, r.deletedAt, r.deletedBy, r.payloadJson);
  }

  /** Whether an agenda item of this meeting is kept in the trash: removed itself, or with the item it was under. */
  holdsAgendaItem(meetingId: string, itemId: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM (SELECT payload_json FROM trash WHERE kind = 'agenda_item' AND meeting_id = ? AND json_valid(payload_json)
                            AND json_type(payload_json, '$.dump.tables.agenda_items') = 'array') t,
                  json_each(t.payload_json, '$.dump.tables.agenda_items') a
            WHERE json_type(a.value) = 'object' AND json_extract(a.value, '$.id') = ? LIMIT 1`,
        )
        .get(meetingId, itemId) !== undefined
    );
  }

  /**
   * Removes the revisions nothing can show any more: those of an agenda item gone for good — not on the agenda, no
   * section of its own (a removed item's section stays on the minutes page, shown as removed, with its History), held
   * by no entry of the trash. They are the words a save refused and kept for an item removed meanwhile (migration 017),
   * and they must not outlive the item in the data file. Nothing is removed for a meeting whose trash holds an item
   * entry that cannot be read: it may hold the item. Answers how many were removed.
   */
  deleteUnreachableRevisions(): number {
    return this.db
      .prepare(
        `DELETE FROM minutes_revisions AS r
          WHERE r.section_key NOT IN ('opening', 'closing')
            AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.meeting_id = r.meeting_id AND a.id = r.section_key)
            AND NOT EXISTS (SELECT 1 FROM minutes_sections s WHERE s.meeting_id = r.meeting_id AND s.section_key = r.section_key)
            AND NOT EXISTS (SELECT 1 FROM trash t WHERE t.kind = 'agenda_item' AND t.meeting_id = r.meeting_id
                              AND (NOT json_valid(t.payload_json) OR coalesce(json_type(t.payload_json, '$.dump.tables.agenda_items'), 'array') <> 'array'))
            AND NOT EXISTS (SELECT 1 FROM (SELECT payload_json FROM trash WHERE kind = 'agenda_item' AND meeting_id = r.meeting_id AND json_valid(payload_json)
                                             AND json_type(payload_json, '$.dump.tables.agenda_items') = 'array') t,
                                   json_each(t.payload_json, '$.dump.tables.agenda_items') a
                             WHERE json_type(a.value) = 'object' AND json_extract(a.value, '$.id') = r.section_key)`,
      )
      .run().changes;
  }

  /**
   * For each removed agenda item's entry, how many words a save refused are kept for its items (migration 017) that
   * only the entry can bring back: of an item with no section of its own (deleteUnreachableRevisions removes them with
   * the entry). By entry id.
   */
  keptCopiesOfRemovedItems(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT t.id AS id, count(r.id) AS n
           FROM (SELECT id, meeting_id, payload_json FROM trash WHERE kind = 'agenda_item' AND json_valid(payload_json)
                   AND json_type(payload_json, '$.dump.tables.agenda_items') = 'array') t,
                json_each(t.payload_json, '$.dump.tables.agenda_items') a
           JOIN minutes_revisions r ON r.meeting_id = t.meeting_id AND r.section_key = json_extract(a.value, '$.id')
                                   AND r.reason IN ('conflict_copy', 'refused_copy')
          WHERE json_type(a.value) = 'object'
            AND NOT EXISTS (SELECT 1 FROM minutes_sections s WHERE s.meeting_id = r.meeting_id AND s.section_key = r.section_key)
          GROUP BY t.id`,
      )
      .all() as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** The newest entry keeping a deleted meeting, with what it holds. */
  deletedMeeting(meetingId: string): { id: string; payloadJson: string } | undefined {
    return this.db
      .prepare(`SELECT id, payload_json AS payloadJson FROM trash WHERE kind = 'meeting' AND entity_id = ? ORDER BY deleted_at DESC, id LIMIT 1`)
      .get(meetingId) as { id: string; payloadJson: string } | undefined;
  }

  setPayload(id: string, payloadJson: string, detail: string): void {
    this.db.prepare(`UPDATE trash SET payload_json = ?, detail = ? WHERE id = ?`).run(payloadJson, detail, id);
  }

  list(): Array<Omit<TrashRow, 'payloadJson'>> {
    return this.db.prepare(`SELECT ${COLS} FROM trash ORDER BY deleted_at DESC, id`).all() as Array<Omit<TrashRow, 'payloadJson'>>;
  }

  /**
   * The flag records kept in the trash since `since` (a deleted meeting's) that still guard their text: in force, or
   * retired for any reason but a person's lift or an undo (as guardsText, shared/domain/flags-labels.ts), with the
   * entry's label. Entries whose kept rows cannot be read are left out here and counted by `unreadableSince`.
   */
  guardingFlags(since: string): Array<{ id: string; meetingId: string; excerpt: string; reason: string; label: string }> {
    return this.db
      .prepare(
        `SELECT json_extract(f.value, '$.id') AS id, json_extract(f.value, '$.meeting_id') AS meetingId, json_extract(f.value, '$.excerpt') AS excerpt,
                json_extract(f.value, '$.reason') AS reason, t.label AS label
           FROM (SELECT * FROM trash WHERE deleted_at >= ? AND json_valid(payload_json) AND json_type(payload_json, '$.dump.tables.flags') = 'array') t,
                json_each(t.payload_json, '$.dump.tables.flags') f
          WHERE json_type(f.value) = 'object' AND json_type(f.value, '$.excerpt') = 'text'
            AND (json_extract(f.value, '$.retired_at') IS NULL OR coalesce(json_extract(f.value, '$.retired_reason'), '') NOT IN ('unflagged', 'undo'))
          ORDER BY t.deleted_at, t.id`,
      )
      .all(since) as Array<{ id: string; meetingId: string; excerpt: string; reason: string; label: string }>;
  }

  /** The ids of the flags kept in the trash since `since` that a person lifted (or an undo took back). */
  liftedFlagIds(since: string): string[] {
    return this.db
      .prepare(
        `SELECT json_extract(f.value, '$.id')
           FROM (SELECT * FROM trash WHERE deleted_at >= ? AND json_valid(payload_json) AND json_type(payload_json, '$.dump.tables.flags') = 'array') t,
                json_each(t.payload_json, '$.dump.tables.flags') f
          WHERE json_type(f.value) = 'object' AND json_extract(f.value, '$.retired_reason') IN ('unflagged', 'undo')`,
      )
      .pluck()
      .all(since) as string[];
  }

  /**
   * The minutes sections kept in the trash since `since` (a deleted meeting's) that hold a flag mark, with the entry's
   * id and label and the section's place in it (an entry never changes: the pair names its content for good).
   */
  sectionsWithFlags(since: string): Array<{ entryId: string; index: number; meetingId: string; contentJson: string; label: string }> {
    return this.db
      .prepare(
        `SELECT t.id AS entryId, s.key AS "index", json_extract(s.value, '$.meeting_id') AS meetingId, json_extract(s.value, '$.content_json') AS contentJson, t.label AS label
           FROM (SELECT * FROM trash WHERE deleted_at >= ? AND json_valid(payload_json) AND json_type(payload_json, '$.dump.tables.minutes_sections') = 'array') t,
                json_each(t.payload_json, '$.dump.tables.minutes_sections') s
          WHERE json_type(s.value) = 'object' AND json_type(s.value, '$.content_json') = 'text' AND json_type(s.value, '$.meeting_id') = 'text'
            AND instr(json_extract(s.value, '$.content_json'), '"type":"flag"') > 0
          ORDER BY t.deleted_at, t.id, s.key`,
      )
      .all(since) as Array<{ entryId: string; index: number; meetingId: string; contentJson: string; label: string }>;
  }

  /** Entries kept since `since` whose kept rows cannot be read (not JSON, or flags that are not a list). */
  unreadableSince(since: string): number {
    return this.db
      .prepare(
        `SELECT count(*) FROM trash WHERE deleted_at >= ?
            AND (NOT json_valid(payload_json) OR coalesce(json_type(payload_json, '$.dump.tables.flags'), 'array') <> 'array')`,
      )
      .pluck()
      .get(since) as number;
  }

  /** The deleted meetings kept since `since` (every one, or those of one meeting id), with their kept rows, oldest first. */
  meetingEntries(since: string, entityId: string | null = null): TrashRow[] {
    return this.db
      .prepare(`SELECT ${COLS}, payload_json AS payloadJson FROM trash WHERE kind = 'meeting' AND deleted_at >= ? AND (? IS NULL OR entity_id = ?) ORDER BY deleted_at, id`)
      .all(since, entityId, entityId) as TrashRow[];
  }

  /** The deleted agenda items kept since `since`, with their kept rows, oldest first. */
  agendaItemEntries(since: string): TrashRow[] {
    return this.db
      .prepare(`SELECT ${COLS}, payload_json AS payloadJson FROM trash WHERE kind = 'agenda_item' AND deleted_at >= ? ORDER BY deleted_at, id`)
      .all(since) as TrashRow[];
  }

  get(id: string): TrashRow | undefined {
    return this.db.prepare(`SELECT ${COLS}, payload_json AS payloadJson FROM trash WHERE id = ?`).get(id) as TrashRow | undefined;
  }

  delete(id: string): number {
    return this.db.prepare(`DELETE FROM trash WHERE id = ?`).run(id).changes;
  }

  deleteAll(): number {
    return this.db.prepare(`DELETE FROM trash`).run().changes;
  }

  deleteOlderThan(cutoff: string): number {
    return this.db.prepare(`DELETE FROM trash WHERE deleted_at < ?`).run(cutoff).changes;
  }
}

/** Marks of the example data (migration 012). */
export class ExampleMarksRepo {
  constructor(private readonly db: Database) {}

  mark(table: 'meetings' | 'organisations', id: string): void {
    this.db.prepare(`INSERT OR IGNORE INTO example_data (table_name, row_id) VALUES (?, ?)`).run(table, id);
  }

  /** Marked rows that still exist (marks of rows deleted since are dropped). */
  list(table: 'meetings' | 'organisations'): string[] {
    this.db.prepare(`DELETE FROM example_data WHERE table_name = ? AND row_id NOT IN (SELECT id FROM ${table})`).run(table);
    return this.db.prepare(`SELECT row_id FROM example_data WHERE table_name = ? ORDER BY row_id`).pluck().all(table) as string[];
  }

  unmarkAll(): void {
    this.db.prepare(`DELETE FROM example_data`).run();
  }
}
