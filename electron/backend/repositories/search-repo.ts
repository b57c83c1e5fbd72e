import type { SearchBlock } from '../../../shared/search/blocks';
import type { MeetingKind } from '../../../shared/domain/meeting';
import type { SearchKind } from '../../../shared/contract/search';
import { PreparedRepo } from './prepared';

export interface SearchFilters {
  meetingId?: string;
  meetingKind?: MeetingKind;
  group?: string;
  /** yyyy-mm-dd, inclusive. */
  from?: string;
  to?: string;
  kinds?: SearchKind[];
}

export interface SearchRow {
  id: number;
  kind: SearchKind;
  meetingId: string;
  ref: string;
  sectionKey: string;
  text: string;
  flagsJson: string;
  /** The passage with hits marked by U+E000 … U+E001. */
  highlighted: string;
  meetingTitle: string;
  meetingStartsAt: string;
  meetingKind: MeetingKind;
  group: string;
  itemTitle: string | null;
  itemForPublication: number | null;
  itemParentForPublication: number | null;
}

export const HIT_OPEN = '\uE000';
export const HIT_CLOSE = '\uE001';

/**
 * The search index (migration 010): passages in `search_docs`, the FTS5 index `search_fts` over them. Minutes
 * sections are indexed here, block by block, inside the caller's save transaction; agenda items, decisions and
 * action items are kept by triggers.
 */
export class SearchRepo extends PreparedRepo {
  /**
   * Brings the section's passages in line with `blocks`, touching only what changed: a block whose text and flags
   * are already indexed stays as it is (typing changes one block, so one passage is re-indexed per save).
   */
  indexSection(meetingId: string, sectionKey: string, blocks: readonly SearchBlock[]): void {
    const stored = this.stmt(`SELECT id, text, flags_json AS flags FROM search_docs WHERE ref = ? AND kind = 'minutes' AND meeting_id = ?`).all(
      sectionKey,
      meetingId,
    ) as Array<{ id: number; text: string; flags: string }>;
    const pool = new Map<string, number[]>();
    for (const r of stored) {
      const k = `${r.flags}\u0000${r.text}`;
      const list = pool.get(k);
      if (list) list.push(r.id);
      else pool.set(k, [r.id]);
    }
    const insert = this.stmt(`INSERT INTO search_docs (meeting_id, kind, ref, section_key, text, flags_json) VALUES (?, 'minutes', ?, ?, ?, ?)`);
    const toInsert: Array<[string, string]> = [];
    for (const b of blocks) {
      const flags = JSON.stringify(b.flags);
      const list = pool.get(`${flags}\u0000${b.text}`);
      if (list && list.length > 0) list.pop();
      else toInsert.push([b.text, flags]);
    }
    const del = this.stmt(`DELETE FROM search_docs WHERE id = ?`);
    const update = this.stmt(`UPDATE search_docs SET text = ?, flags_json = ? WHERE id = ?`);
    const leftover = [...pool.values()].flat();
    // A changed block: reuse a leftover row (one FTS delete + insert), else a new row.
    for (const [text, flags] of toInsert) {
      const id = leftover.pop();
      if (id !== undefined) update.run(text, flags, id);
      else insert.run(meetingId, sectionKey, sectionKey, text, flags);
    }
    for (const id of leftover) del.run(id);
  }

  /** Forgets a section's passages (e.g. before re-indexing a meeting from scratch). */
  clearSection(meetingId: string, sectionKey: string): void {
    this.stmt(`DELETE FROM search_docs WHERE ref = ? AND kind = 'minutes' AND meeting_id = ?`).run(sectionKey, meetingId);
  }

  sectionsOf(meetingId: string): Array<{ sectionKey: string; contentJson: string }> {
    return this.stmt(`SELECT section_key AS sectionKey, content_json AS contentJson FROM minutes_sections WHERE meeting_id = ?`).all(meetingId) as Array<{
      sectionKey: string;
      contentJson: string;
    }>;
  }

  private where(f: SearchFilters): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (f.meetingId) {
      clauses.push('d.meeting_id = ?');
      params.push(f.meetingId);
    }
    if (f.meetingKind) {
      clauses.push('m.kind = ?');
      params.push(f.meetingKind);
    }
    if (f.group) {
      clauses.push('m.group_name = ? COLLATE NOCASE');
      params.push(f.group);
    }
    if (f.from) {
      clauses.push('m.starts_at >= ?');
      params.push(f.from);
    }
    if (f.to) {
      clauses.push('m.starts_at < ?');
      params.push(`${f.to}T99`);
    }
    if (f.kinds && f.kinds.length > 0) {
      clauses.push(`d.kind IN (${f.kinds.map(() => '?').join(', ')})`);
      params.push(...f.kinds);
    }
    return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
  }

  private from(f: SearchFilters): string {
    const needsDocs = Boolean(f.meetingId || f.kinds?.length);
    const needsMeeting = Boolean(f.meetingKind || f.group || f.from || f.to);
    return `search_fts f${needsDocs || needsMeeting ? ' JOIN search_docs d ON d.id = f.rowid' : ''}${needsMeeting ? ' JOIN meetings m ON m.id = d.meeting_id' : ''}`;
  }

  /**
   * The rowid of the `cap`-th most recent matching passage, or null when fewer match: the ranking is then limited to
   * passages at or above it, so a query matching most of the archive still ranks a bounded set.
   */
  rankFloor(match: string, f: SearchFilters, cap: number): number | null {
    const w = this.where(f);
    const row = this.stmt(`SELECT f.rowid AS id FROM ${this.from(f)} WHERE search_fts MATCH ?${w.sql} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?`).get(
      match,
      ...w.params,
      cap - 1,
    ) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Matching passages counted up to `cap`. */
  count(match: string, f: SearchFilters, cap: number): number {
    const w = this.where(f);
    const row = this.stmt(`SELECT count(*) AS n FROM (SELECT 1 FROM ${this.from(f)} WHERE search_fts MATCH ?${w.sql} ORDER BY f.rowid DESC LIMIT ?)`).get(
      match,
      ...w.params,
      cap,
    ) as { n: number };
    return row.n;
  }

  /**
   * The ids of the best `limit` passages by BM25 among those with rowid ≥ floor, best first. bm25() is ordered by
   * SQLite rather than FTS5's `ORDER BY rank`, which would rank every match and ignore the rowid floor.
   */
  rank(match: string, f: SearchFilters, limit: number, floor: number | null): number[] {
    const w = this.where(f);
    return this.stmt(
      `SELECT f.rowid AS id, bm25(search_fts) AS score FROM ${this.from(f)} WHERE search_fts MATCH ? AND f.rowid >= ?${w.sql} ORDER BY score, f.rowid DESC LIMIT ?`,
    )
      .pluck()
      .all(match, floor ?? 0, ...w.params, limit) as number[];
  }

  /** One ranked passage with its hits marked (U+E000 … U+E001), its meeting and its agenda item. */
  hydrate(match: string, id: number): SearchRow | undefined {
    return this.stmt(
      `SELECT d.id, d.kind, d.meeting_id AS meetingId, d.ref, d.section_key AS sectionKey, d.text, d.flags_json AS flagsJson,
              highlight(search_fts, 0, '${HIT_OPEN}', '${HIT_CLOSE}') AS highlighted,
              m.title AS meetingTitle, m.starts_at AS meetingStartsAt, m.kind AS meetingKind, m.group_name AS "group",
              a.title AS itemTitle, a.for_publication AS itemForPublication, p.for_publication AS itemParentForPublication
         FROM search_fts f JOIN search_docs d ON d.id = f.rowid JOIN meetings m ON m.id = d.meeting_id
         LEFT JOIN agenda_items a ON a.id = d.section_key LEFT JOIN agenda_items p ON p.id = a.parent_id
        WHERE search_fts MATCH ? AND f.rowid = ?`,
    ).get(match, id) as SearchRow | undefined;
  }

  /** The LIKE scan the benchmark compares with: every passage containing `needle`, counted (no index can help). */
  likeScanCount(needle: string): number {
    return this.stmt(`SELECT count(*) FROM search_docs WHERE text LIKE ? ESCAPE '\\'`).pluck().get(`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as number;
  }
}
