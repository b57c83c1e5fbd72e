/**
 * The meeting's lists, labels, status rules and defaults, without a schema: what the renderer shows needs no zod, and
 * importing this module keeps zod out of the renderer's first chunk (issue 16). meeting.ts builds its schemas on these
 * lists and re-exports everything here, so `shared/domain/meeting` stays the one place to import from elsewhere.
 */
export const MEETING_KINDS = ['constitutive', 'plenary', 'ad_hoc_group'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABEL: Record<MeetingKind, string> = {
  constitutive: 'Constitutive meeting',
  plenary: 'Plenary',
  ad_hoc_group: 'Ad hoc group',
};

export const MEETING_FORMATS = ['in_person', 'remote', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export const MEETING_FORMAT_LABEL: Record<MeetingFormat, string> = {
  in_person: 'In person',
  remote: 'Remote',
  hybrid: 'Hybrid',
};

export const CONVENED_BY = ['chair', 'members_request'] as const;
export type ConvenedBy = (typeof CONVENED_BY)[number];
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
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
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

/** The constant marker that stands for a withheld passage in the public text, unless the meeting sets another. */
export const DEFAULT_REDACTION_MARKER = '[…]';

/** Length of a meeting in minutes, from its wall-clock start and end. */
export function meetingMinutes(m: { startsAt: string; endsAt: string }): number {
  const a = Date.parse(`${m.startsAt}:00Z`);
  const b = Date.parse(`${m.endsAt}:00Z`);
  return Math.max(0, Math.round((b - a) / 60000));
}
