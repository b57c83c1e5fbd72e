import * as z from 'zod';
import { Id, Instant, Text } from './common';
import { lazySchema } from '../lazy-schema';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, FLAG_RETIRED_REASONS, type FlagReason as FlagReasonValue } from './flags-labels';

// The reasons, the states and their labels live in the schema-free flags-labels.ts (the renderer needs no zod for them).
export * from './flags-labels';

/**
 * Confidentiality flags. The document's `flag` node (shared/editor/doc-model.ts) decides what is redacted; the record
 * here says why, who and when, for the side panel and the internal redaction record. Records are never deleted.
 *
 * The lifecycle (one source of truth: the marks travel with every save, and the backend derives the records' state
 * from them in the same transaction as the content; see FlagsService.reconcile):
 * - in force: the mark is in the minutes; its text is redacted.
 * - mark missing: still in force, but the mark has gone while the text is still in the meeting (an undo not reported,
 *   a restore, a paste as plain text). The public summary is refused naming the passage until the officer flags the
 *   text again or lifts the flag.
 * - lifted: a person lifted it (who, when).
 * - lifted by undo: the flagging was undone in the editor (the officer is told at once; Redo restores it).
 * - text removed: the backend verified that the text is no longer anywhere in the meeting.
 * A mark that comes back (redo, paste, flag again) puts the record back in force, whatever its state.
 */
export const FlagReason = lazySchema(() => z.enum(FLAG_REASONS));
export type FlagReason = FlagReasonValue;

/** Why a record is retired (FLAG_RETIRED_REASONS, flags-labels.ts). */
export const FlagRetiredReason = lazySchema(() => z.enum(FLAG_RETIRED_REASONS));
export type FlagRetiredReason = z.infer<typeof FlagRetiredReason>;

/** Longest excerpt kept (a flagged passage is at most one section). */
export const MAX_EXCERPT = 200_000;
const Excerpt = lazySchema(() => z
  .string()
  .max(MAX_EXCERPT)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters'));

export const Flag = lazySchema(() => z.object({
  id: Id,
  meetingId: Id,
  /** 'opening', 'closing' or an agenda item id (the SectionKey of shared/domain/minutes). */
  sectionKey: Id,
  reason: FlagReason,
  note: z.string(),
  /** The OS user name the renderer gave when the flag was made; may be empty. */
  createdBy: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  /** Null while the flag is in force. */
  retiredAt: Instant.nullable(),
  retiredReason: FlagRetiredReason.nullable(),
  /** Who lifted it (unflag, undo); '' otherwise. */
  retiredBy: z.string(),
  /** Set while the flag is in force but its mark has gone from the minutes with its text still there. */
  unmarkedSince: Instant.nullable(),
  /** The flagged text (internal only: side panel and redaction record). */
  excerpt: z.string(),
}));
export type Flag = z.infer<typeof Flag>;

export const FlagCreate = lazySchema(() => z
  .object({
    meetingId: Id,
    sectionKey: Id,
    reason: FlagReason.default(DEFAULT_FLAG_REASON),
    note: Text(2000).default(''),
    excerpt: Excerpt,
    createdBy: Text(200).default(''),
  })
  .strict());
export type FlagCreate = z.input<typeof FlagCreate>;

export const FlagUpdate = lazySchema(() => z.object({ id: Id, reason: FlagReason.optional(), note: Text(2000).optional() }).strict());
export type FlagUpdate = z.input<typeof FlagUpdate>;

export const ByMeeting = lazySchema(() => z.object({ meetingId: Id }).strict());

export const FlagList = lazySchema(() => z.object({
  /** Every record of the meeting, retired ones included (retiredAt set), oldest first. */
  flags: z.array(Flag),
  /** Flags in force (not retired), per reason; every reason is present. */
  countsByReason: z.record(FlagReason, z.number().int().min(0)),
  /**
   * The passages every other meeting's flags still guard, with that meeting's title and date: the live preview lists
   * one that these minutes print unflagged as a blocker, as the export refuses it (backend: flagged-elsewhere.ts).
   */
  elsewhere: z.array(z.object({ id: z.string(), excerpt: z.string(), reason: FlagReason, meeting: z.string() })),
}));
export type FlagList = z.infer<typeof FlagList>;

/** A suggestion (a sensitive term found in the minutes) the secretariat chose not to flag in this meeting. */
export const DismissSuggestion = lazySchema(() => z.object({ meetingId: Id, text: Text(500).refine((s) => s.length > 0, 'is required') }).strict());
export const DismissedSuggestions = lazySchema(() => z.object({ texts: z.array(z.string()) }));
export type DismissedSuggestions = z.infer<typeof DismissedSuggestions>;

/** The secretariat's list of sensitive terms, shared by all meetings; suggestions are made from it. */
export const MAX_TERMS = 1000;
export const SensitiveTerms = lazySchema(() => z.object({ terms: z.array(z.string()) }));
export type SensitiveTerms = z.infer<typeof SensitiveTerms>;
export const SetSensitiveTerms = lazySchema(() => z.object({ terms: z.array(Text(200)).max(MAX_TERMS) }).strict());
