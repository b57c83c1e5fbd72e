import type { SearchBlock } from '../../../shared/search/blocks';
import type { MeetingKind } from '../../../shared/domain/meeting';
import type { SearchKind } from '../../../shared/contract/search';
import { NEXT_SEARCH_ID } from '../db/migrations/010-search';
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

/** Per connection: what each section has in the index (id → flags + text), checked before use. */
interface SectionIndex {
  token: string;
  rows: Map<number, string>;
}
/** Tokens are unique per process run (a counter) and across runs (a random prefix). */
const TOKEN_PREFIX = `${Math.random().toString(36).slice(2, 10)}-${Date.now().toString(36)}-`;
let tokenCounter = 0;
const caches = new WeakMap<object, Map<string, SectionIndex>>();
function sectionCache(db: object): Map<string, SectionIndex> {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c;
}

export const HIT_OPEN = '\uE000';
export const HIT_CLOSE = '\uE001';

/**
 * The search index (migrations 010 and 013): passages in `search_docs`, the FTS5 index `search_fts` over them.
 * Minutes sections are indexed here, block by block, inside the caller's save transaction; agenda items, decisions
 * and action items are kept by triggers. A changed passage is noted in `search_pending` in the same transaction and
 * reaches FTS5 at the next `flushPending` (before every query, and when calls pause).
 */
export class SearchRepo extends PreparedRepo {
  /**
   * Brings the section's passages in line with `blocks`, touching only what changed: a block whose text and flags
   * are already indexed stays as it is (typing changes one block, so one passage is re-indexed per save). What is
   * indexed per section is remembered per connection and trusted only while the section's token in search_sections
   * is the one written with it, so a save does not read the section's text back.
   */
  indexSection(meetingId: string, sectionKey: string, blocks: readonly SearchBlock[]): void {
    const cacheKey = `${meetingId}\u0000${sectionKey}`;
    const cache = sectionCache(this.db);
    const token = this.stmt(`SELECT token FROM search_sections WHERE meeting_id = ? AND section_key = ?`).pluck().get(meetingId, sectionKey) as string | undefined;
    let known = cache.get(cacheKey);
    if (!known || token === undefined || known.token !== token) {
      const stored = this.stmt(`SELECT id, text, flags_json AS flags FROM search_docs WHERE ref = ? AND kind = 'minutes' AND meeting_id = ?`).all(
        sectionKey,
        meetingId,
      ) as Array<{ id: number; text: string; flags: string }>;
      known = { token: '', rows: new Map() };
      for (const r of stored) known.rows.set(r.id, `${r.flags}\u0000${r.text}`);
    }
    const pool = new Map<string, number[]>();
    for (const [id, k] of known.rows) {
      const list = pool.get(k);
      if (list) list.push(id);
      else pool.set(k, [id]);
    }
    const toInsert: Array<[string, string]> = [];
    for (const b of blocks) {
      const flags = JSON.stringify(b.flags);
      const list = pool.get(`${flags}\u0000${b.text}`);
      if (list && list.length > 0) list.pop();
      else toInsert.push([b.text, flags]);
    }
    const leftover = [...pool.values()].flat();
    const rows = known.rows;
    if (toInsert.length > 0 || leftover.length > 0) {
      const insert = this.stmt(`INSERT INTO search_docs (id, meeting_id, kind, ref, section_key, text, flags_json) VALUES (${NEXT_SEARCH_ID}, ?, 'minutes', ?, ?, ?, ?)`);
      const update = this.stmt(`UPDATE search_docs SET text = ?, flags_json = ? WHERE id = ?`);
      const del = this.stmt(`DELETE FROM search_docs WHERE id = ?`);
      // A changed block reuses a leftover row (one FTS delete + insert), else gets a new row.
      for (const [text, flags] of toInsert) {
        const id = leftover.pop();
        if (id !== undefined) update.run(text, flags, id);
        rows.set(id ?? Number(insert.run(meetingId, sectionKey, sectionKey, text, flags).lastInsertRowid), `${flags}\u0000${text}`);
      }
      for (const id of leftover) {
        del.run(id);
        rows.delete(id);
      }
    }
    if (toInsert.length > 0 || leftover.length > 0 || known.token !== token || token === undefined) {
      // A new token with every change: if this transaction is rolled back, the table keeps the old one and the
      // copy made here is never trusted.
      const next = `${TOKEN_PREFIX}${++tokenCounter}`;
      this.stmt(
        `INSERT INTO search_sections (meeting_id, section_key, token) VALUES (?, ?, ?) ON CONFLICT (meeting_id, section_key) DO UPDATE SET token = excluded.token`,
      ).run(meetingId, sectionKey, next);
      cache.set(cacheKey, { token: next, rows });
    }
  }

  /** Whether passages changed since the FTS5 index last took them (migration 013). */
  hasPending(): boolean {
    return this.stmt(`SELECT EXISTS (SELECT 1 FROM search_pending)`).pluck().get() === 1;
  }

  /**
   * Brings the passages noted in `search_pending` into FTS5: the index removes the text it holds for each (the note
   * keeps it) and takes the passage's current text, if the passage still exists. Every delete goes before every
   * insert, so a passage whose id was deleted and reused is removed under its old text and indexed under its new.
   * The caller holds the transaction. Returns how many passages were noted.
   */
  flushPending(): number {
    const noted = this.stmt(`SELECT count(*) FROM search_pending`).pluck().get() as number;
    this.stmt(`INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, indexed_text FROM search_pending WHERE indexed_text IS NOT NULL`).run();
    this.stmt(`INSERT INTO search_fts (rowid, text) SELECT d.id, d.text FROM search_pending p JOIN search_docs d ON d.id = p.id`).run();
    this.stmt(`DELETE FROM search_pending`).run();
    return noted;
  }

  /** Forgets a section's passages (e.g. before re-indexing a meeting from scratch). */
  clearSection(meetingId: string, sectionKey: string): void {
    this.stmt(`DELETE FROM search_docs WHERE ref = ? AND kind = 'minutes' AND meeting_id = ?`).run(sectionKey, meetingId);
    this.stmt(`DELETE FROM search_sections WHERE meeting_id = ? AND section_key = ?`).run(meetingId, sectionKey);
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
      clauses.push('+d.meeting_id = ?'); // '+': no index on it, so FTS5 drives the walk (newest first, stops early)
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
      clauses.push('+m.starts_at >= ?');
      params.push(f.from);
    }
    if (f.to) {
      clauses.push('+m.starts_at < ?');
      params.push(`${f.to}T99`);
    }
    if (f.kinds && f.kinds.length > 0) {
      clauses.push(`+d.kind IN (${f.kinds.map(() => '?').join(', ')})`);
      params.push(...f.kinds);
    }
    return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
  }

  private from(f: SearchFilters): string {
    const needsMeeting = Boolean(f.meetingKind || f.group || f.from || f.to);
    return `search_fts f JOIN search_docs d ON d.id = f.rowid${needsMeeting ? ' JOIN meetings m ON m.id = d.meeting_id' : ''}`;
  }

  /**
   * The id range holding every passage of the meetings the filters select (meeting, kind, group, dates), or null
   * when no filter is about meetings; `{ lo: null }` when those meetings hold no passage. A meeting's passages are
   * written together, so their ids are close: with the range as a rowid bound, FTS5 starts its walk at the first
   * passage that can pass the filter instead of walking every newer match of a common word.
   */
  idRange(f: SearchFilters): { lo: number | null; hi: number | null } | null {
    if (!(f.meetingId || f.meetingKind || f.group || f.from || f.to)) return null;
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (f.meetingId) {
      clauses.push('m.id = ?');
      params.push(f.meetingId);
    }
    const w = this.where({ ...f, meetingId: undefined, kinds: undefined });
    return this.stmt(
      `SELECT min((SELECT min(id) FROM search_docs WHERE meeting_id = m.id)) AS lo, max((SELECT max(id) FROM search_docs WHERE meeting_id = m.id)) AS hi
         FROM meetings m WHERE 1${clauses.map((c) => ` AND ${c}`).join('')}${w.sql}`,
    ).get(...params, ...w.params) as { lo: number | null; hi: number | null };
  }

  /**
   * The most recent `cap` matching passages with their text, newest first: ids ascend from the newest (migration
   * 010), so this is an ascending walk of the FTS5 doclists that stops after `cap` rows, whatever the word's
   * frequency. No ranking function is called here (FTS5's bm25() would first count the phrase in the whole index).
   */
  candidates(match: string, f: SearchFilters, cap: number, range?: { lo: number; hi: number }): Array<{ id: number; text: string }> {
    const w = this.where(f);
    const bound = range ? ' AND f.rowid >= CAST(? AS INTEGER) AND f.rowid <= CAST(? AS INTEGER)' : '';
    return this.stmt(`SELECT f.rowid AS id, d.text FROM ${this.from(f)} WHERE search_fts MATCH ?${w.sql}${bound} ORDER BY f.rowid LIMIT ?`).all(
      match,
      ...w.params,
      ...(range ? [range.lo, range.hi] : []),
      cap,
    ) as Array<{ id: number; text: string }>;
  }

  /**
   * How many passages contain `match`, counted up to `cap` (an early-stopping walk of the newest), and the id of the
   * last one counted: above `cap`, the caller estimates the total from how far the walk had to go.
   */
  countUpTo(match: string, cap: number): { count: number; lastId: number | null } {
    const ids = this.stmt(`SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid LIMIT ?`).pluck().all(match, cap) as number[];
    return { count: ids.length, lastId: ids.length > 0 ? ids[ids.length - 1]! : null };
  }

  /**
   * Passages in the index, their mean length in tokens, and the smallest and largest id. Rows and length come from
   * FTS5's own "averages" record (record 1 of search_fts_data: a varint row count, then a varint token total per
   * column, as bm25() reads it); when that cannot be read, from the ids and `null` length.
   */
  stats(): { rows: number; avgLength: number | null; minId: number; maxId: number } {
    const minId = (this.stmt(`SELECT min(id) FROM search_docs`).pluck().get() as number | null) ?? 0;
    const maxId = (this.stmt(`SELECT max(id) FROM search_docs`).pluck().get() as number | null) ?? 0;
    const span = maxId - minId + 1;
    const block = this.stmt(`SELECT block FROM search_fts_data WHERE id = 1`).pluck().get() as Buffer | undefined;
    const values = block ? readVarints(block, 2) : [];
    if (values.length === 2 && values[0]! > 0) return { rows: values[0]!, avgLength: values[1]! / values[0]!, minId, maxId };
    return { rows: Math.max(span, 0), avgLength: null, minId, maxId };
  }

  /** The ranked passages with their meeting and agenda item (no FTS5 call: hits are found by the caller). */
  rows(ids: readonly number[]): Array<Omit<SearchRow, 'highlighted'>> {
    return this.stmt(
      `SELECT d.id, d.kind, d.meeting_id AS meetingId, d.ref, d.section_key AS sectionKey, d.text, d.flags_json AS flagsJson,
              m.title AS meetingTitle, m.starts_at AS meetingStartsAt, m.kind AS meetingKind, m.group_name AS "group",
              a.title AS itemTitle, a.for_publication AS itemForPublication, p.for_publication AS itemParentForPublication
         FROM search_docs d JOIN meetings m ON m.id = d.meeting_id
         LEFT JOIN agenda_items a ON a.id = d.section_key LEFT JOIN agenda_items p ON p.id = a.parent_id
        WHERE d.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as Array<Omit<SearchRow, 'highlighted'>>;
  }

  /**
   * One ranked passage with its hits marked (U+E000 … U+E001), its meeting and its agenda item. The id is cast:
   * better-sqlite3 binds a JS number as REAL, and FTS5 does not apply a rowid constraint whose value is REAL (it
   * returns every match, and the first one would stand for every hit).
   */
  hydrate(match: string, id: number): SearchRow | undefined {
    return this.stmt(
      `SELECT d.id, d.kind, d.meeting_id AS meetingId, d.ref, d.section_key AS sectionKey, d.text, d.flags_json AS flagsJson,
              highlight(search_fts, 0, '${HIT_OPEN}', '${HIT_CLOSE}') AS highlighted,
              m.title AS meetingTitle, m.starts_at AS meetingStartsAt, m.kind AS meetingKind, m.group_name AS "group",
              a.title AS itemTitle, a.for_publication AS itemForPublication, p.for_publication AS itemParentForPublication
         FROM search_fts f JOIN search_docs d ON d.id = f.rowid JOIN meetings m ON m.id = d.meeting_id
         LEFT JOIN agenda_items a ON a.id = d.section_key LEFT JOIN agenda_items p ON p.id = a.parent_id
        WHERE search_fts MATCH ? AND f.rowid = CAST(? AS INTEGER)`,
    ).get(match, id) as SearchRow | undefined;
  }

  /** The LIKE scan the benchmark compares with: every passage containing `needle`, counted (no index can help). */
  likeScanCount(needle: string): number {
    return this.stmt(`SELECT count(*) FROM search_docs WHERE text LIKE ? ESCAPE '\\'`).pluck().get(`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as number;
  }
}

/** The first `n` SQLite varints of `buf` (big-endian groups of 7 bits, high bit set on all but the last; a 9th byte carries 8). */
function readVarints(buf: Uint8Array, n: number): number[] {
  const out: number[] = [];
  let i = 0;
  while (out.length < n && i < buf.length) {
    let v = 0;
    let k = 0;
    for (;;) {
      const byte = buf[i++];
      if (byte === undefined) return out;
      if (k === 8) {
        v = v * 256 + byte;
        break;
      }
      v = v * 128 + (byte & 0x7f);
      k++;
      if ((byte & 0x80) === 0) break;
    }
    out.push(v);
  }
  return out;
}
