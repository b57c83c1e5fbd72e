import * as z from 'zod';
import { Id } from '../domain/common';
import { MeetingKind } from '../domain/meeting';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';
import { SEARCH_KINDS, type SearchKind as SearchKindValue } from './search-labels';
// Kinds and labels live in the schema-free search-labels.ts (the renderer needs no zod for them).
export * from './search-labels';

export const SearchKind = lazySchema(() => z.enum(SEARCH_KINDS));
export type SearchKind = SearchKindValue;

const Day = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-30'));

export const SearchInput = lazySchema(() => z
  .object({
    query: z.string().max(500),
    meetingId: Id.optional(),
    meetingKind: MeetingKind.optional(),
    group: z.string().max(200).optional(),
    /** Meetings starting on or after this day. */
    from: Day.optional(),
    /** Meetings starting on or before this day. */
    to: Day.optional(),
    kinds: z.array(SearchKind).max(SEARCH_KINDS.length).optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict());
export type SearchInput = z.input<typeof SearchInput>;

/**
 * Text pieces of a snippet or a passage: `hit` marks what the query matched, `flagged` what a confidentiality flag
 * covers (this is the internal tool: flagged passages are found, and shown as flagged).
 */
export const SearchPiece = lazySchema(() => z.object({ text: z.string(), hit: z.boolean(), flagged: z.boolean() }));
export type SearchPiece = z.infer<typeof SearchPiece>;

export const SearchHit = lazySchema(() => z.object({
  kind: SearchKind,
  meetingId: Id,
  meetingTitle: z.string(),
  meetingStartsAt: z.string(),
  meetingKind: MeetingKind,
  group: z.string(),
  /** 'opening', 'closing' or an agenda item id: where the editor jumps. */
  sectionKey: z.string(),
  /** "2.1 Transparency", "Opening", … ('' when the item is gone). */
  sectionTitle: z.string(),
  snippet: z.array(SearchPiece),
  /** The matched words as they stand in the text (first first): what the editor selects on a jump. */
  hits: z.array(z.string()),
  /** A matched word lies in a flagged passage. */
  flagged: z.boolean(),
  /** The passage contains a flagged part (matched or not). */
  containsFlagged: z.boolean(),
  /** The agenda item is withheld from publication. */
  withheld: z.boolean(),
}));
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchOutput = lazySchema(() => z.object({
  hits: z.array(SearchHit),
  /** Passages ranked: every match, or the most recent ones when `capped`. */
  matched: z.number().int(),
  /** True when more passages matched than are ranked (the ranking then covers the `matched` most recent ones). */
  capped: z.boolean(),
  /** How many passages match: `matched` when not capped, else an estimate (two significant digits). */
  estimated: z.number().int(),
  /** What the query was understood as; empty when nothing searchable was typed. */
  understood: z.array(z.object({ kind: z.enum(['word', 'phrase', 'prefix']), text: z.string() })),
}));
export type SearchOutput = z.infer<typeof SearchOutput>;

/** Calls of the search feature. */
export const searchCalls = defineCalls({
  'search.query': { input: SearchInput, output: SearchOutput, summary: 'Full-text search across minutes, agenda items, decisions and action items.' },
});
