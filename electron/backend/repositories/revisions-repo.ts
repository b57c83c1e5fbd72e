import type { RevisionReason } from '../../../shared/domain/minutes';
import { PreparedRepo } from './prepared';

export interface RevisionHead {
  id: string;
  meetingId: string;
  sectionKey: string;
  minutesVersion: number;
  rev: number;
  reason: RevisionReason;
  /** The start of the plain text (enough for an excerpt). */
  textStart: string;
  createdAt: string;
}

export interface RevisionRow extends RevisionHead {
  contentJson: string;
}

interface Row {
  id: string;
  meeting_id: string;
  section_key: string;
  minutes_version: number;
  rev: number;
  reason: RevisionReason;
  text_start: string;
  created_at: string;
  content_json?: string;
}

const toHead = (r: Row): RevisionHead => ({
  id: r.id,
  meetingId: r.meeting_id,
  sectionKey: r.section_key,
  minutesVersion: r.minutes_version,
  rev: r.rev,
  reason: r.reason,
  textStart: r.text_start,
  createdAt: r.created_at,
});

const HEAD = `id, meeting_id, section_key, minutes_version, rev, reason, substr(plain_text, 1, 400) AS text_start, created_at`;
/** The reasons of kept copies of refused saves (migration 017): words the section does not hold. */
const KEPT_REASONS = `('conflict_copy', 'refused_copy')`;
/**
 * A copy is not made when the newest revision of its kind holds the same words: the section's own copies are compared
 * with its own, kept copies with kept copies (a kept copy holding words the section holds later does not stand in
 * for the copy kept at approval, at an export…).
 */
const SAME_KIND = `(r.reason IN ${KEPT_REASONS}) = (@reason IN ${KEPT_REASONS})`;
const NEXT_SEQ = `COALESCE((SELECT MAX(seq) FROM minutes_revisions r WHERE r.meeting_id = @meetingId AND r.section_key = @sectionKey), 0) + 1`;

export interface SnapshotParams {
  id: string;
  meetingId: string;
  sectionKey: string;
  minutesVersion: number;
  reason: RevisionReason;
  now: string;
}

/** Kept copies of a section's content. Never updated; deleted only with their meeting. */
export class RevisionsRepo extends PreparedRepo {
  /**
   * Copies the section's stored content into a new revision inside SQLite (the content never travels through JS),
   * unless the newest revision of its kind (SAME_KIND) already holds the same content. Returns whether one was made.
   */
  snapshotStored(p: SnapshotParams): boolean {
    return (
      this.stmt(
        `INSERT INTO minutes_revisions (id, meeting_id, section_key, minutes_version, rev, reason, content_json, plain_text, created_at, seq)
         SELECT @id, s.meeting_id, s.section_key, @minutesVersion, s.rev, @reason, s.content_json, s.plain_text, @now, ${NEXT_SEQ}
           FROM minutes_sections s
          WHERE s.meeting_id = @meetingId AND s.section_key = @sectionKey
            AND s.content_json IS NOT (SELECT r.content_json FROM minutes_revisions r
                                        WHERE r.meeting_id = @meetingId AND r.section_key = @sectionKey AND ${SAME_KIND} ORDER BY r.seq DESC LIMIT 1)`,
      ).run(p).changes === 1
    );
  }

  /** Stores the given content as a revision, unless the newest revision of its kind (SAME_KIND) already holds it. */
  insert(p: SnapshotParams & { rev: number; contentJson: string; plainText: string }): boolean {
    return (
      this.stmt(
        `INSERT INTO minutes_revisions (id, meeting_id, section_key, minutes_version, rev, reason, content_json, plain_text, created_at, seq)
         SELECT @id, @meetingId, @sectionKey, @minutesVersion, @rev, @reason, @contentJson, @plainText, @now, ${NEXT_SEQ}
          WHERE @contentJson IS NOT (SELECT r.content_json FROM minutes_revisions r
                                      WHERE r.meeting_id = @meetingId AND r.section_key = @sectionKey AND ${SAME_KIND} ORDER BY r.seq DESC LIMIT 1)`,
      ).run(p).changes === 1
    );
  }

  /**
   * Keeps the words of a refused save (reason conflict_copy or refused_copy), on top of the section's history. With
   * the page's writer id, a retry replaces the copy that page kept from the same base (same rev, reason and version of
   * the minutes: the page went on typing on the same words, so the new copy holds the earlier; secure_delete overwrites
   * it). A copy from another base stays: the page showed the section as it now stands, or came back to it, and typed
   * other words (an audit found the first words lost, 2026-12-07). The same words again change nothing. Returns whether
   * a copy was written.
   */
  keepRefused(p: SnapshotParams & { rev: number; contentJson: string; plainText: string; writer: string | undefined }): boolean {
    if (p.writer === undefined) return this.insert(p);
    const byWriter = { meetingId: p.meetingId, sectionKey: p.sectionKey, writer: p.writer, contentJson: p.contentJson };
    // Compared in SQLite: the earlier copy (a whole section) does not travel through JS.
    const same = this.stmt(
      `SELECT 1 FROM minutes_revisions WHERE meeting_id = @meetingId AND section_key = @sectionKey AND writer = @writer AND content_json = @contentJson`,
    ).get(byWriter);
    if (same) return false;
    this.stmt(
      `DELETE FROM minutes_revisions WHERE meeting_id = @meetingId AND section_key = @sectionKey AND writer = @writer
          AND rev = @rev AND reason = @reason AND minutes_version = @minutesVersion`,
    ).run({ ...byWriter, rev: p.rev, reason: p.reason, minutesVersion: p.minutesVersion });
    this.stmt(
      `INSERT INTO minutes_revisions (id, meeting_id, section_key, minutes_version, rev, reason, content_json, plain_text, created_at, seq, writer)
       VALUES (@id, @meetingId, @sectionKey, @minutesVersion, @rev, @reason, @contentJson, @plainText, @now, ${NEXT_SEQ}, @writer)`,
    ).run(p);
    return true;
  }

  /** When the newest copy of the section's own text was kept (a kept copy of a refused save holds other words). */
  latestCreatedAt(meetingId: string, sectionKey: string): string | undefined {
    const r = this.stmt(
      `SELECT created_at FROM minutes_revisions WHERE meeting_id = ? AND section_key = ? AND reason NOT IN ${KEPT_REASONS} ORDER BY seq DESC LIMIT 1`,
    ).get(
      meetingId,
      sectionKey,
    ) as { created_at: string } | undefined;
    return r?.created_at;
  }

  /** Newest first. */
  list(meetingId: string, sectionKey: string): RevisionHead[] {
    const rows = this.stmt(`SELECT ${HEAD} FROM minutes_revisions WHERE meeting_id = ? AND section_key = ? ORDER BY seq DESC`).all(
      meetingId,
      sectionKey,
    ) as Row[];
    return rows.map(toHead);
  }

  get(id: string): RevisionRow | undefined {
    const r = this.stmt(`SELECT ${HEAD}, content_json FROM minutes_revisions WHERE id = ?`).get(id) as Row | undefined;
    return r && { ...toHead(r), contentJson: r.content_json! };
  }
}
