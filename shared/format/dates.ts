/** Formatting the secretariat uses everywhere (screen and documents): "30 January 2026", "10:00", "2 h 50 min". */
import { clockTime, longDate, weekdayName } from './zoned';

/** "2026-01-30" or "2026-01-30T10:00" → "30 January 2026": the documents' date (zoned.ts, as Intl en-GB writes it). */
export const formatLongDate = longDate;

// For what weekdayName leaves (not a real date of years 1000–9999), made on first use, not at import: the first
// Intl.DateTimeFormat of a process loads ICU's locale data (~10 ms of the browser host's start; issue 16).
let weekday: Intl.DateTimeFormat | undefined;

/** "2026-01-30T10:00" → "Friday 30 January 2026". */
export function formatWeekdayDate(local: string): string {
  const name = weekdayName(local);
  if (name !== null) return `${name} ${longDate(local)}`;
  const d = new Date(`${local.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return local;
  return `${(weekday ??= new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' })).format(d)} ${longDate(local)}`;
}

/** "2026-01-30T10:00" → "10:00". */
export const formatTime = clockTime;

/** 170 → "2 h 50 min"; 45 → "45 min"; 120 → "2 h". */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(Math.round(minutes));
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (h === 0) return `${sign}${r} min`;
  return r === 0 ? `${sign}${h} h` : `${sign}${h} h ${r} min`;
}

/** Adds minutes to a wall-clock "YYYY-MM-DDTHH:mm" (no time-zone arithmetic: the agenda runs in one zone). */
export function addMinutes(local: string, minutes: number): string {
  const t = Date.parse(`${local}:00Z`) + minutes * 60_000;
  return new Date(t).toISOString().slice(0, 16);
}
