import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, type Flag, type FlagReason, type FlagRetiredReason } from '../../../shared/domain/flags';

interface FlagRow {
  id: string;
  meeting_id: string;
  section_key: string;
  reason: FlagReason;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
  retired_reason: FlagRetiredReason | null;
  retired_by: string;
  unmarked_since: string | null;
  excerpt: string;
}

const COLUMNS = `id, meeting_id, section_key, reason, note, created_by, created_at, updated_at, retired_at, retired_reason, retired_by, unmarked_since, excerpt`;

const toFlag = (r: FlagRow): Flag => ({
  id: r.id,
  meetingId: r.meeting_id,
  sectionKey: r.section_key,
  reason: r.reason,
  note: r.note,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  retiredAt: r.retired_at,
  retiredReason: r.retired_reason,
  retiredBy: r.retired_by,
  unmarkedSince: r.unmarked_since,
  excerpt: r.excerpt,
});

/**
 * A flag record as kept in a dump (a trash entry's or a package's rows: the table's own columns), or null when the row
 * is not one (a field missing or of the wrong kind).
 */
export function flagOfDumpRow(row: Record<string, unknown>): Flag | null {
  const text = (k: keyof FlagRow) => typeof row[k] === 'string';
  const textOrNull = (k: keyof FlagRow) => row[k] === null || row[k] === undefined || typeof row[k] === 'string';
  if (!(['id', 'meeting_id', 'section_key', 'reason', 'excerpt'] as const).every(text)) return null;
  if (!(['retired_at', 'retired_reason', 'unmarked_since'] as const).every(textOrNull)) return null;
  const str = (k: keyof FlagRow) => (typeof row[k] === 'string' ? row[k] : '');
  return toFlag({
    ...(row as unknown as FlagRow),
    // A reason this version does not know is read as the default one (the flag still guards its words).
    reason: (FLAG_REASONS as readonly unknown[]).includes(row.reason) ? (row.reason as FlagReason) : DEFAULT_FLAG_REASON,
    note: str('note'),
    created_by: str('created_by'),
    created_at: str('created_at'),
    updated_at: str('updated_at'),
    retired_by: str('retired_by'),
    retired_at: (row.retired_at as string | null | undefined) ?? null,
    retired_reason: (row.retired_reason as FlagRetiredReason | null | undefined) ?? null,
    unmarked_since: (row.unmarked_since as string | null | undefined) ?? null,
  });
}

const toRow = (f: Flag): FlagRow => ({
  id: f.id,
  meeting_id: f.meetingId,
  section_key: f.sectionKey,
  reason: f.reason,
  note: f.note,
  created_by: f.createdBy,
  created_at: f.createdAt,
  updated_at: f.updatedAt,
  retired_at: f.retiredAt,
  retired_reason: f.retiredReason,
  retired_by: f.retiredBy,
  unmarked_since: f.unmarkedSince,
  excerpt: f.excerpt,
});

/** Flag records, dismissed suggestions and sensitive terms: the SQL of the flags feature. */
export class FlagsRepo {
  constructor(private readonly db: Database) {}

  get(id: string): Flag | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM flags WHERE id = ?`).get(id) as FlagRow | undefined;
    return row && toFlag(row);
  }

  listForMeeting(meetingId: string): Flag[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM flags WHERE meeting_id = ? ORDER BY created_at, id`).all(meetingId) as FlagRow[]).map(toFlag);
  }

  listForSection(meetingId: string, sectionKey: string): Flag[] {
    return (
      this.db.prepare(`SELECT ${COLUMNS} FROM flags WHERE meeting_id = ? AND section_key = ? ORDER BY created_at, id`).all(meetingId, sectionKey) as FlagRow[]
    ).map(toFlag);
  }

  /**
   * Every record that still guards text, of every meeting (what the public register and member list are checked
   * against): in force, or retired because its text was removed (shared/domain/flags-labels.ts guardsText).
   */
  listGuardingText(): Flag[] {
    return (
      this.db.prepare(`SELECT ${COLUMNS} FROM flags WHERE retired_at IS NULL OR retired_reason = 'text_removed' ORDER BY created_at, id`).all() as FlagRow[]
    ).map(toFlag);
  }

  /** The ids of the flags a person lifted (or an undo took back): they guard nothing, wherever their marks remain. */
  liftedIds(): Set<string> {
    return new Set(this.db.prepare(`SELECT id FROM flags WHERE retired_reason IN ('unflagged', 'undo')`).pluck().all() as string[]);
  }

  /** Records of a meeting retired because their text was gone: a save that brings the text back reinstates them. */
  listTextRemoved(meetingId: string): Flag[] {
    return (
      this.db.prepare(`SELECT ${COLUMNS} FROM flags WHERE meeting_id = ? AND retired_reason = 'text_removed' ORDER BY created_at, id`).all(meetingId) as FlagRow[]
    ).map(toFlag);
  }

  insert(flag: Flag): void {
    this.db
      .prepare(
        `INSERT INTO flags (${COLUMNS}) VALUES (@id, @meeting_id, @section_key, @reason, @note, @created_by, @created_at, @updated_at,
          @retired_at, @retired_reason, @retired_by, @unmarked_since, @excerpt)`,
      )
      .run(toRow(flag));
  }

  /** Writes every mutable field of a record (the service decides what changed). */
  update(flag: Flag): void {
    this.db
      .prepare(
        `UPDATE flags SET section_key = @section_key, reason = @reason, note = @note, updated_at = @updated_at, retired_at = @retired_at,
          retired_reason = @retired_reason, retired_by = @retired_by, unmarked_since = @unmarked_since, excerpt = @excerpt WHERE id = @id`,
      )
      .run(toRow(flag));
  }

  listDismissed(meetingId: string): string[] {
    return (this.db.prepare(`SELECT text FROM dismissed_suggestions WHERE meeting_id = ? ORDER BY dismissed_at, text`).all(meetingId) as Array<{ text: string }>).map(
      (r) => r.text,
    );
  }

  /** Idempotent: dismissing a text twice keeps the first time. */
  insertDismissed(meetingId: string, text: string, at: string): void {
    this.db.prepare(`INSERT INTO dismissed_suggestions (meeting_id, text, dismissed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`).run(meetingId, text, at);
  }

  listTerms(): string[] {
    return (this.db.prepare(`SELECT term FROM sensitive_terms ORDER BY position`).all() as Array<{ term: string }>).map((r) => r.term);
  }

  /** Replaces the whole list; the caller has trimmed and de-duplicated it and wraps this in a transaction. */
  replaceTerms(terms: readonly string[], at: string): void {
    this.db.prepare(`DELETE FROM sensitive_terms`).run();
    const insert = this.db.prepare(`INSERT INTO sensitive_terms (term, position, updated_at) VALUES (?, ?, ?)`);
    terms.forEach((t, i) => insert.run(t, i, at));
  }
}
