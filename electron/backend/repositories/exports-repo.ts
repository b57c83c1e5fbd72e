import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ExportKind, ExportRecord } from '../../../shared/contract/exports';

interface Row {
  id: string;
  meeting_id: string;
  kind: ExportKind;
  file_name: string;
  created_at: string;
  check_passed: number | null;
  sha256: string;
  byte_length: number;
  findings_json: string;
}

const toRecord = (r: Row): ExportRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  kind: r.kind,
  fileName: r.file_name,
  createdAt: r.created_at,
  checkPassed: r.check_passed === null ? null : r.check_passed === 1,
  sha256: r.sha256,
  byteLength: r.byte_length,
});

export interface ExportInsert extends ExportRecord {
  findings: unknown[];
}

/** The export history table (migration 004). */
export class ExportsRepo {
  constructor(private readonly db: Database) {}

  insert(e: ExportInsert): void {
    this.db
      .prepare(
        `INSERT INTO exports (id, meeting_id, kind, file_name, created_at, check_passed, sha256, byte_length, findings_json)
         VALUES (@id, @meeting_id, @kind, @file_name, @created_at, @check_passed, @sha256, @byte_length, @findings_json)`,
      )
      .run({
        id: e.id,
        meeting_id: e.meetingId,
        kind: e.kind,
        file_name: e.fileName,
        created_at: e.createdAt,
        check_passed: e.checkPassed === null ? null : e.checkPassed ? 1 : 0,
        sha256: e.sha256,
        byte_length: e.byteLength,
        findings_json: JSON.stringify(e.findings),
      });
  }

  /** Newest first. */
  listForMeeting(meetingId: string): ExportRecord[] {
    const rows = this.db
      .prepare(`SELECT id, meeting_id, kind, file_name, created_at, check_passed, sha256, byte_length, findings_json FROM exports WHERE meeting_id = ? ORDER BY created_at DESC, rowid DESC`)
      .all(meetingId) as Row[];
    return rows.map(toRecord);
  }
}
