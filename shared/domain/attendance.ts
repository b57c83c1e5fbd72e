import * as z from 'zod';
import { Id, Instant, RequiredText, Text } from './common';
import { lazySchema } from '../lazy-schema';
import {
  ATTENDANCE_STATUSES,
  PARTICIPANT_CATEGORIES,
  PERSON_CATEGORIES,
  type AttendanceStatus as AttendanceStatusValue,
  type ParticipantCategory as ParticipantCategoryValue,
  type PersonCategory as PersonCategoryValue,
} from './attendance-labels';

// The categories, statuses and their labels live in the schema-free attendance-labels.ts (the renderer needs no zod
// for them).
export * from './attendance-labels';

/**
 * Who took part in a meeting. Representatives of member organisations are referenced by id (their name and
 * organisation are also copied at the time they are added, so the record survives the representative's removal);
 * everyone else is typed in by name under one of the free-text categories.
 */
export const PersonCategory = lazySchema(() => z.enum(PERSON_CATEGORIES));
export type PersonCategory = PersonCategoryValue;
export const ParticipantCategory = lazySchema(() => z.enum(PARTICIPANT_CATEGORIES));
export type ParticipantCategory = ParticipantCategoryValue;
export const AttendanceStatus = lazySchema(() => z.enum(ATTENDANCE_STATUSES));
export type AttendanceStatus = AttendanceStatusValue;

/** Arrival, departure, or a change of status (then `status` says to what). Each timed by the backend. */
export const AttendanceEventKind = lazySchema(() => z.enum(['arrive', 'leave', 'status']));
export type AttendanceEventKind = z.infer<typeof AttendanceEventKind>;
export const AttendanceEvent = lazySchema(() => z.object({ kind: AttendanceEventKind, at: Instant, status: AttendanceStatus.optional() }));
export type AttendanceEvent = z.infer<typeof AttendanceEvent>;

export const Participant = lazySchema(() => z.object({
  id: Id,
  meetingId: Id,
  category: ParticipantCategory,
  representativeId: Id.nullable(),
  organisationId: Id.nullable(),
  name: z.string(),
  organisation: z.string(),
  /**
   * The organisation as recorded when the participant was added, which the meeting's documents print (the public
   * summary's participating organisations): the roster's current name may differ since (`organisation`).
   */
  printedOrganisation: z.string(),
  status: AttendanceStatus,
  /** Attending (in person or remote) and not departed: the last timed event, if any, is an arrival. */
  present: z.boolean(),
  events: z.array(AttendanceEvent),
}));
export type Participant = z.infer<typeof Participant>;

export const RepresentedOrganisation = lazySchema(() => z.object({
  organisationId: Id.nullable(),
  name: z.string(),
  inPerson: z.number().int().min(0),
  remote: z.number().int().min(0),
}));
export type RepresentedOrganisation = z.infer<typeof RepresentedOrganisation>;

export const AttendanceSummary = lazySchema(() => z.object({
  /** Member organisations with at least one representative attending in person or remotely, by name. */
  organisationsRepresented: z.array(RepresentedOrganisation),
  counts: z.object({ in_person: z.number().int(), remote: z.number().int(), excused: z.number().int(), absent: z.number().int() }),
}));
export type AttendanceSummary = z.infer<typeof AttendanceSummary>;

export const Attendance = lazySchema(() => z.object({ participants: z.array(Participant), summary: AttendanceSummary }));
export type Attendance = z.infer<typeof Attendance>;

/** One participant of a meeting: a representative (added on first use) or an existing participant row. */
const exactlyOneTarget = (t: { representativeId?: string | undefined; participantId?: string | undefined }) =>
  (t.representativeId === undefined) !== (t.participantId === undefined);
const TARGET_MESSAGE = { message: 'give either representativeId or participantId', path: ['participantId'] };

export const AttendanceSet = lazySchema(() => z
  .object({ meetingId: Id, representativeId: Id.optional(), participantId: Id.optional(), status: AttendanceStatus })
  .strict()
  .refine(exactlyOneTarget, TARGET_MESSAGE));
export type AttendanceSet = z.input<typeof AttendanceSet>;

/** Arrival or departure, timed by the backend's clock. An arrival also marks the person attending (default in person). */
export const AttendanceMove = lazySchema(() => z
  .object({
    meetingId: Id,
    representativeId: Id.optional(),
    participantId: Id.optional(),
    mode: z.enum(['in_person', 'remote']).optional(),
  })
  .strict()
  .refine(exactlyOneTarget, TARGET_MESSAGE));
export type AttendanceMove = z.input<typeof AttendanceMove>;

export const PersonAdd = lazySchema(() => z
  .object({
    meetingId: Id,
    category: PersonCategory,
    name: RequiredText(200),
    organisation: Text(200).default(''),
    status: AttendanceStatus.default('in_person'),
  })
  .strict());
export type PersonAdd = z.input<typeof PersonAdd>;

export const PersonUpdate = lazySchema(() => z
  .object({ participantId: Id, category: PersonCategory.optional(), name: RequiredText(200).optional(), organisation: Text(200).optional() })
  .strict());
export type PersonUpdate = z.input<typeof PersonUpdate>;

export const ParticipantRef = lazySchema(() => z.object({ participantId: Id }).strict());

/** Whether someone counts as present given their status and timed arrivals/departures. */
export function isPresent(status: AttendanceStatus, events: readonly AttendanceEvent[]): boolean {
  if (status !== 'in_person' && status !== 'remote') return false;
  const last = events.filter((e) => e.kind !== 'status').at(-1);
  return last === undefined || last.kind === 'arrive';
}

/** Counts per status and the organisations represented (someone attending in person or remotely). */
export function summarise(participants: readonly Pick<Participant, 'category' | 'organisationId' | 'organisation' | 'status'>[]): AttendanceSummary {
  const counts = { in_person: 0, remote: 0, excused: 0, absent: 0 };
  const orgs = new Map<string, RepresentedOrganisation>();
  for (const p of participants) {
    counts[p.status] += 1;
    if (p.category !== 'representative' || (p.status !== 'in_person' && p.status !== 'remote')) continue;
    const key = p.organisationId ?? `name:${p.organisation.toLowerCase()}`;
    const o = orgs.get(key) ?? { organisationId: p.organisationId, name: p.organisation, inPerson: 0, remote: 0 };
    if (p.status === 'in_person') o.inPerson += 1;
    else o.remote += 1;
    orgs.set(key, o);
  }
  const organisationsRepresented = [...orgs.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return { organisationsRepresented, counts };
}
