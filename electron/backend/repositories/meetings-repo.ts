import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Meeting, MeetingStatus } from '../../../shared/domain/meeting';

interface MeetingRow {
  id: string;
  title: string;
  sequence: number;
  kind: Meeting['kind'];
  group_name: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  format: Meeting['format'];
  location: string;
  convened_by: Meeting['convenedBy'];
  status: MeetingStatus;
  withheld_display: Meeting['withheldDisplay'];
  redaction_marker: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, title, sequence, kind, group_name, starts_at, ends_at, time_zone, format, location, convened_by, status,
  withheld_display, redaction_marker, created_at, updated_at`;

function toMeeting(r: MeetingRow): Meeting {
  return {
    id: r.id,
    title: r.title,
    sequence: r.sequence,
    kind: r.kind,
    groupName: r.group_name,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    format: r.format,
    location: r.location,
    convenedBy: r.convened_by,
    status: r.status,
    withheldDisplay: r.withheld_display,
    redactionMarker: r.redaction_marker,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toParams(m: Meeting) {
  return {
    id: m.id,
    title: m.title,
    sequence: m.sequence,
    kind: m.kind,
    group_name: m.groupName,
    starts_at: m.startsAt,
    ends_at: m.endsAt,
    time_zone: m.timeZone,
    format: m.format,
    location: m.location,
    convened_by: m.convenedBy,
    status: m.status,
    withheld_display: m.withheldDisplay,
    redaction_marker: m.redactionMarker,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

export class MeetingsRepo {
  constructor(private readonly db: Database) {}

  /** Every meeting, newest first, with the planning fields of its agenda items (for totals). */
  listWithItems(): Array<{ meeting: Meeting; items: Array<{ id: string; parentId: string | null; plannedMinutes: number }> }> {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM meetings ORDER BY starts_at DESC, sequence DESC`).all() as MeetingRow[];
    const planned = this.db.prepare(`SELECT meeting_id, id, parent_id, planned_minutes FROM agenda_items`).all() as Array<{
      meeting_id: string;
      id: string;
      parent_id: string | null;
      planned_minutes: number;
    }>;
    const byMeeting = new Map<string, Array<{ id: string; parentId: string | null; plannedMinutes: number }>>();
    for (const p of planned) {
      const list = byMeeting.get(p.meeting_id) ?? [];
      list.push({ id: p.id, parentId: p.parent_id, plannedMinutes: p.planned_minutes });
      byMeeting.set(p.meeting_id, list);
    }
    return rows.map((r) => ({ meeting: toMeeting(r), items: byMeeting.get(r.id) ?? [] }));
  }

  /** The id of every meeting. */
  ids(): string[] {
    return this.db.prepare(`SELECT id FROM meetings ORDER BY starts_at, id`).pluck().all() as string[];
  }

  get(id: string): Meeting | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM meetings WHERE id = ?`).get(id) as MeetingRow | undefined;
    return row && toMeeting(row);
  }

  nextSequence(): number {
    const row = this.db.prepare(`SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM meetings`).get() as { next: number };
    return row.next;
  }

  insert(m: Meeting): void {
    this.db
      .prepare(
        `INSERT INTO meetings (${COLUMNS}) VALUES (@id, @title, @sequence, @kind, @group_name, @starts_at, @ends_at, @time_zone,
          @format, @location, @convened_by, @status, @withheld_display, @redaction_marker, @created_at, @updated_at)`,
      )
      .run(toParams(m));
  }

  update(m: Meeting): number {
    return this.db
      .prepare(
        `UPDATE meetings SET title = @title, sequence = @sequence, kind = @kind, group_name = @group_name, starts_at = @starts_at,
          ends_at = @ends_at, time_zone = @time_zone, format = @format, location = @location, convened_by = @convened_by,
          status = @status, withheld_display = @withheld_display, redaction_marker = @redaction_marker, updated_at = @updated_at
         WHERE id = @id`,
      )
      .run(toParams(m)).changes;
  }

  /** The meetings that leave withheld items out of their public summary entirely (not even a title). */
  leavingWithheldOut(): string[] {
    return this.db.prepare(`SELECT id FROM meetings WHERE withheld_display = 'omit'`).pluck().all() as string[];
  }

  delete(id: string): number {
    return this.db.prepare(`DELETE FROM meetings WHERE id = ?`).run(id).changes;
  }

  recordEvent(meetingId: string, at: string, kind: string, detail: unknown = {}): void {
    this.db.prepare(`INSERT INTO meeting_events (meeting_id, at, kind, detail_json) VALUES (?, ?, ?, ?)`).run(meetingId, at, kind, JSON.stringify(detail));
  }

  /** The meeting whose agenda this one's was copied from when it was made (its "created" event says), or null. */
  agendaCopiedFrom(meetingId: string): string | null {
    const from = this.db
      .prepare(`SELECT json_extract(detail_json, '$.copiedAgendaFrom') FROM meeting_events WHERE meeting_id = ? AND kind = 'created' AND json_valid(detail_json) ORDER BY id LIMIT 1`)
      .pluck()
      .get(meetingId);
    return typeof from === 'string' ? from : null;
  }

  events(meetingId: string): Array<{ id: number; at: string; kind: string; detail: unknown }> {
    const rows = this.db.prepare(`SELECT id, at, kind, detail_json FROM meeting_events WHERE meeting_id = ? ORDER BY id`).all(meetingId) as Array<{
      id: number;
      at: string;
      kind: string;
      detail_json: string;
    }>;
    return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, detail: JSON.parse(r.detail_json) as unknown }));
  }
}
