import { z } from 'zod';
import { Id, LocalDateTime, RequiredText, Text } from './common';

export const MEETING_KINDS = ['constitutive', 'plenary', 'ad_hoc_group'] as const;
export const MeetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKind>;
export const MEETING_KIND_LABEL: Record<MeetingKind, string> = {
  constitutive: 'Constitutive meeting',
  plenary: 'Plenary',
  ad_hoc_group: 'Ad hoc group',
};

export const MEETING_FORMATS = ['in_person', 'remote', 'hybrid'] as const;
export const MeetingFormat = z.enum(MEETING_FORMATS);
export type MeetingFormat = z.infer<typeof MeetingFormat>;
export const MEETING_FORMAT_LABEL: Record<MeetingFormat, string> = {
  in_person: 'In person',
  remote: 'Remote',
  hybrid: 'Hybrid',
};

export const CONVENED_BY = ['chair', 'members_request'] as const;
export const ConvenedBy = z.enum(CONVENED_BY);
export type ConvenedBy = z.infer<typeof ConvenedBy>;
export const CONVENED_BY_LABEL: Record<ConvenedBy, string> = {
  chair: "At the chair's initiative",
  members_request: "At members' request",
};

/** The life of a meeting. Only the transitions in MEETING_TRANSITIONS are allowed. */
export const MEETING_STATUSES = [
  'planned',
  'agenda_circulated',
  'held',
  'minutes_drafted',
  'minutes_approved',
  'summary_published',
] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  planned: 'Planned',
  agenda_circulated: 'Agenda circulated',
  held: 'Held',
  minutes_drafted: 'Minutes drafted',
  minutes_approved: 'Minutes approved',
  summary_published: 'Summary published',
};

/** Each status may move to the next one only. */
export const MEETING_TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ['agenda_circulated'],
  agenda_circulated: ['held'],
  held: ['minutes_drafted'],
  minutes_drafted: ['minutes_approved'],
  minutes_approved: ['summary_published'],
  summary_published: [],
};

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return MEETING_TRANSITIONS[from].includes(to);
}

/** One step back (with a recorded reason): to the status before. */
export function previousStatus(s: MeetingStatus): MeetingStatus | null {
  const i = MEETING_STATUSES.indexOf(s);
  return i > 0 ? MEETING_STATUSES[i - 1]! : null;
}

export function canStepBack(from: MeetingStatus, to: MeetingStatus): boolean {
  return previousStatus(from) === to;
}

/**
 * One status model: where the meeting's status and the minutes' overlap, the minutes decide. A meeting that was
 * started is at least held; minutes being drafted (circulated, or reopened as a new version) make it "minutes
 * drafted" — never more while they are not approved; approved minutes make it at least "minutes approved". Returns
 * the status the meeting must have (the same one when nothing contradicts it).
 */
export function meetingStatusFollowing(
  current: MeetingStatus,
  facts: { started: boolean; minutes: { status: 'draft' | 'circulated' | 'approved'; version: number } | null },
): MeetingStatus {
  const rank = (s: MeetingStatus) => MEETING_STATUSES.indexOf(s);
  let s = current;
  const atLeast = (t: MeetingStatus) => (rank(s) < rank(t) ? t : s);
  const atMost = (t: MeetingStatus) => (rank(s) > rank(t) ? t : s);
  if (facts.started) s = atLeast('held');
  const m = facts.minutes;
  if (m?.status === 'approved') s = atLeast('minutes_approved');
  else if (m) {
    s = atMost('minutes_drafted');
    if (m.status === 'circulated' || m.version > 1) s = atLeast('minutes_drafted');
  }
  return s;
}

export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

/** How a withheld agenda item appears in the public summary. */
export const WithheldDisplay = z.enum(['title_only', 'omit']);
export type WithheldDisplay = z.infer<typeof WithheldDisplay>;
export const DEFAULT_REDACTION_MARKER = '[…]';

export const Meeting = z.object({
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
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingSummary = Meeting.extend({ itemCount: z.number().int(), plannedMinutes: z.number().int() });
export type MeetingSummary = z.infer<typeof MeetingSummary>;

const TimeZoneValue = Text(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'is not a known time zone');
const TimeZone = TimeZoneValue.default(DEFAULT_TIME_ZONE);

const MeetingFields = z.object({
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
});

function checkMeeting(m: { startsAt: string; endsAt: string; kind: MeetingKind; groupName: string; redactionMarker: string }, ctx: z.RefinementCtx) {
  if (m.endsAt <= m.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  if (m.kind === 'ad_hoc_group' && m.groupName === '')
    ctx.addIssue({ code: 'custom', path: ['groupName'], message: 'is required for an ad hoc group meeting' });
  if (m.redactionMarker === '') ctx.addIssue({ code: 'custom', path: ['redactionMarker'], message: 'must not be empty' });
}

export const MeetingCreate = MeetingFields.extend({ copyAgendaFrom: Id.optional() }).strict().superRefine(checkMeeting);
export type MeetingCreate = z.input<typeof MeetingCreate>;
/**
 * An update replaces every field it must carry: no defaults here, so a call that leaves a field out is refused
 * with a clear error instead of silently resetting it.
 */
export const MeetingUpdate = z
  .object({
    id: Id,
    title: RequiredText(300),
    sequence: z.number().int().min(0).max(100000).optional(),
    kind: MeetingKind,
    groupName: Text(200),
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    timeZone: TimeZoneValue,
    format: MeetingFormat,
    location: Text(300),
    convenedBy: ConvenedBy,
    withheldDisplay: WithheldDisplay,
    redactionMarker: Text(20),
  })
  .strict()
  .superRefine(checkMeeting);
export type MeetingUpdate = z.input<typeof MeetingUpdate>;

/** A step forward, or one step back with a reason (recorded in the meeting's history). */
export const MeetingSetStatus = z.object({ id: Id, status: MeetingStatus, reason: Text(1000).optional() }).strict();

/** Length of a meeting in minutes, from its wall-clock start and end. */
export function meetingMinutes(m: { startsAt: string; endsAt: string }): number {
  const a = Date.parse(`${m.startsAt}:00Z`);
  const b = Date.parse(`${m.endsAt}:00Z`);
  return Math.max(0, Math.round((b - a) / 60000));
}
