import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MeetingKind, MeetingStatus } from '../../../shared/domain/meeting';
import type { MinutesStatus } from '../../../shared/domain/minutes';

export interface RegisterSqlRow {
  meetingId: string;
  sequence: number;
  title: string;
  kind: MeetingKind;
  group: string;
  startsAt: string;
  status: MeetingStatus;
  minutesStatus: MinutesStatus | null;
  minutesVersion: number | null;
  summaryExportedAt: string | null;
  summaryPublishedAt: string | null;
  example: number;
}

/** The register: every meeting with its minutes' status, last passed public-summary export and publication date. */
export class RegisterRepo {
  constructor(private readonly db: Database) {}

  rows(): RegisterSqlRow[] {
    return this.db
      .prepare(
        `SELECT m.id AS meetingId, m.sequence, m.title, m.kind, m.group_name AS "group", m.starts_at AS startsAt, m.status,
                mi.status AS minutesStatus, mi.version AS minutesVersion,
                (SELECT max(e.created_at) FROM exports e WHERE e.meeting_id = m.id AND e.kind = 'public_summary' AND e.check_passed = 1) AS summaryExportedAt,
                (SELECT max(ev.at) FROM meeting_events ev WHERE ev.meeting_id = m.id AND ev.kind = 'status'
                   AND json_extract(ev.detail_json, '$.to') = 'summary_published') AS summaryPublishedAt,
                EXISTS (SELECT 1 FROM example_data x WHERE x.table_name = 'meetings' AND x.row_id = m.id) AS example
           FROM meetings m LEFT JOIN minutes mi ON mi.meeting_id = m.id
          ORDER BY m.starts_at DESC, m.sequence DESC`,
      )
      .all() as RegisterSqlRow[];
  }

  /** Every stored section's content (for the flagged passages the public lists must not contain). */
  allSectionContents(): string[] {
    return this.db.prepare(`SELECT content_json FROM minutes_sections`).pluck().all() as string[];
  }
}
