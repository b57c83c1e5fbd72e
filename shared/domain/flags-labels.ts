/**
 * The flag reasons, the flag states and their labels, without a schema: what the renderer shows needs no zod (issue 16).
 * flags.ts builds its schemas on these lists and re-exports everything here, so `shared/domain/flags` stays the place
 * to import from elsewhere. The lifecycle of a flag is described in flags.ts.
 */
export const FLAG_REASONS = [
  'commercially_confidential',
  'business_secret',
  'personal_data',
  'competition_sensitive',
  'internal_deliberation',
  'other',
] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const DEFAULT_FLAG_REASON: FlagReason = 'commercially_confidential';
export const FLAG_REASON_LABEL: Record<FlagReason, string> = {
  commercially_confidential: 'Commercially confidential',
  business_secret: 'Business secret',
  personal_data: 'Personal data',
  competition_sensitive: 'Competition-sensitive',
  internal_deliberation: 'Internal deliberation',
  other: 'Other',
};

/** Why a record is retired: its text left the meeting, a person lifted the flag, or the flagging was undone. */
export const FLAG_RETIRED_REASONS = ['text_removed', 'unflagged', 'undo'] as const;

export const FLAG_STATES = ['in_force', 'mark_missing', 'lifted', 'lifted_by_undo', 'text_removed'] as const;
export type FlagState = (typeof FLAG_STATES)[number];
export const FLAG_STATE_LABEL: Record<FlagState, string> = {
  in_force: 'In force',
  mark_missing: 'In force — mark missing',
  lifted: 'Lifted',
  lifted_by_undo: 'Lifted by undo',
  text_removed: 'Text removed',
};

/** The state of a record (see the lifecycle above). */
export function flagState(f: { retiredReason: (typeof FLAG_RETIRED_REASONS)[number] | null; unmarkedSince: string | null }): FlagState {
  switch (f.retiredReason) {
    case null:
      return f.unmarkedSince === null ? 'in_force' : 'mark_missing';
    case 'unflagged':
      return 'lifted';
    case 'undo':
      return 'lifted_by_undo';
    case 'text_removed':
      return 'text_removed';
  }
}

/**
 * Whether a flag record's text is still searched for in every public file: a flag in force, and one retired because its
 * text left the minutes ("text removed"). The flag states decide "removed" on the minutes' whole passage; a copy the
 * check would still find — in an agenda item's or the meeting's title, or 8 words or 40 characters of a long passage —
 * must not be published because the original was deleted (adversarial audit, 2026-12-04). Only a person lifting the
 * flag, or an undo of the flagging, ends it.
 */
export function guardsText(f: { retiredAt: string | null; retiredReason?: string | null | undefined }): boolean {
  // Fail-closed: only a known decision to lift ends it; a retired record whose reason is unknown still guards.
  return f.retiredAt === null || (f.retiredReason !== 'unflagged' && f.retiredReason !== 'undo');
}
