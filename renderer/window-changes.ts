import type { CallName } from '../shared/contract';
/**
 * Tells the app's other windows that this one changed what they may be showing: a meeting changed or deleted, an
 * agenda item added, changed (withheld, published, renamed), moved or removed, something restored or deleted for good
 * from the Trash, the minutes circulated, approved or reopened, the live meeting started, moved or ended, the attendance
 * taken (a status, an arrival or departure, a person added, corrected or removed), decisions and action items recorded,
 * changed or deleted (a vote too), a section's words saved or a flag set, changed or lifted. A minutes page or a meeting page open side by side then looks at once
 * (features/minutes/useChangedElsewhere.ts, useHeardElsewhere.ts, features/meetings/useFollowElsewhere.ts) instead of
 * when the officer next comes back to it.
 *
 * A BroadcastChannel: same origin only (the browser host's tabs of one launch, the desktop app's windows), in memory,
 * nothing stored or sent to the host. Only a nudge — the call's name, no data: each window asks the backend itself,
 * and only about what it follows (a move of the live meeting does not make a window read the whole meeting again).
 * One channel per window, so a window never hears its own announcements.
 */
const CHANNEL = 'tfs-window-changes';

/** A group of the contract's calls (a misspelt or removed name does not compile). */
const calls = (...names: CallName[]): ReadonlySet<string> => new Set(names);

/**
 * The meeting or its agenda changed, or what the Trash holds (a meeting or an item back, or gone for good): a page
 * that shows the meeting reads it again (meetings.get), to tell the officer of a deletion or a removal, or to show at
 * once items added, moved or changed — their sections, numbers and switches, and the public preview, which follows
 * the agenda.
 */
export const MEETING_CHANGES = calls(
  'meetings.update',
  'meetings.setStatus',
  'meetings.delete',
  'agenda.add',
  'agenda.update',
  'agenda.move',
  'agenda.remove',
  'trash.restore',
  'trash.purge',
  'trash.empty',
);
/** The minutes' status and version changed: a minutes page turns read-only, or editable in the new version. */
export const MINUTES_STATUS_CHANGES = calls('minutes.setStatus', 'minutes.reopen');
/** The live meeting changed: a minutes page's bar and outline follow it. */
export const LIVE_CHANGES = calls('live.start', 'live.goto', 'live.toggleTimer', 'live.end');

/**
 * Who attends changed: a minutes page's attendance (and the public preview, which lists who attended) follows. A check-in
 * kept in one window beside the minutes in another is the case: nothing typed is at stake, the table is the backend's.
 */
export const ATTENDANCE_CHANGES = calls(
  'attendance.set',
  'attendance.arrive',
  'attendance.leave',
  'attendance.addPerson',
  'attendance.updatePerson',
  'attendance.remove',
);

/** Decisions and action items recorded, changed or deleted (a vote sets a decision's outcome): a minutes page's records follow. */
export const RECORDS_CHANGES = calls(
  'decisions.create',
  'decisions.update',
  'decisions.delete',
  'actions.create',
  'actions.update',
  'actions.delete',
  'procedure.vote',
  'procedure.decide',
  'procedure.clearVote',
);

/**
 * A section's words saved (an autosave, a revision restored) or a flag set, changed or lifted: a minutes page of the
 * meeting shows the newer words of each item it is not typing in, with their flag marks, and the flag records
 * (useFollowSections.ts). An autosave is announced every second or two while an officer types: a window looks once
 * per nudge, one look at a time.
 */
export const SECTION_CHANGES = calls('minutes.saveSection', 'minutes.restoreRevision', 'flags.create', 'flags.update', 'flags.unflag');

/** Every call another window is told of. */
const ANNOUNCED: ReadonlySet<string> = new Set([
  ...MEETING_CHANGES,
  ...MINUTES_STATUS_CHANGES,
  ...LIVE_CHANGES,
  ...ATTENDANCE_CHANGES,
  ...RECORDS_CHANGES,
  ...SECTION_CHANGES,
]);

let channel: BroadcastChannel | null | undefined;

function open(): BroadcastChannel | null {
  if (channel === undefined) channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  return channel;
}

/** A call of this window succeeded: the other windows hear of it when it may change what they show. */
export function announceCall(name: string): void {
  if (!ANNOUNCED.has(name)) return;
  try {
    open()?.postMessage({ call: name });
  } catch {
    // Only a nudge: a window that is not told looks when it regains the focus.
  }
}

/**
 * `fn` runs, with the call's name, when another window of the app announces one of `calls` (one of the sets above);
 * returns the way to stop listening.
 */
export function onChangedElsewhere(calls: ReadonlySet<string>, fn: (call: string) => void): () => void {
  const c = open();
  if (!c) return () => undefined;
  const heard = (e: MessageEvent) => {
    const call = (e.data as { call?: unknown } | null)?.call;
    if (typeof call === 'string' && calls.has(call)) fn(call);
  };
  c.addEventListener('message', heard);
  return () => c.removeEventListener('message', heard);
}
