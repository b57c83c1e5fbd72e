import * as z from 'zod';
import { SerializedDoc } from '../editor/doc-schema';
import { Id, Instant, RequiredText } from './common';
import { Flag } from './flags';
import { lazySchema } from '../lazy-schema';
import { MINUTES_STATUSES, REVISION_REASONS, SNAPSHOT_REASONS, type MinutesStatus as MinutesStatusValue } from './minutes-labels';

// The minutes' statuses, their labels and rules, and excerpt() live in the schema-free minutes-labels.ts (the renderer
// needs no zod for them).
export * from './minutes-labels';

/**
 * Live minutes: one Lexical document per section. A section is the meeting's opening, its closing, or one agenda
 * item (sub-items included), keyed by 'opening', 'closing' or the agenda item's id.
 */
export const FIXED_SECTION_KEYS = ['opening', 'closing'] as const;
export const SectionKey = Id;
export type SectionKey = z.infer<typeof SectionKey>;

/**
 * - opening / closing / item: a section of the current agenda;
 * - orphan: content stored for an agenda item that has since been removed. It is still returned (nothing typed is
 *   lost) but can no longer be saved to.
 */
export const SectionKind = lazySchema(() => z.enum(['opening', 'item', 'closing', 'orphan']));
export type SectionKind = z.infer<typeof SectionKind>;

export const MinutesStatus = lazySchema(() => z.enum(MINUTES_STATUSES));
export type MinutesStatus = MinutesStatusValue;

export const MinutesInfo = lazySchema(() => z.object({
  meetingId: Id,
  status: MinutesStatus,
  version: z.number().int().min(1),
  updatedAt: Instant.nullable(),
}));
export type MinutesInfo = z.infer<typeof MinutesInfo>;

export const Section = lazySchema(() => z.object({
  key: SectionKey,
  kind: SectionKind,
  /** '1', '2.1' for agenda items; '' otherwise. */
  number: z.string(),
  title: z.string(),
  content: SerializedDoc,
  /** 0 until the first save. */
  rev: z.number().int().min(0),
  updatedAt: Instant.nullable(),
}));
export type Section = z.infer<typeof Section>;

// ---- saving --------------------------------------------------------------------------------------------------------

export const SectionRef = lazySchema(() => z.object({ meetingId: Id, sectionKey: SectionKey }).strict());
export type SectionRef = z.input<typeof SectionRef>;

export const SaveSection = lazySchema(() => z
  .object({
    meetingId: Id,
    sectionKey: SectionKey,
    content: SerializedDoc,
    /** The rev the editor started from; a stale one is refused with 'conflict' (for co-editing later). */
    baseRev: z.number().int().min(0).optional(),
    /**
     * Flags whose marks the officer removed by undoing the flagging since the last acknowledged save. Only these are
     * lifted by the missing mark; any other mark that goes missing leaves its flag in force (see shared/domain/flags).
     */
    liftedByUndo: z.array(Id).max(10_000).optional(),
    /**
     * Which open page sends the save (random, one per page load). A save of this page that was committed but whose
     * answer never came (the connection dropped) leaves its next save one rev behind: that one is taken on top of it
     * rather than refused as a conflict, so the page does not stay in conflict for good.
     */
    writer: z.string().regex(/^[0-9a-f]{16,64}$/).optional(),
  })
  .strict());
export type SaveSection = z.input<typeof SaveSection>;

export const SaveResult = lazySchema(() => z.object({
  sectionKey: SectionKey,
  rev: z.number().int().min(1),
  savedAt: Instant,
  /** Flag records this save changed (derived from the section's marks in the same transaction). */
  flags: z.array(Flag),
}));
export type SaveResult = z.infer<typeof SaveResult>;

/**
 * The details of a save refused as `conflict` (the section changed in another window), `read_only` (the minutes were
 * approved meanwhile) or `not_found` for an item removed meanwhile (its section and history stay, and come back with
 * the item from the trash): where the refused words are — 'history', kept as a copy in the section's history
 * (migration 017), or 'section', which holds them as they are — and for a conflict the section's current rev. A key
 * that was never an item of the meeting is refused without details.
 */
export interface SaveRefusal {
  kept: 'history' | 'section';
  currentRev?: number;
  /** The whole meeting was deleted meanwhile: the words are kept with it in the trash (its History once restored). */
  gone?: 'meeting';
}

// ---- revisions -----------------------------------------------------------------------------------------------------

// The reasons a revision is kept, and their labels: minutes-labels.ts.
export const SnapshotReason = lazySchema(() => z.enum(SNAPSHOT_REASONS));
export const RevisionReason = lazySchema(() => z.enum(REVISION_REASONS));
export type RevisionReason = z.infer<typeof RevisionReason>;

export const SnapshotInput = lazySchema(() => SectionRef.extend({ reason: SnapshotReason }).strict());
export type SnapshotInput = z.input<typeof SnapshotInput>;

export const RevisionSummary = lazySchema(() => z.object({
  id: Id,
  meetingId: Id,
  sectionKey: SectionKey,
  minutesVersion: z.number().int().min(1),
  /** The section's rev the content was taken at. */
  rev: z.number().int().min(0),
  reason: RevisionReason,
  excerpt: z.string(),
  createdAt: Instant,
}));
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const RevisionDetail = lazySchema(() => RevisionSummary.extend({ content: SerializedDoc }));
export type RevisionDetail = z.infer<typeof RevisionDetail>;

export const SnapshotResult = lazySchema(() => z.object({ created: z.boolean(), revision: RevisionSummary.nullable() }));
export type SnapshotResult = z.infer<typeof SnapshotResult>;

export const RestoreResult = lazySchema(() => SaveResult.extend({
  /** The restored content, with the flags in force re-applied to their text. */
  content: SerializedDoc,
  /** Flags in force re-applied to the restored text. */
  reapplied: z.array(Id),
}));

/** What a restore would do to the flags, shown before the officer confirms it. */
export const RestorePreview = lazySchema(() => z.object({
  /** Flags in force whose text is in the revision: their marks are put back on it. */
  reapplied: z.array(z.object({ id: Id, excerpt: z.string() })),
  /** Flags in force whose text is not in the revision: after the restore their text is gone from this section. */
  notInRevision: z.array(z.object({ id: Id, excerpt: z.string() })),
  /** Flags in force whose text is only partly in the revision: the part that is there stays flagged (`kept`). */
  partly: z.array(z.object({ id: Id, excerpt: z.string(), kept: z.string() })),
  /** The revision's content, with the marks it would get: what the revision viewer shows. */
  content: SerializedDoc,
}));
export type RestorePreview = z.infer<typeof RestorePreview>;
export type RestoreResult = z.infer<typeof RestoreResult>;

// ---- status --------------------------------------------------------------------------------------------------------

export const MinutesSetStatus = lazySchema(() => z.object({ meetingId: Id, status: MinutesStatus }).strict());
export type MinutesSetStatus = z.input<typeof MinutesSetStatus>;
export const MinutesReopen = lazySchema(() => z.object({ meetingId: Id, reason: RequiredText(1000) }).strict());
export type MinutesReopen = z.input<typeof MinutesReopen>;

// ---- live meeting ---------------------------------------------------------------------------------------------------

export const MeetingRef = lazySchema(() => z.object({ meetingId: Id }).strict());

export const LiveSection = lazySchema(() => z.object({ key: SectionKey, elapsedSeconds: z.number().int().min(0), running: z.boolean() }));
export type LiveSection = z.infer<typeof LiveSection>;

export const LiveState = lazySchema(() => z.object({
  meetingId: Id,
  startedAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  currentSection: SectionKey.nullable(),
  /** Section whose timer runs, if any (at most one at a time). */
  runningSection: SectionKey.nullable(),
  /** Every section of the agenda (and any timed section no longer on it), in agenda order. */
  sections: z.array(LiveSection),
  /** The instant the elapsed times were computed at, so a client can keep counting on its own. */
  asOf: Instant,
}));
export type LiveState = z.infer<typeof LiveState>;

export interface TimingSpan {
  sectionKey: string;
  startedAt: string;
  stoppedAt: string | null;
}

/** Whole seconds spent per section: the sum of its spans, a running span counted up to `now`. */
export function elapsedBySection(spans: readonly TimingSpan[], now: Date): Map<string, number> {
  const ms = new Map<string, number>();
  const nowMs = now.getTime();
  for (const s of spans) {
    const start = Date.parse(s.startedAt);
    const stop = s.stoppedAt === null ? nowMs : Date.parse(s.stoppedAt);
    ms.set(s.sectionKey, (ms.get(s.sectionKey) ?? 0) + Math.max(0, stop - start));
  }
  const out = new Map<string, number>();
  for (const [k, v] of ms) out.set(k, Math.floor(v / 1000));
  return out;
}
