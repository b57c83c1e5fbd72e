import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MinutesStatus } from '../../../shared/domain/minutes';
import { PreparedRepo } from './prepared';

export interface MinutesRow {
  meetingId: string;
  status: MinutesStatus;
  version: number;
  updatedAt: string;
  liveStartedAt: string | null;
  liveEndedAt: string | null;
  liveCurrentSection: string | null;
}

export interface SectionRow {
  sectionKey: string;
  contentJson: string;
  rev: number;
  updatedAt: string;
}

interface Row {
  meeting_id: string;
  status: MinutesStatus;
  version: number;
  updated_at: string;
  live_started_at: string | null;
  live_ended_at: string | null;
  live_current_section: string | null;
}

const toMinutes = (r: Row): MinutesRow => ({
  meetingId: r.meeting_id,
  status: r.status,
  version: r.version,
  updatedAt: r.updated_at,
  liveStartedAt: r.live_started_at,
  liveEndedAt: r.live_ended_at,
  liveCurrentSection: r.live_current_section,
});

/** What a save needs to know of the stored section (MinutesRepo.head). */
export interface StoredSectionHead {
  rev: number;
  textLength: number;
  same: boolean;
  updatedAt: string;
  /** The page whose save wrote this rev, and the rev it was based on; null when another write made it. */
  lastWriter: string | null;
  lastBaseRev: number | null;
}

/**
 * The minutes of a meeting (status, version, live state) and the current content of each section.
 * Statements on the autosave path are prepared once: a save runs several of them per keystroke pause.
 */
export class MinutesRepo extends PreparedRepo {
  get(meetingId: string): MinutesRow | undefined {
    const row = this.stmt(
      `SELECT meeting_id, status, version, updated_at, live_started_at, live_ended_at, live_current_section FROM minutes WHERE meeting_id = ?`,
    ).get(meetingId) as Row | undefined;
    return row && toMinutes(row);
  }

  /** The minutes row, created as version 1 draft on first use. */
  ensure(meetingId: string, now: string): MinutesRow {
    this.stmt(`INSERT OR IGNORE INTO minutes (meeting_id, updated_at) VALUES (?, ?)`).run(meetingId, now);
    return this.get(meetingId)!;
  }

  setStatus(meetingId: string, status: MinutesStatus, version: number, now: string): void {
    this.stmt(`UPDATE minutes SET status = ?, version = ?, updated_at = ? WHERE meeting_id = ?`).run(status, version, now, meetingId);
  }

  touch(meetingId: string, now: string): void {
    this.stmt(`UPDATE minutes SET updated_at = ? WHERE meeting_id = ?`).run(now, meetingId);
  }

  setLive(meetingId: string, live: { startedAt: string | null; endedAt: string | null; currentSection: string | null }): void {
    this.stmt(`UPDATE minutes SET live_started_at = ?, live_ended_at = ?, live_current_section = ? WHERE meeting_id = ?`).run(
      live.startedAt,
      live.endedAt,
      live.currentSection,
      meetingId,
    );
  }

  sections(meetingId: string): SectionRow[] {
    const rows = this.stmt(`SELECT section_key, content_json, rev, updated_at FROM minutes_sections WHERE meeting_id = ?`).all(meetingId) as Array<{
      section_key: string;
      content_json: string;
      rev: number;
      updated_at: string;
    }>;
    return rows.map((r) => ({ sectionKey: r.section_key, contentJson: r.content_json, rev: r.rev, updatedAt: r.updated_at }));
  }

  /**
   * The sections of every meeting but one that may hold a flagged link (their stored JSON has both a flag and a link
   * node): what flagged-elsewhere.ts reads for the addresses other meetings' flags keep out of public files. A cheap
   * filter in SQLite; the caller reads each section's nodes.
   */
  /**
   * The sections holding a flag mark (of every meeting but `exceptMeetingId`, when given), without their content; its
   * version (rev, time and length together: a meeting imported back may bring an older text under the same rev).
   */
  sectionsWithFlags(exceptMeetingId: string | null): Array<{ meetingId: string; sectionKey: string; version: string }> {
    return this.stmt(
      `SELECT meeting_id AS meetingId, section_key AS sectionKey, rev || ' ' || updated_at || ' ' || length(content_json) AS version FROM minutes_sections
        WHERE (? IS NULL OR meeting_id <> ?) AND instr(content_json, '"type":"flag"') > 0`,
    ).all(exceptMeetingId, exceptMeetingId) as Array<{ meetingId: string; sectionKey: string; version: string }>;
  }

  /** Every stored section of a meeting without its content: rev, time, and the size of its plain text. */
  sectionHeads(meetingId: string): Array<{ sectionKey: string; rev: number; updatedAt: string; textLength: number; lines: number }> {
    return this.stmt(
      `SELECT section_key AS sectionKey, rev, updated_at AS updatedAt, length(plain_text) AS textLength,
              length(plain_text) - length(replace(plain_text, char(10), '')) AS lines
         FROM minutes_sections WHERE meeting_id = ?`,
    ).all(meetingId) as Array<{ sectionKey: string; rev: number; updatedAt: string; textLength: number; lines: number }>;
  }

  section(meetingId: string, sectionKey: string): SectionRow | undefined {
    const r = this.stmt(`SELECT section_key, content_json, rev, updated_at FROM minutes_sections WHERE meeting_id = ? AND section_key = ?`).get(
      meetingId,
      sectionKey,
    ) as { section_key: string; content_json: string; rev: number; updated_at: string } | undefined;
    return r && { sectionKey: r.section_key, contentJson: r.content_json, rev: r.rev, updatedAt: r.updated_at };
  }

  /**
   * What a save needs to know about the stored section without reading its content into JS: rev, text length,
   * and whether `contentJson` (if given) equals what is stored.
   */
  head(meetingId: string, sectionKey: string, contentJson: string | null = null): StoredSectionHead | undefined {
    const r = this.stmt(
      `SELECT rev, length(plain_text) AS textLength, content_json = ? AS same, updated_at AS updatedAt, last_writer AS lastWriter, last_base_rev AS lastBaseRev
         FROM minutes_sections WHERE meeting_id = ? AND section_key = ?`,
    ).get(contentJson, meetingId, sectionKey) as (Omit<StoredSectionHead, 'same'> & { same: number }) | undefined;
    return r && { ...r, same: r.same === 1 };
  }

  /** The plain text of every stored section of a meeting but one (to verify that a flagged text is gone from it). */
  otherTexts(meetingId: string, exceptSectionKey: string): string[] {
    return (this.stmt(`SELECT plain_text FROM minutes_sections WHERE meeting_id = ? AND section_key <> ?`).all(meetingId, exceptSectionKey) as Array<{ plain_text: string }>).map(
      (r) => r.plain_text,
    );
  }

  /**
   * Inserts or overwrites the section, incrementing its rev; returns the new rev. A section written for the first time
   * starts above the file's floor (migration 020: 0 until a restore or an import raised it). `by`: the page's save that
   * wrote it (its writer id and the rev it was based on), none for any other write (migration 014).
   */
  write(meetingId: string, sectionKey: string, contentJson: string, plainText: string, now: string, by?: { writer: string; baseRev: number }): number {
    const row = this.stmt(
      `INSERT INTO minutes_sections (meeting_id, section_key, content_json, plain_text, rev, updated_at, last_writer, last_base_rev)
       VALUES (?, ?, ?, ?, coalesce((SELECT floor FROM section_rev_marks WHERE id = 1), 0) + 1, ?, ?, ?)
       ON CONFLICT (meeting_id, section_key) DO UPDATE SET
         content_json = excluded.content_json, plain_text = excluded.plain_text, rev = rev + 1, updated_at = excluded.updated_at,
         last_writer = excluded.last_writer, last_base_rev = excluded.last_base_rev
       RETURNING rev`,
    ).get(meetingId, sectionKey, contentJson, plainText, now, by?.writer ?? null, by?.baseRev ?? null) as { rev: number };
    return row.rev;
  }

  /**
   * Lifts the revs of the sections a restore or an import brought back (every section, or one meeting's) above
   * `above`, the highest rev a page may still hold as its base (`highestRev` of the data before), and raises the floor
   * of sections written for the first time to it: no later save reaches a rev a page from before holds, so that page's
   * retried save is a conflict (kept), never accepted over newer words. Whose save wrote a section is forgotten with
   * its rev (no "answer lost" retry matches across it).
   */
  liftRevs(above: number, meetingId: string | null = null): void {
    if (above <= 0) return;
    this.stmt(
      `UPDATE minutes_sections SET rev = rev + ?, last_writer = NULL, last_base_rev = NULL WHERE ? IS NULL OR meeting_id = ?`,
    ).run(above, meetingId, meetingId);
    this.stmt(`UPDATE section_rev_marks SET floor = max(floor, ?), high = max(high, ?) WHERE id = 1`).run(above, above);
  }
}

/**
 * The highest rev any section of `db` has had: the file's mark (migration 020), else, in a file made before it (a
 * data file kept aside at a restore is read as it is), its sections' highest rev now.
 */
export function highestRev(db: Database): number {
  const hasMarks = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'section_rev_marks'`).get() !== undefined;
  const mark = hasMarks ? (db.prepare(`SELECT high FROM section_rev_marks WHERE id = 1`).pluck().get() as number | undefined) : undefined;
  const now = db.prepare(`SELECT coalesce(max(rev), 0) FROM minutes_sections`).pluck().get() as number;
  return Math.max(mark ?? 0, now);
}
