import type { z } from 'zod';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import type { SearchHit, SearchInput, SearchOutput, SearchPiece } from '../../../shared/contract/search';
import { searchBlocks } from '../../../shared/search/blocks';
import { hitsFlagged, piecesOf, snippetWindow, unmark } from '../../../shared/search/pieces';
import { parseQuery } from '../../../shared/search/query';
import { hitRanges, rankCandidates, roundEstimate, tokens, type RankTerm } from '../../../shared/search/rank';
import { HIT_CLOSE, HIT_OPEN, SearchRepo, type SearchRow } from '../repositories/search-repo';
import type { ServiceContext } from './context';
import type { MeetingsService } from './meetings-service';
import { SECTION_TITLE } from '../../../shared/redaction/redact';

/**
 * The ranking covers at most this many matching passages: the most recent ones (ids ascend from the newest). A
 * query with fewer matches (a rare word, a specific phrase) is ranked in full by BM25; one with more (the most
 * common word, a two-letter prefix, a phrase of common words) ranks the newest `RANK_CAP` by BM25, and the answer
 * says so with an estimate of the total (`capped`, `estimated`). Finding the newest matches is an early-stopping walk
 * of the FTS5 index, so the work is bounded by `RANK_CAP`, not by how often the words occur.
 */
export const RANK_CAP = 1_000;
const DEFAULT_LIMIT = 50;


export class SearchService {
  readonly repo: SearchRepo;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly meetings: MeetingsService,
  ) {
    this.repo = new SearchRepo(ctx.db);
  }

  /** Called inside a section save's transaction: only the blocks that changed are re-indexed. */
  indexSection(meetingId: string, sectionKey: string, content: SerializedDoc): void {
    this.repo.indexSection(meetingId, sectionKey, searchBlocks(content));
  }

  /** Re-indexes every stored section of a meeting (after a restore or an import wrote its rows directly). */
  reindexMeeting(meetingId: string): void {
    for (const s of this.repo.sectionsOf(meetingId)) this.indexSection(meetingId, s.sectionKey, JSON.parse(s.contentJson) as SerializedDoc);
  }

  /**
   * Brings every passage changed since the last flush into the FTS5 index, in one transaction of its own. Saves
   * only note what changed (migration 013), so a query flushes first and always sees every save; the backend also
   * flushes when calls pause, so a query rarely finds anything to do.
   */
  flush(): number {
    if (!this.repo.hasPending()) return 0;
    return this.ctx.db.transaction(() => this.repo.flushPending()).immediate();
  }

  query(input: z.output<typeof SearchInput>): SearchOutput {
    this.flush();
    const parsed = parseQuery(input.query);
    if (!parsed) return { hits: [], matched: 0, capped: false, estimated: 0, understood: [] };
    const limit = input.limit ?? DEFAULT_LIMIT;
    const filters = { ...input };
    return this.ctx.db.transaction((): SearchOutput => {
      const stats = this.repo.stats();
      // Meeting filters bound the walk to the ids of the meetings they select.
      const range = this.repo.idRange(filters);
      if (range && range.lo === null) return { hits: [], matched: 0, capped: false, estimated: 0, understood: parsed.terms };
      const bound = range ? { lo: range.lo!, hi: range.hi! } : undefined;
      const candidates = this.repo.candidates(parsed.match, filters, RANK_CAP + 1, bound);
      const capped = candidates.length > RANK_CAP;
      if (capped) candidates.length = RANK_CAP;
      const matched = candidates.length;
      // Above the cap, the total is estimated from how far the walk went: the newest RANK_CAP matches took ids
      // lo..last, so the whole range lo..hi holds about RANK_CAP × (hi − lo) / (last − lo) of them.
      const lo = bound?.lo ?? stats.minId;
      const hi = bound?.hi ?? stats.maxId;
      const estimated = capped ? roundEstimate(Math.min(Math.max(stats.rows, matched), densityEstimate(matched, lo, hi, candidates[matched - 1]!.id))) : matched;

      // Document frequency of each term for its weight: counted up to the cap (the same walk as above when the query
      // is one term and unfiltered), estimated above it.
      const single = parsed.parts.length === 1 && !range && !filters.kinds?.length;
      const terms: RankTerm[] = parsed.terms.map((t, i) => {
        let docFreq: number;
        if (single) docFreq = capped ? estimated : matched;
        else {
          const c = this.repo.countUpTo(parsed.parts[i]!, RANK_CAP + 1);
          docFreq = c.count > RANK_CAP && c.lastId !== null ? densityEstimate(RANK_CAP, stats.minId, stats.maxId, c.lastId) : c.count;
        }
        return { words: tokens(t.kind === 'prefix' ? t.text.slice(0, -1) : t.text), prefix: t.kind === 'prefix', docFreq: Math.min(docFreq, stats.rows) };
      });
      const avgLength = stats.avgLength ?? meanLength(candidates);
      const ids = rankCandidates(candidates, terms, { rows: stats.rows, avgLength }, limit);

      const titles = new Map<string, Map<string, string>>();
      const titleOf = (row: Omit<SearchRow, 'highlighted'>) => {
        if (Object.hasOwn(SECTION_TITLE, row.sectionKey)) return SECTION_TITLE[row.sectionKey as keyof typeof SECTION_TITLE];
        if (row.itemTitle === null) return 'Removed agenda item'; // no agenda item has that key
        let t = titles.get(row.meetingId);
        if (!t) {
          t = new Map(this.meetings.agendaOf(row.meetingId).map((a) => [a.id, `${a.number} ${a.title}`]));
          titles.set(row.meetingId, t);
        }
        return t.get(row.sectionKey) ?? 'Removed agenda item';
      };
      // Hits are marked here with the ranking's tokenizer; a passage where it finds none (a word the two tokenizers
      // split differently) is marked by FTS5's highlight() instead.
      const byId = new Map(this.repo.rows(ids).map((r) => [r.id, r]));
      const hits: SearchHit[] = [];
      for (const id of ids) {
        const row = byId.get(id);
        if (!row) continue;
        const ranges = hitRanges(row.text, terms);
        if (ranges.length > 0) {
          hits.push(toHit(row, row.text, ranges, titleOf(row)));
          continue;
        }
        const marked = this.repo.hydrate(parsed.match, id);
        if (marked) {
          const u = unmark(marked.highlighted, HIT_OPEN, HIT_CLOSE);
          hits.push(toHit(marked, u.text, u.hits, titleOf(marked)));
        }
      }
      return { hits, matched, capped, estimated, understood: parsed.terms };
    })();
  }
}

/** `count` matches found in ids lo..last (ids are dense: one per passage) → about how many in lo..hi. */
function densityEstimate(count: number, lo: number, hi: number, last: number): number {
  const walked = Math.max(1, last - lo + 1);
  return Math.round((count * Math.max(walked, hi - lo + 1)) / walked);
}

function meanLength(candidates: ReadonlyArray<{ text: string }>): number {
  if (candidates.length === 0) return 1;
  let n = 0;
  for (const c of candidates) n += tokens(c.text).length;
  return n / candidates.length || 1;
}

function toHit(row: Omit<SearchRow, 'highlighted'>, text: string, hits: Array<[number, number]>, sectionTitle: string): SearchHit {
  let flags: Array<[number, number]>;
  try {
    flags = JSON.parse(row.flagsJson) as Array<[number, number]>;
  } catch {
    // An unreadable flag list: fail closed, the whole passage is shown as flagged.
    flags = [[0, text.length]];
  }
  const win = snippetWindow(text, hits);
  const snippet: SearchPiece[] = piecesOf(text, hits, flags, win.from, win.to);
  if (win.from > 0) snippet.unshift({ text: '…', hit: false, flagged: false });
  if (win.to < text.length) snippet.push({ text: '…', hit: false, flagged: false });
  const withheld = row.itemForPublication === 0 || row.itemParentForPublication === 0;
  return {
    kind: row.kind,
    meetingId: row.meetingId,
    meetingTitle: row.meetingTitle,
    meetingStartsAt: row.meetingStartsAt,
    meetingKind: row.meetingKind,
    group: row.group,
    sectionKey: row.sectionKey,
    sectionTitle,
    snippet,
    hits: hits.map(([a, b]) => text.slice(a, b)),
    flagged: hitsFlagged(hits, flags),
    containsFlagged: flags.length > 0,
    withheld,
  };
}
