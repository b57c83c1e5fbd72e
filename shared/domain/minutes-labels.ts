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

/**
 * Why a revision was kept. The caller may ask for the first four; the others are written by the backend itself:
 * auto (a safety copy taken before a save when the last one is old or the text shrank a lot), before_restore /
 * restore (both sides of a restore), approved (every section, when the minutes are approved), conflict_copy /
 * refused_copy (the words of a save that was refused, kept: the section had changed, or its item had been removed, in
 * another window / the minutes had been approved meanwhile; migration 017).
 */
export const SNAPSHOT_REASONS = ['leave', 'periodic', 'export', 'manual'] as const;
export const REVISION_REASONS = [...SNAPSHOT_REASONS, 'auto', 'before_restore', 'restore', 'approved', 'conflict_copy', 'refused_copy'] as const;
export type RevisionReasonValue = (typeof REVISION_REASONS)[number];

/** How a section's History names each reason (and how the save indicator names a kept copy). */
export const REVISION_REASON_LABEL: Record<RevisionReasonValue, string> = {
  leave: 'left the item',
  periodic: 'while editing',
  export: 'before export',
  manual: 'kept by hand',
  auto: 'safety copy',
  before_restore: 'before a restore',
  restore: 'restored',
  approved: 'at approval',
  conflict_copy: 'not saved: changed in another window',
  refused_copy: 'not saved: minutes approved meanwhile',
};
