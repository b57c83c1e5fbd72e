import { z } from 'zod';
import { Id, Instant, Text } from './common';
import { SectionKey } from './minutes';

/**
 * Confidentiality flags. The document's `flag` node (shared/editor/doc-model.ts) decides what is redacted; the record
 * here says why, who and when, for the side panel and the internal redaction record. A record whose text has gone
 * from the minutes is retired, never deleted, and comes back if the text does (undo).
 */
export const FLAG_REASONS = [
  'commercially_confidential',
  'business_secret',
  'personal_data',
  'competition_sensitive',
  'internal_deliberation',
  'other',
] as const;
export const FlagReason = z.enum(FLAG_REASONS);
export type FlagReason = z.infer<typeof FlagReason>;
export const DEFAULT_FLAG_REASON: FlagReason = 'commercially_confidential';
export const FLAG_REASON_LABEL: Record<FlagReason, string> = {
  commercially_confidential: 'Commercially confidential',
  business_secret: 'Business secret',
  personal_data: 'Personal data',
  competition_sensitive: 'Competition-sensitive',
  internal_deliberation: 'Internal deliberation',
  other: 'Other',
};

/** Why a record is retired: its text left the minutes, or a person lifted the flag. */
export const FLAG_RETIRED_REASONS = ['text_removed', 'unflagged'] as const;
export const FlagRetiredReason = z.enum(FLAG_RETIRED_REASONS);
export type FlagRetiredReason = z.infer<typeof FlagRetiredReason>;

/** Longest excerpt kept (a flagged passage is at most one section). */
export const MAX_EXCERPT = 200_000;
const Excerpt = z
  .string()
  .max(MAX_EXCERPT)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

export const Flag = z.object({
  id: Id,
  meetingId: Id,
  sectionKey: SectionKey,
  reason: FlagReason,
  note: z.string(),
  /** The OS user name the renderer gave when the flag was made; may be empty. */
  createdBy: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  /** Null while the flag's text is in the minutes and the flag is in force. */
  retiredAt: Instant.nullable(),
  retiredReason: FlagRetiredReason.nullable(),
  /** The flagged text (internal only: side panel and redaction record). */
  excerpt: z.string(),
});
export type Flag = z.infer<typeof Flag>;

export const FlagCreate = z
  .object({
    meetingId: Id,
    sectionKey: SectionKey,
    reason: FlagReason.default(DEFAULT_FLAG_REASON),
    note: Text(2000).default(''),
    excerpt: Excerpt,
    createdBy: Text(200).default(''),
  })
  .strict();
export type FlagCreate = z.input<typeof FlagCreate>;

export const FlagUpdate = z.object({ id: Id, reason: FlagReason.optional(), note: Text(2000).optional() }).strict();
export type FlagUpdate = z.input<typeof FlagUpdate>;

export const ByMeeting = z.object({ meetingId: Id }).strict();

export const FlagList = z.object({
  /** Every record of the meeting, retired ones included (retiredAt set), oldest first. */
  flags: z.array(Flag),
  /** Flags in force (not retired), per reason; every reason is present. */
  countsByReason: z.record(FlagReason, z.number().int().min(0)),
});
export type FlagList = z.infer<typeof FlagList>;

/** Flag ids present in one section after a save, with their current text. An id may appear once per block. */
export const FlagSync = z
  .object({
    meetingId: Id,
    sectionKey: SectionKey,
    present: z.array(z.object({ id: Id, excerpt: Excerpt }).strict()).max(10_000),
  })
  .strict();
export type FlagSync = z.input<typeof FlagSync>;

export const FlagSyncResult = z.object({
  /** The section's records after the sync, retired ones included. */
  flags: z.array(Flag),
  /** Records whose text is gone: now retired. */
  retiredIds: z.array(Id),
  /** Records whose text came back (undo, paste): in force again. */
  restoredIds: z.array(Id),
  /** Ids present in the text with no record anywhere (e.g. pasted from an old copy): given a record with the default reason. */
  adoptedIds: z.array(Id),
  /** Ids present in the text whose record belongs to another meeting: left alone (the text is redacted all the same). */
  ignoredIds: z.array(Id),
});
export type FlagSyncResult = z.infer<typeof FlagSyncResult>;

/** A suggestion (a sensitive term found in the minutes) the secretariat chose not to flag in this meeting. */
export const DismissSuggestion = z.object({ meetingId: Id, text: Text(500).refine((s) => s.length > 0, 'is required') }).strict();
export const DismissedSuggestions = z.object({ texts: z.array(z.string()) });
export type DismissedSuggestions = z.infer<typeof DismissedSuggestions>;

/** The secretariat's list of sensitive terms, shared by all meetings; suggestions are made from it. */
export const MAX_TERMS = 1000;
export const SensitiveTerms = z.object({ terms: z.array(z.string()) });
export type SensitiveTerms = z.infer<typeof SensitiveTerms>;
export const SetSensitiveTerms = z.object({ terms: z.array(Text(200)).max(MAX_TERMS) }).strict();
