/**
 * Timing of a live meeting, as pure functions (unit-tested): a parent item counts its sub-items' time, and the
 * meeting's projected end and lag follow from what is left of each item's planned time.
 */
/** The meeting has been started and not yet ended: minutes are being taken now. */
export function meetingRunning(live: { startedAt: string | null; endedAt: string | null } | null | undefined): boolean {
  return Boolean(live?.startedAt && !live.endedAt);
}

export interface TimedSection {
  key: string;
  /** The agenda parent's key for a sub-item, else null. */
  parentKey: string | null;
  /** The item's own planned minutes (0 for opening/closing or unplanned items). */
  plannedMinutes: number;
}

export interface Timing {
  /** Planned seconds: a parent with its own planned time keeps it, else the sum of its sub-items'. */
  planned: number;
  /** Elapsed seconds: its own plus its sub-items'. */
  elapsed: number;
  /** Seconds over the plan (0 when within it or unplanned). */
  over: number;
}

export function rollUp(sections: readonly TimedSection[], elapsed: (key: string) => number): Map<string, Timing> {
  const children = new Map<string, TimedSection[]>();
  for (const s of sections) if (s.parentKey) children.set(s.parentKey, [...(children.get(s.parentKey) ?? []), s]);
  const out = new Map<string, Timing>();
  for (const s of sections) {
    const kids = children.get(s.key) ?? [];
    const planned = (s.plannedMinutes > 0 ? s.plannedMinutes : kids.reduce((n, k) => n + k.plannedMinutes, 0)) * 60;
    const spent = elapsed(s.key) + kids.reduce((n, k) => n + elapsed(k.key), 0);
    out.set(s.key, { planned, elapsed: spent, over: planned > 0 ? Math.max(0, spent - planned) : 0 });
  }
  return out;
}

export interface Schedule {
  /** Planned seconds still to come: the rest of the current item and every later item. */
  remaining: number;
  /** Seconds behind the planned meeting length (negative: ahead). */
  lag: number;
  /** Instant (ms) the meeting ends at this pace. */
  projectedEnd: number;
}

/**
 * Where the meeting stands: items before the current one are done; the current one has what is left of its plan;
 * later ones their full plan. Worked on top-level items (a sub-item's time counts in its parent).
 */
export function schedule(args: {
  sections: readonly TimedSection[];
  timing: Map<string, Timing>;
  currentKey: string | null;
  meetingSeconds: number;
  plannedMeetingSeconds: number;
  now: number;
}): Schedule {
  const top = args.sections.filter((s) => !s.parentKey);
  const current = args.sections.find((s) => s.key === args.currentKey);
  const currentTop = current ? (current.parentKey ?? current.key) : null;
  const at = currentTop ? top.findIndex((s) => s.key === currentTop) : 0;
  let remaining = 0;
  top.forEach((s, i) => {
    if (i < Math.max(0, at)) return;
    const t = args.timing.get(s.key);
    if (t) remaining += Math.max(0, t.planned - t.elapsed);
  });
  const lag = args.meetingSeconds + remaining - args.plannedMeetingSeconds;
  return { remaining, lag, projectedEnd: args.now + remaining * 1000 };
}

/** "12 min behind schedule", "3 min ahead of schedule", "On schedule" (within a minute). */
export function lagText(lag: number): string {
  const min = Math.round(Math.abs(lag) / 60);
  if (min < 1) return 'On schedule';
  return lag > 0 ? `${min} min behind schedule` : `${min} min ahead of schedule`;
}
