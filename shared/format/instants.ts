import { MONTHS } from './zoned';

/**
 * When something was done, as a sentence goes on ("Flagged by Anna …"): 'at 09:11' on the day it was done, else
 * 'on 5 December 2026 at 09:11', on this machine's clock. A flag reviewed days after the meeting no longer reads as
 * if it had been set that morning.
 */
export function atOrOn(instant: string, now: Date = new Date()): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? `at ${time}` : `on ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} at ${time}`;
}
