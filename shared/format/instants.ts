import { localClock, localDay } from './zoned';

/**
 * When something was done, as a sentence goes on ("Flagged by Anna …"): 'at 09:11' on the day it was done, else
 * 'on 5 December 2026 at 09:11', on this machine's clock. A flag reviewed days after the meeting no longer reads as
 * if it had been set that morning.
 */
export function atOrOn(instant: string, now: Date = new Date()): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  return localDay(d) === localDay(now) ? `at ${localClock(d)}` : `on ${localDay(d)} at ${localClock(d)}`;
}
