import type { MeetingDetail } from '../../../shared/contract/core';
import type { MinutesOutline } from '../../../shared/contract/minutes';
import type { Organisation } from '../../../shared/domain/members';
import type { Section } from '../../../shared/domain/minutes';
import { api } from '../../api';
import { takeBoot } from '../../app/boot-calls';

/**
 * The minutes page's first calls, asked for while its chunk is still loading (issue 16). Opened directly (a link, a
 * reload), the page's code — Lexical and the rest, ~0.5 MB — arrives and runs before the page can ask for anything;
 * the app shell starts these calls when it starts loading that code, so the answers are there when the page mounts.
 * The first section's content (the opening) is asked for beside them, ahead of the page's other calls: it is the
 * editor the officer types into first.
 *
 * Only ever used by the mount it was made for: the shell starts it only while the page's chunk is loading (once the
 * chunk is there the page mounts at once and asks itself), and drops it when the route leaves the page.
 */
export interface MinutesStart {
  id: string;
  page: Promise<[MeetingDetail, MinutesOutline, Organisation[]]>;
  first: Promise<{ key: string; section: Section } | null>;
  /** The answers once they have come: a first render that comes after them shows the page with them (`minutesStartCame`). */
  came: { page?: [MeetingDetail, MinutesOutline, Organisation[]]; first?: { key: string; section: Section } | null };
}

/** The page's first answers, all come: what its first render shows at once (the outline, the opening's content). */
export interface MinutesStartCame {
  start: MinutesStart;
  page: [MeetingDetail, MinutesOutline, Organisation[]];
  first: { key: string; section: Section };
}

let started: MinutesStart | null = null;

function start(id: string): MinutesStart {
  // Started by boot.js when the app was opened on this page (app/boot-calls.ts), else now.
  const outline = takeBoot('minutes.outline', { meetingId: id }) ?? api.call('minutes.outline', { meetingId: id });
  const page = Promise.all([takeBoot('meetings.get', { id }) ?? api.call('meetings.get', { id }), outline, takeBoot('members.list', {}) ?? api.call('members.list', {})]);
  // The first section of every meeting's outline is its opening (minutes-service): asked for at once, beside the
  // outline, not after it (the page falls back to the outline's first key should that ever differ).
  const key = 'opening'; // FIXED_SECTION_KEYS[0] (shared/domain/minutes, not imported: it brings zod into the entry chunk)
  const first = (takeBoot('minutes.section', { meetingId: id, sectionKey: key }) ?? api.call('minutes.section', { meetingId: id, sectionKey: key })).then((section) => ({ key, section }));
  const came: MinutesStart['came'] = {};
  // Whoever takes them reports their errors; unused, they must not surface as unhandled rejections.
  page.then((v) => (came.page = v)).catch(() => undefined);
  first.then((v) => (came.first = v)).catch(() => undefined);
  return { id, page, first, came };
}

/** The shell: the route is this meeting's minutes and the page's chunk is loading. */
export function prefetchMinutes(id: string): void {
  if (started?.id !== id) started = start(id);
}

/**
 * The shell, before its first render when the app was opened on the minutes page: settles when the page's first
 * answers have come (or failed), so that render can show the page with them (app/early-calls.ts).
 */
export function minutesStartSettled(): Promise<unknown> {
  return started ? Promise.allSettled([started.page, started.first]) : Promise.resolve();
}

/**
 * The page's first render: the answers of the calls started for it, if all have come (not taken: the page's effect
 * takes the start as before, and sees it is the one shown). `null` otherwise: the page renders "Loading…" and fills
 * in as the answers come.
 */
export function minutesStartCame(id: string): MinutesStartCame | null {
  const s = started?.id === id ? started : null;
  const page = s?.came.page;
  const first = s?.came.first;
  return s && page && first ? { start: s, page, first } : null;
}

/** The shell: the route left the minutes page (what was asked for is not used). */
export function dropMinutesPrefetch(): void {
  started = null;
}

/** The page, when it mounts: the calls the shell started for it, or the same calls made now. Taken once. */
export function takeMinutesStart(id: string): MinutesStart {
  const s = started?.id === id ? started : start(id);
  started = null;
  return s;
}
