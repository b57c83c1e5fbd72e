import * as z from 'zod';
import { Attendance, AttendanceMove, AttendanceSet, Participant, ParticipantRef, PersonAdd, PersonUpdate } from '../domain/attendance';
import { ById, Ok } from '../domain/common';
import { ActionCreate, ActionItem, ActionUpdate, Decision, DecisionCreate, DecisionUpdate } from '../domain/decisions';
import {
  LiveState,
  MeetingRef,
  MinutesInfo,
  MinutesReopen,
  MinutesSetStatus,
  RestorePreview,
  RestoreResult,
  RevisionDetail,
  RevisionSummary,
  SaveResult,
  SaveSection,
  Section,
  SectionRef,
  SnapshotInput,
  SnapshotResult,
} from '../domain/minutes';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';

/** A meeting's minutes as the renderer loads them when the meeting opens. */
export const MinutesState = lazySchema(() => z.object({
  minutes: MinutesInfo,
  sections: z.array(Section),
  live: LiveState,
  decisions: z.array(Decision),
  actions: z.array(ActionItem),
  attendance: Attendance,
}));
export type MinutesState = z.infer<typeof MinutesState>;

/** A section without its content: what the page lays out before the content arrives (sizes for a placeholder). */
export const SectionHead = lazySchema(() => Section.omit({ content: true }).extend({
  /** Characters of the section's plain text, and its line breaks: the placeholder's height before the editor mounts. */
  textLength: z.number().int().min(0),
  lines: z.number().int().min(0),
}));
export type SectionHead = z.infer<typeof SectionHead>;

/** The minutes page's first answer: everything of `MinutesState` but the sections' content (loaded per section). */
export const MinutesOutline = lazySchema(() => MinutesState.omit({ sections: true }).extend({ sections: z.array(SectionHead) }));
export type MinutesOutline = z.infer<typeof MinutesOutline>;

/** What the page's hooks read of either answer: everything but the sections' content. */
export type MinutesPageState = Omit<MinutesState, 'sections'> & { sections: ReadonlyArray<Omit<Section, 'content'>> };

/**
 * Calls of the minutes feature: sections and their revisions, the minutes' status, the live meeting, attendance,
 * decisions and action items. Every write is refused with 'read_only' once the minutes are approved (except an
 * action item's status); saves are answered only after the SQLite commit.
 */
export const minutesCalls = defineCalls({
  // Output checks: the calls marked outputCheck 'stored' answer section content validated on save and read back as
  // stored; in production they get the cheap check (see define.ts), every other call here the full output parse.
  'minutes.get': {
    input: MeetingRef,
    output: MinutesState,
    outputCheck: 'stored',
    summary: "Everything of a meeting's minutes in one answer: sections with content, status, live state, records, attendance.",
  },
  'minutes.outline': {
    input: MeetingRef,
    output: MinutesOutline,
    summary: "What the minutes page opens with: sections without their content (sizes only), status, live state, records, attendance.",
  },
  'minutes.section': { input: SectionRef, output: Section, outputCheck: 'stored', summary: "One section with its content (the minutes page loads them one by one)." },
  'minutes.saveSection': { input: SaveSection, output: SaveResult, summary: 'Autosave one section; acknowledged after the commit. A stale baseRev is a conflict; a save refused as conflict or read_only keeps its words as a revision of the section (error details: SaveRefusal).' },
  'minutes.snapshot': { input: SnapshotInput, output: SnapshotResult, summary: "Keep the section's current content as a revision (skipped if unchanged since the last)." },
  'minutes.revisions': { input: SectionRef, output: lazySchema(() => z.array(RevisionSummary)), summary: "A section's revisions, newest first." },
  'minutes.revision': { input: ById, output: RevisionDetail, outputCheck: 'stored', summary: 'One revision with its content.' },
  'minutes.restorePreview': {
    input: ById,
    output: RestorePreview,
    summary: 'What restoring a revision would do to the flags in force, and the revision with its marks re-applied.',
  },
  'minutes.restoreRevision': {
    input: ById,
    output: RestoreResult,
    summary: 'Save a revision back as the current content (the current one is kept first); the flags in force are re-applied to its text.',
  },
  'minutes.setStatus': { input: MinutesSetStatus, output: MinutesInfo, summary: 'Draft → circulated → approved (circulated may go back to draft).' },
  'minutes.reopen': { input: MinutesReopen, output: MinutesInfo, summary: 'Reopen approved minutes as a new draft version, with a reason.' },

  'live.get': { input: MeetingRef, output: LiveState, summary: 'The live meeting: start, end, current section, time per section.' },
  'live.start': { input: MeetingRef, output: LiveState, summary: 'Start the meeting (timer on the opening), or resume an ended one.' },
  'live.goto': { input: SectionRef, output: LiveState, summary: "Move to a section: its timer starts, the running one stops." },
  'live.toggleTimer': { input: SectionRef, output: LiveState, summary: "Stop the section's timer if it runs, else start it (stopping any other)." },
  'live.end': { input: MeetingRef, output: LiveState, summary: 'End the meeting; the running timer stops.' },

  'attendance.list': { input: MeetingRef, output: Attendance, summary: 'Participants with status and arrivals/departures, and a summary.' },
  'attendance.set': { input: AttendanceSet, output: Participant, summary: "Set a participant's status (a representative is added on first mention)." },
  'attendance.arrive': { input: AttendanceMove, output: Participant, summary: 'Record an arrival now (marks the person attending).' },
  'attendance.leave': { input: AttendanceMove, output: Participant, summary: 'Record a departure now.' },
  'attendance.addPerson': { input: PersonAdd, output: Participant, summary: 'Add an observer, external expert or AI Office staff member by name.' },
  'attendance.updatePerson': { input: PersonUpdate, output: Participant, summary: "Correct a typed-in person's name, organisation or category." },
  'attendance.remove': { input: ParticipantRef, output: Ok, summary: 'Remove a participant from the meeting.' },

  'decisions.list': { input: MeetingRef, output: lazySchema(() => z.array(Decision)), summary: "A meeting's decisions in the order taken." },
  'decisions.create': { input: DecisionCreate, output: Decision, summary: 'Record a decision in a section.' },
  'decisions.update': { input: DecisionUpdate, output: Decision, summary: "Change a decision's text, outcome or section." },
  'decisions.delete': { input: ById, output: Ok, summary: 'Delete a decision.' },

  'actions.list': { input: MeetingRef, output: lazySchema(() => z.array(ActionItem)), summary: "A meeting's action items in the order agreed." },
  'actions.create': { input: ActionCreate, output: ActionItem, summary: 'Record an action item in a section.' },
  'actions.update': { input: ActionUpdate, output: ActionItem, summary: 'Change an action item (its status may change even after approval).' },
  'actions.delete': { input: ById, output: Ok, summary: 'Delete an action item.' },
});
