/** Dates and times written the house way: "30 January 2026", "10:00". No locale data involved, so output is stable. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-01-30' or '2026-01-30T10:00' → '30 January 2026'. */
export function longDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
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

/** An ISO instant shown in the meeting's time zone: '30 January 2026, 10:42'. */
export function instantInZone(instant: string, timeZone: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
  } catch {
    return instant;
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${longDate(`${get('year')}-${get('month')}-${get('day')}`)}, ${get('hour')}:${get('minute')}`;
}

/** The date part of a meeting's local start, 'YYYY-MM-DD'. */
export function meetingDate(startsAt: string): string {
  return startsAt.slice(0, 10);
}
