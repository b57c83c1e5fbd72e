/**
 * The kinds of search hits and their labels, without a schema: the page that shows them needs no zod
 * (issue 16). search.ts builds its schemas on these and re-exports everything here.
 */
export const SEARCH_KINDS = ['minutes', 'agenda', 'decision', 'action'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABEL: Record<SearchKind, string> = { minutes: 'Minutes', agenda: 'Agenda item', decision: 'Decision', action: 'Action item' };
