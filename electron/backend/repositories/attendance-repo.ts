import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AttendanceEvent, AttendanceEventKind, AttendanceStatus, ParticipantCategory } from '../../../shared/domain/attendance';

export interface ParticipantRow {
  id: string;
  meetingId: string;
  category: ParticipantCategory;
  representativeId: string | null;
  organisationId: string | null;
  name: string;
  organisation: string;
  /** The organisation as recorded when the participant was added: what the meeting's documents print. */
  printedOrganisation: string;
  status: AttendanceStatus;
  events: AttendanceEvent[];
}

interface Row {
  id: string;
  meeting_id: string;
  category: ParticipantCategory;
  representative_id: string | null;
  organisation_id: string | null;
  name: string;
  organisation: string;
  printed_organisation: string;
  status: AttendanceStatus;
}

/**
 * Participants of a meeting. For representatives the current name and organisation are read from the members
 * tables, falling back to the copy taken when they were added (the representative may have been removed since).
 */
const SELECT = `SELECT a.id, a.meeting_id, a.category, a.representative_id, a.organisation_id, a.status,
    COALESCE(r.name, a.name) AS name, COALESCE(o.name, a.organisation) AS organisation,
    COALESCE(NULLIF(a.organisation, ''), o.name, '') AS printed_organisation
  FROM attendance a
  LEFT JOIN representatives r ON r.id = a.representative_id
  LEFT JOIN organisations o ON o.id = a.organisation_id`;

/**
 * The names as they were when each participant was recorded: what a meeting's documents print (see listAsRecorded).
 * A copy left empty (rows written before copies were taken) falls back to the roster's current name.
 */
const SELECT_AS_RECORDED = `SELECT a.id, a.meeting_id, a.category, a.representative_id, a.organisation_id, a.status,
    COALESCE(NULLIF(a.name, ''), r.name, '') AS name, COALESCE(NULLIF(a.organisation, ''), o.name, '') AS organisation,
    COALESCE(NULLIF(a.organisation, ''), o.name, '') AS printed_organisation
  FROM attendance a
  LEFT JOIN representatives r ON r.id = a.representative_id
  LEFT JOIN organisations o ON o.id = a.organisation_id`;

export class AttendanceRepo {
  constructor(private readonly db: Database) {}

  list(meetingId: string): ParticipantRow[] {
    return this.listWith(SELECT, meetingId);
  }

  /**
   * The participants with the name and organisation copied when they were recorded, not the roster's current ones:
   * the list of participants of a held meeting never changes when the roster changes afterwards.
   */
  listAsRecorded(meetingId: string): ParticipantRow[] {
    return this.listWith(SELECT_AS_RECORDED, meetingId);
  }

  private listWith(select: string, meetingId: string): ParticipantRow[] {
    const rows = this.db.prepare(`${select} WHERE a.meeting_id = ? ORDER BY a.position, a.id`).all(meetingId) as Row[];
    const events = this.db
      .prepare(`SELECT e.attendance_id, e.kind, e.at, e.status FROM attendance_events e JOIN attendance a ON a.id = e.attendance_id WHERE a.meeting_id = ? ORDER BY e.id`)
      .all(meetingId) as Array<{ attendance_id: string; kind: AttendanceEventKind; at: string; status: AttendanceStatus | null }>;
    const byPerson = new Map<string, AttendanceEvent[]>();
    for (const e of events) {
      const list = byPerson.get(e.attendance_id) ?? [];
      list.push(toEvent(e));
      byPerson.set(e.attendance_id, list);
    }
    return rows.map((r) => this.toParticipant(r, byPerson.get(r.id) ?? []));
  }

  get(id: string): ParticipantRow | undefined {
    const r = this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
    if (!r) return undefined;
    const events = (this.db.prepare(`SELECT kind, at, status FROM attendance_events WHERE attendance_id = ? ORDER BY id`).all(id) as Array<{ kind: AttendanceEventKind; at: string; status: AttendanceStatus | null }>).map(toEvent);
    return this.toParticipant(r, events);
  }

  findByRepresentative(meetingId: string, representativeId: string): string | undefined {
    const r = this.db.prepare(`SELECT id FROM attendance WHERE meeting_id = ? AND representative_id = ?`).get(meetingId, representativeId) as
      | { id: string }
      | undefined;
    return r?.id;
  }

  insert(p: Omit<ParticipantRow, 'events' | 'printedOrganisation'>, now: string): void {
    this.db
      .prepare(
        `INSERT INTO attendance (id, meeting_id, category, representative_id, organisation_id, name, organisation, status, position, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM attendance WHERE meeting_id = ?), ?)`,
      )
      .run(p.id, p.meetingId, p.category, p.representativeId, p.organisationId, p.name, p.organisation, p.status, p.meetingId, now);
  }

  setStatus(id: string, status: AttendanceStatus): void {
    this.db.prepare(`UPDATE attendance SET status = ? WHERE id = ?`).run(status, id);
  }

  updatePerson(id: string, fields: { category: ParticipantCategory; name: string; organisation: string }): void {
    this.db.prepare(`UPDATE attendance SET category = ?, name = ?, organisation = ? WHERE id = ?`).run(fields.category, fields.name, fields.organisation, id);
  }

  addEvent(id: string, kind: 'arrive' | 'leave', at: string): void {
    this.db.prepare(`INSERT INTO attendance_events (attendance_id, kind, at) VALUES (?, ?, ?)`).run(id, kind, at);
  }

  /** A timed change of status (the participant's status column is set apart, by setStatus). */
  addStatusEvent(id: string, status: AttendanceStatus, at: string): void {
    this.db.prepare(`INSERT INTO attendance_events (attendance_id, kind, at, status) VALUES (?, 'status', ?, ?)`).run(id, at, status);
  }

  delete(id: string): number {
    return this.db.prepare(`DELETE FROM attendance WHERE id = ?`).run(id).changes;
  }

  private toParticipant(r: Row, events: AttendanceEvent[]): ParticipantRow {
    return {
      id: r.id,
      meetingId: r.meeting_id,
      category: r.category,
      representativeId: r.representative_id,
      organisationId: r.organisation_id,
      name: r.name,
      organisation: r.organisation,
      printedOrganisation: r.printed_organisation,
      status: r.status,
      events,
    };
  }
}

function toEvent(e: { kind: AttendanceEventKind; at: string; status: AttendanceStatus | null }): AttendanceEvent {
  return e.status ? { kind: e.kind, at: e.at, status: e.status } : { kind: e.kind, at: e.at };
}
