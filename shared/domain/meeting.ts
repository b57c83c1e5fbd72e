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

export const MeetingSetStatus = z.object({ id: Id, status: MeetingStatus }).strict();

/** Length of a meeting in minutes, from its wall-clock start and end. */
export function meetingMinutes(m: { startsAt: string; endsAt: string }): number {
  const a = Date.parse(`${m.startsAt}:00Z`);
  const b = Date.parse(`${m.endsAt}:00Z`);
  return Math.max(0, Math.round((b - a) / 60000));
}
