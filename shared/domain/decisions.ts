import * as z from 'zod';
import { Id, Instant, Text } from './common';
import { SectionKey } from './minutes';
import { lazySchema } from '../lazy-schema';
import { ACTION_STATUSES, DECISION_OUTCOMES, type ActionStatus as ActionStatusValue, type DecisionOutcome as DecisionOutcomeValue } from './decisions-labels';

// The outcomes, the action statuses and their labels live in the schema-free decisions-labels.ts (the renderer needs
// no zod for them).
export * from './decisions-labels';

/**
 * Decisions and action items are structured records minuted inside a section. The editor shows each as a block node
 * ('decision' / 'action', see shared/editor/doc-model.ts) whose `recordId` is the record's id, and keeps the record's
 * text in sync by calling update.
 */
export const DecisionOutcome = lazySchema(() => z.enum(DECISION_OUTCOMES));
export type DecisionOutcome = DecisionOutcomeValue;
export const ActionStatus = lazySchema(() => z.enum(ACTION_STATUSES));
export type ActionStatus = ActionStatusValue;

const RECORD_TEXT_MAX = 20_000;

export const Decision = lazySchema(() => z.object({
  id: Id,
  meetingId: Id,
  sectionKey: SectionKey,
  text: z.string(),
  outcome: DecisionOutcome,
  createdAt: Instant,
  updatedAt: Instant,
}));
export type Decision = z.infer<typeof Decision>;

export const DecisionCreate = lazySchema(() => z
  .object({ meetingId: Id, sectionKey: SectionKey, text: Text(RECORD_TEXT_MAX).default(''), outcome: DecisionOutcome.default('adopted') })
  .strict());
export type DecisionCreate = z.input<typeof DecisionCreate>;
export const DecisionUpdate = lazySchema(() => z
  .object({ id: Id, sectionKey: SectionKey.optional(), text: Text(RECORD_TEXT_MAX).optional(), outcome: DecisionOutcome.optional() })
  .strict());
export type DecisionUpdate = z.input<typeof DecisionUpdate>;

/** A calendar date YYYY-MM-DD that exists, or '' for "no due date". */
export const DueDate = lazySchema(() => z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be a date like 2026-03-31 or empty')
  .refine((s) => s === '' || isCalendarDate(s), 'is not a real date'));

/** 2026-02-28 yes; 2026-02-30 no (Date.parse refuses some impossible days and rolls others over, so compare back). */
function isCalendarDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

export const ActionItem = lazySchema(() => z.object({
  id: Id,
  meetingId: Id,
  sectionKey: SectionKey,
  text: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  status: ActionStatus,
  createdAt: Instant,
  updatedAt: Instant,
}));
export type ActionItem = z.infer<typeof ActionItem>;

export const ActionCreate = lazySchema(() => z
  .object({
    meetingId: Id,
    sectionKey: SectionKey,
    text: Text(RECORD_TEXT_MAX).default(''),
    owner: Text(300).default(''),
    dueDate: DueDate.default(''),
    status: ActionStatus.default('open'),
  })
  .strict());
export type ActionCreate = z.input<typeof ActionCreate>;
export const ActionUpdate = lazySchema(() => z
  .object({
    id: Id,
    sectionKey: SectionKey.optional(),
    text: Text(RECORD_TEXT_MAX).optional(),
    owner: Text(300).optional(),
    dueDate: DueDate.optional(),
    status: ActionStatus.optional(),
  })
  .strict());
export type ActionUpdate = z.input<typeof ActionUpdate>;
