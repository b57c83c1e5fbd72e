import type { z } from 'zod';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import type { SearchHit, SearchInput, SearchOutput, SearchPiece } from '../../../shared/contract/search';
import { searchBlocks } from '../../../shared/search/blocks';
import { hitsFlagged, piecesOf, snippetWindow, unmark } from '../../../shared/search/pieces';
import { parseQuery } from '../../../shared/search/query';
import { HIT_CLOSE, HIT_OPEN, SearchRepo, type SearchRow } from '../repositories/search-repo';
import type { ServiceContext } from './context';
import type { MeetingsService } from './meetings-service';
import { SECTION_TITLE } from '../../../shared/redaction/redact';

/**
 * Above this many matching passages, the BM25 ranking covers the most recent `RANK_CAP` of them (by index order:
 * ids count down, so the most recently written come first): a word found nearly everywhere ranks in bounded time, and its hits are then
 * nearly equal in BM25 anyway. The answer says so (`capped`).
 */
export const RANK_CAP = 2_000;
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

  query(input: z.output<typeof SearchInput>): SearchOutput {
    const parsed = parseQuery(input.query);
    if (!parsed) return { hits: [], matched: 0, capped: false, understood: [] };
    const limit = input.limit ?? DEFAULT_LIMIT;
    const filters = { ...input };
    return this.ctx.db.transaction((): SearchOutput => {
      // One pass: the most recent RANK_CAP + 1 matches with their BM25 scores, ranked here.
      const scored = this.repo.scored(parsed.match, filters, RANK_CAP + 1);
      const capped = scored.length > RANK_CAP;
      if (capped) scored.length = RANK_CAP;
      const matched = scored.length;
      const ids = scored
        .sort((a, b) => a.score - b.score || a.id - b.id)
        .slice(0, limit)
        .map((s) => s.id);
      const titles = new Map<string, Map<string, string>>();
      const titleOf = (row: SearchRow) => {
        if (Object.hasOwn(SECTION_TITLE, row.sectionKey)) return SECTION_TITLE[row.sectionKey as keyof typeof SECTION_TITLE];
        let t = titles.get(row.meetingId);
        if (!t) {
          t = new Map(this.meetings.agendaOf(row.meetingId).map((a) => [a.id, `${a.number} ${a.title}`]));
          titles.set(row.meetingId, t);
        }
        return t.get(row.sectionKey) ?? 'Removed agenda item';
      };
      const hits: SearchHit[] = [];
      for (const id of ids) {
        const row = this.repo.hydrate(parsed.match, id);
        if (row) hits.push(toHit(row, titleOf(row)));
      }
      return { hits, matched, capped, understood: parsed.terms };
    })();
  }
}

function toHit(row: SearchRow, sectionTitle: string): SearchHit {
  const { text, hits } = unmark(row.highlighted, HIT_OPEN, HIT_CLOSE);
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
