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
   * starts above the highest rev it ever had (migration 020: 0 for a section never stored). `by`: the page's save that
   * wrote it (its writer id and the rev it was based on), none for any other write (migration 014).
   */
  write(meetingId: string, sectionKey: string, contentJson: string, plainText: string, now: string, by?: { writer: string; baseRev: number }): number {
    const row = this.stmt(
      `INSERT INTO minutes_sections (meeting_id, section_key, content_json, plain_text, rev, updated_at, last_writer, last_base_rev)
       VALUES (@meetingId, @sectionKey, @contentJson, @plainText,
               coalesce((SELECT high FROM section_rev_marks WHERE meeting_id = @meetingId AND section_key = @sectionKey), 0) + 1, @now, @writer, @baseRev)
       ON CONFLICT (meeting_id, section_key) DO UPDATE SET
         content_json = excluded.content_json, plain_text = excluded.plain_text, rev = rev + 1, updated_at = excluded.updated_at,
         last_writer = excluded.last_writer, last_base_rev = excluded.last_base_rev
       RETURNING rev`,
    ).get({ meetingId, sectionKey, contentJson, plainText, now, writer: by?.writer ?? null, baseRev: by?.baseRev ?? null }) as { rev: number };
    return row.rev;
  }

  /**
   * Lifts every section (of one meeting, or all) whose rev is below the highest it ever had (a restore, an import or the
   * trash brought an older copy back) above that mark: a page may still hold any rev up to the mark as its base, so no
   * later save may reach one again; that page's retried save is then a conflict (kept), never accepted over newer
   * words. Whose save wrote a lifted section is forgotten with its rev (no "answer lost" retry matches across it).
   * A section back at its mark is the content that rev named, and stays.
   */
  liftBehindMarks(meetingId: string | null = null): void {
    this.stmt(
      `UPDATE minutes_sections AS s
          SET rev = m.high + 1, last_writer = NULL, last_base_rev = NULL
         FROM section_rev_marks AS m
        WHERE m.meeting_id = s.meeting_id AND m.section_key = s.section_key AND s.rev < m.high AND (@meetingId IS NULL OR s.meeting_id = @meetingId)`,
    ).run({ meetingId });
  }

  /**
   * Takes the marks of another data file (the one a restore replaces: pages open from before hold its revs), keeping
   * the higher of the two for each section. A file made before migration 020 gives its sections' revs now.
   */
  takeMarksOf(other: Database): void {
    const hasMarks = other.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'section_rev_marks'`).get() !== undefined;
    const rows = other
      .prepare(hasMarks ? `SELECT meeting_id, section_key, high FROM section_rev_marks` : `SELECT meeting_id, section_key, rev AS high FROM minutes_sections`)
      .all() as Array<{ meeting_id: string; section_key: string; high: number }>;
    const upsert = this.stmt(
      `INSERT INTO section_rev_marks (meeting_id, section_key, high) VALUES (?, ?, ?)
       ON CONFLICT (meeting_id, section_key) DO UPDATE SET high = max(high, excluded.high)`,
    );
    for (const r of rows) upsert.run(r.meeting_id, r.section_key, r.high);
  }
}
