/**
 * (shared: pure Intl, no Node or DOM; the documents and the public preview use the same functions.)
 *
 * Dates and times as every document prints them: one date style ("30 January 2026", "10:00", 24-hour clock, British
 * English) written by Intl.DateTimeFormat (a calendar date of years 1000–9999 written as it writes it, without it:
 * `calendarDate`), and one time zone: the body's (Europe/Brussels unless the body says
 * otherwise). Instants (flags, arrivals, timestamps) are shown in that zone; a meeting's local times, kept in the
 * meeting's own zone, are converted to it when the two differ.
 */

export const DEFAULT_DOCUMENT_TIME_ZONE = 'Europe/Brussels';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** A time zone Intl knows, else the default (an unknown zone never stops an export). */
export function knownZone(timeZone: string | undefined): string {
  if (!timeZone) return DEFAULT_DOCUMENT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_DOCUMENT_TIME_ZONE;
  }
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The calendar date of '2026-01-30…' for a year from 1000 to 9999 and a real day of its month, else null. What
 * Intl's en-GB long date and weekday write for such a date, written without Intl (issue 16): the first
 * Intl.DateTimeFormat of a page or process loads ICU's locale data and pattern generator (~20 ms of the meetings
 * list's first render in Chromium). test/unit/zoned-dates.test.ts checks every output against Intl's.
 */
function calendarDate(isoDate: string): { y: number; m: number; d: number; weekday: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, mo - 1, d, 12));
  if (t.getUTCMonth() !== mo - 1) return null; // 31 April and the like: left to Intl, as before
  return { y, m: mo, d, weekday: t.getUTCDay() };
}

/** '2026-01-30' or '2026-01-30T10:00' (a calendar date, no zone involved) → '30 January 2026'. */
export function longDate(isoDate: string): string {
  const c = calendarDate(isoDate);
  if (c) return `${c.d} ${MONTHS[c.m - 1]} ${c.y}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  if (Number.isNaN(d.getTime())) return isoDate;
  return fmt('UTC', DATE).format(d);
}

/** '2026-01-30…' → 'Friday', as Intl's en-GB long weekday in UTC writes it; null when `calendarDate` has none. */
export function weekdayName(isoDate: string): string | null {
  const c = calendarDate(isoDate);
  return c ? WEEKDAYS[c.weekday]! : null;
}

/** '2026-01-30T10:00' → '10:00'. */
export function clockTime(localDateTime: string): string {
  return /T(\d{2}:\d{2})/.exec(localDateTime)?.[1] ?? '';
}

/** Minutes after midnight → 'HH:MM' (wraps past midnight). */
export function minutesToClock(total: number): string {
  const m = ((total % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

interface ZonedParts {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
}

function partsInZone(d: Date, timeZone: string): ZonedParts {
  const parts = fmt(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', ...TIME }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** An ISO instant in the zone: '30 January 2026, 10:42'. */
export function instantInZone(instant: string, timeZone: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const p = partsInZone(d, knownZone(timeZone));
  return `${longDate(p.date)}, ${p.time}`;
}

/** A moment's calendar day on this machine's clock, in the documents' style: '5 December 2026'. */
export function localDay(d: Date): string {
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** A moment's time on this machine's clock, 24-hour: '09:07', or '09:07:03' with the seconds. */
export function localClock(d: Date, seconds = false): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
}

/**
 * An ISO instant on this machine's clock, in the documents' date style: '5 December 2026, 11:56:32' (the seconds
 * tell apart the revisions, exports and backups of one minute). For the records the app lists (revisions, exports,
 * backups), which were numeric ('05/12/2026, 11:56:32') or abbreviated ('5 Dec 2026') each in its own way. Written
 * without Intl, as `longDate` (issue 16); an instant that is not one is given back as it came.
 */
export function localInstant(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : `${localDay(d)}, ${localClock(d, true)}`;
}

/** An ISO instant as a clock time in the zone: '10:42'. */
export function timeInZone(instant: string, timeZone: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  return partsInZone(d, knownZone(timeZone)).time;
}

/** The calendar date of an instant in the zone, 'YYYY-MM-DD'. */
export function dateInZone(instant: string, timeZone: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  return partsInZone(d, knownZone(timeZone)).date;
}

/**
 * The instant of a local wall-clock time 'YYYY-MM-DDTHH:MM' in a zone (the earlier one when the clock goes back;
 * a time skipped when it goes forward is taken as the same offset as before the change).
 */
export function localToInstant(localDateTime: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(localDateTime);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const zone = knownZone(timeZone);
  const offsetAt = (t: number) => {
    const p = partsInZone(new Date(t), zone);
    const [y, mo, d] = p.date.split('-').map(Number) as [number, number, number];
    const [h, mi] = p.time.split(':').map(Number) as [number, number];
    return Date.UTC(y, mo - 1, d, h, mi) - t;
  };
  let t = asUtc - offsetAt(asUtc);
  t = asUtc - offsetAt(t);
  return new Date(t);
}

/**
 * A meeting's local date-time (kept in the meeting's zone) as the document zone prints it:
 * { date: '30 January 2026', time: '10:00', isoDate: '2026-01-30' }.
 */
export function meetingLocalInZone(localDateTime: string, meetingZone: string, documentZone: string): { date: string; time: string; isoDate: string } {
  const from = knownZone(meetingZone);
  const to = knownZone(documentZone);
  if (from === to) {
    const isoDate = localDateTime.slice(0, 10);
    return { date: longDate(isoDate), time: clockTime(localDateTime), isoDate };
  }
  const instant = localToInstant(localDateTime, from);
  if (!instant) return { date: longDate(localDateTime), time: clockTime(localDateTime), isoDate: localDateTime.slice(0, 10) };
  const p = partsInZone(instant, to);
  return { date: longDate(p.date), time: p.time, isoDate: p.date };
}

/** The date part of a meeting's local start, 'YYYY-MM-DD'. */
export function meetingDate(startsAt: string): string {
  return startsAt.slice(0, 10);
}
