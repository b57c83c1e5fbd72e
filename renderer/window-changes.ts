/**
 * Tells the app's other windows that this one changed what they may be showing: a meeting changed or deleted, an
 * agenda item added, changed (withheld, published, renamed), moved or removed, the minutes circulated, approved or
 * reopened, the live meeting started, moved or ended, something restored or deleted for good from the Trash. A minutes page or a meeting page open side by side then looks at once
 * (features/minutes/useChangedElsewhere.ts, features/meetings/MeetingPage.tsx) instead of when the officer next comes
 * back to it.
 *
 * A BroadcastChannel: same origin only (the browser host's tabs of one launch, the desktop app's windows), in memory,
 * nothing stored or sent to the host. Only a nudge — the call's name, no data: each window asks the backend itself.
 * One channel per window, so a window never hears its own announcements.
 */
const CHANNEL = 'tfs-window-changes';

/**
 * The calls after which another window's page may be out of date in a way it must tell the officer (a deletion, a
 * removal, the Trash), or show at once (items added, moved or changed: their sections, numbers and switches, and the
 * public preview, which follows the agenda).
 */
const ANNOUNCED: ReadonlySet<string> = new Set([
  'meetings.update',
  'meetings.setStatus',
  'meetings.delete',
  'agenda.add',
  'agenda.update',
  'agenda.move',
  'agenda.remove',
  'minutes.setStatus',
  'minutes.reopen',
  'live.start',
  'live.goto',
  'live.toggleTimer',
  'live.end',
  'trash.restore',
  'trash.purge',
  'trash.empty',
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

/** `fn` runs, with the call's name, when another window of the app announces a change; returns the way to stop listening. */
export function onChangedElsewhere(fn: (call: string) => void): () => void {
  const c = open();
  if (!c) return () => undefined;
  const heard = (e: MessageEvent) => {
    const call = (e.data as { call?: unknown } | null)?.call;
    fn(typeof call === 'string' ? call : '');
  };
  c.addEventListener('message', heard);
  return () => c.removeEventListener('message', heard);
}
