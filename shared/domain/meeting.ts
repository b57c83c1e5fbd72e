import * as z from 'zod';
import { Id, LocalDateTime, RequiredText, Text, TimeZoneName } from './common';
import {
  CONVENED_BY,
  DEFAULT_REDACTION_MARKER,
  DEFAULT_TIME_ZONE,
  MEETING_FORMATS,
  MEETING_KINDS,
  MEETING_STATUSES,
  type ConvenedBy as ConvenedByValue,
  type MeetingFormat as MeetingFormatValue,
  type MeetingKind as MeetingKindValue,
  type MeetingStatus as MeetingStatusValue,
} from './meeting-labels';
import { lazySchema } from '../lazy-schema';

// Lists, labels, status rules and defaults live in the schema-free meeting-labels.ts (the renderer needs no zod for them).
export * from './meeting-labels';

export const MeetingKind = lazySchema(() => z.enum(MEETING_KINDS));
export type MeetingKind = MeetingKindValue;
export const MeetingFormat = lazySchema(() => z.enum(MEETING_FORMATS));
export type MeetingFormat = MeetingFormatValue;
export const ConvenedBy = lazySchema(() => z.enum(CONVENED_BY));
export type ConvenedBy = ConvenedByValue;
export const MeetingStatus = lazySchema(() => z.enum(MEETING_STATUSES));
export type MeetingStatus = MeetingStatusValue;

/** How a withheld agenda item appears in the public summary. */
export const WithheldDisplay = lazySchema(() => z.enum(['title_only', 'omit']));
export type WithheldDisplay = z.infer<typeof WithheldDisplay>;

export const Meeting = lazySchema(() => z.object({
  id: Id,
  title: z.string(),
  sequence: z.number().int(),
  kind: MeetingKind,
  groupName: z.string(),
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  timeZone: z.string(),
  format: MeetingFormat,
  location: z.string(),
  convenedBy: ConvenedBy,
  status: MeetingStatus,
  withheldDisplay: WithheldDisplay,
  redactionMarker: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}));
export type Meeting = z.infer<typeof Meeting>;

export const MeetingSummary = lazySchema(() => Meeting.extend({ itemCount: z.number().int(), plannedMinutes: z.number().int() }));
export type MeetingSummary = z.infer<typeof MeetingSummary>;

const TimeZone = lazySchema(() => TimeZoneName.default(DEFAULT_TIME_ZONE));

const MeetingFields = lazySchema(() => z.object({
  title: RequiredText(300),
  sequence: z.number().int().min(0).max(100000).optional(),
  kind: MeetingKind.default('plenary'),
  groupName: Text(200).default(''),
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  timeZone: TimeZone,
  format: MeetingFormat.default('hybrid'),
  location: Text(300).default(''),
  convenedBy: ConvenedBy.default('chair'),
  withheldDisplay: WithheldDisplay.default('title_only'),
  redactionMarker: Text(20).default(DEFAULT_REDACTION_MARKER),
}));

function checkMeeting(m: { startsAt: string; endsAt: string; kind: MeetingKind; groupName: string; redactionMarker: string }, ctx: z.RefinementCtx) {
  if (m.endsAt <= m.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  if (m.kind === 'ad_hoc_group' && m.groupName === '')
    ctx.addIssue({ code: 'custom', path: ['groupName'], message: 'is required for an ad hoc group meeting' });
  if (m.redactionMarker === '') ctx.addIssue({ code: 'custom', path: ['redactionMarker'], message: 'must not be empty' });
}

/**
 * A new meeting. Without `withheldDisplay`, it shows withheld items as the meeting whose agenda it copies does (their
 * titles were never public when that one leaves them out: an audit found them published by a copy, 2026-12-07), else
 * their titles only.
 */
export const MeetingCreate = lazySchema(() =>
  MeetingFields.extend({ withheldDisplay: WithheldDisplay.optional(), copyAgendaFrom: Id.optional() }).strict().superRefine(checkMeeting),
);
export type MeetingCreate = z.input<typeof MeetingCreate>;
/**
 * An update replaces every field it must carry: no defaults here, so a call that leaves a field out is refused
 * with a clear error instead of silently resetting it.
 */
export const MeetingUpdate = lazySchema(() => z
  .object({
    id: Id,
    title: RequiredText(300),
    sequence: z.number().int().min(0).max(100000).optional(),
    kind: MeetingKind,
    groupName: Text(200),
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    timeZone: TimeZoneName,
    format: MeetingFormat,
    location: Text(300),
    convenedBy: ConvenedBy,
    withheldDisplay: WithheldDisplay,
    redactionMarker: Text(20),
  })
  .strict()
  .superRefine(checkMeeting));
export type MeetingUpdate = z.input<typeof MeetingUpdate>;

/** A step forward, or one step back with a reason (recorded in the meeting's history). */
export const MeetingSetStatus = lazySchema(() => z.object({ id: Id, status: MeetingStatus, reason: Text(1000).optional() }).strict());

