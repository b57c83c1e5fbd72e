/**
 * The minutes' statuses, their labels and transitions, and the excerpt of a text, without a schema: what the renderer
 * shows needs no zod (issue 16). minutes.ts builds its schemas on these lists and re-exports everything here, so
 * `shared/domain/minutes` stays the place to import from elsewhere.
 */
export const MINUTES_STATUSES = ['draft', 'circulated', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const MINUTES_STATUS_LABEL: Record<MinutesStatus, string> = {
  draft: 'Draft',
  circulated: 'Circulated for comments',
  approved: 'Approved',
};

/**
 * Draft minutes are circulated, then approved. Circulated minutes may go back to draft (comments to work in).
 * Approved minutes are read-only; the only way out is `minutes.reopen`, which starts a new version.
 */
export const MINUTES_TRANSITIONS: Record<MinutesStatus, readonly MinutesStatus[]> = {
  draft: ['circulated'],
  circulated: ['draft', 'approved'],
  approved: [],
};

export function canTransitionMinutes(from: MinutesStatus, to: MinutesStatus): boolean {
  return MINUTES_TRANSITIONS[from].includes(to);
}

export const EXCERPT_LENGTH = 160;

/** First words of a section's plain text, on one line, for revision lists. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
