import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWeekdayDate } from '../../shared/format/dates';
import { atOrOn } from '../../shared/format/instants';
import { localInstant, longDate, weekdayName } from '../../shared/format/zoned';

/**
 * longDate and the weekday are written without Intl for a real calendar date of years 1000–9999 (issue 16: the first
 * Intl.DateTimeFormat of a page costs ~20 ms). They must write exactly what Intl's en-GB formats write.
 */
const INTL_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const INTL_WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

describe('dates written without Intl', () => {
  it('every calendar date of years 1000–9999: the same long date and weekday as Intl en-GB', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59) }), (t) => {
        const local = iso(t);
        const noon = new Date(`${local.slice(0, 10)}T12:00:00Z`);
        expect(longDate(local)).toBe(INTL_DATE.format(noon));
        expect(longDate(local.slice(0, 10))).toBe(INTL_DATE.format(noon));
        expect(weekdayName(local)).toBe(INTL_WEEKDAY.format(noon));
        expect(formatWeekdayDate(local)).toBe(`${INTL_WEEKDAY.format(noon)} ${INTL_DATE.format(noon)}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('the edges: leap days, month ends, the first and last years', () => {
    expect(formatWeekdayDate('2024-02-29T10:00')).toBe('Thursday 29 February 2024');
    expect(formatWeekdayDate('2026-01-30T10:00')).toBe('Friday 30 January 2026');
    expect(longDate('1000-01-01')).toBe(INTL_DATE.format(new Date('1000-01-01T12:00:00Z')));
    expect(longDate('9999-12-31')).toBe('31 December 9999');
  });

  it('what is not a real date of those years is left to the earlier path (Intl or the text as given)', () => {
    expect(weekdayName('2026-02-30')).toBeNull();
    expect(weekdayName('2026-13-01')).toBeNull();
    expect(weekdayName('0999-05-01')).toBeNull();
    expect(weekdayName('2026-00-10')).toBeNull();
    expect(longDate('not a date')).toBe('not a date');
    // As before: Date.UTC rolls 30 February over to 2 March, and Intl writes that.
    expect(longDate('2026-02-30')).toBe(INTL_DATE.format(new Date(Date.UTC(2026, 1, 30, 12))));
  });
});

describe('localInstant: the records the app lists (revisions, exports, backups), on this machine’s clock', () => {
  it('the long date and the time to the second, as the clock of this machine reads it', () => {
    // Made from local parts, so the test holds in any time zone.
    expect(localInstant(new Date(2026, 11, 5, 9, 7, 3).toISOString())).toBe('5 December 2026, 09:07:03');
    expect(localInstant(new Date(2026, 0, 30, 23, 59, 59).toISOString())).toBe('30 January 2026, 23:59:59');
  });

  it('any instant: Intl en-GB’s long date and 24-hour time of the same moment in this machine’s zone', () => {
    const intlDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    const intlTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const d = new Date(t);
        expect(localInstant(d.toISOString())).toBe(`${intlDate.format(d)}, ${intlTime.format(d)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('what is not an instant comes back as it was (never "Invalid Date")', () => {
    expect(localInstant('not a date')).toBe('not a date');
    expect(localInstant('')).toBe('');
  });
});

describe('atOrOn: when a flag was set or lifted, in a sentence', () => {
  const now = new Date(2026, 11, 7, 15, 0);
  it('the time alone on the same day, the date too on any other', () => {
    expect(atOrOn(new Date(2026, 11, 7, 9, 5).toISOString(), now)).toBe('at 09:05');
    expect(atOrOn(new Date(2026, 11, 7, 0, 0).toISOString(), now)).toBe('at 00:00');
    expect(atOrOn(new Date(2026, 11, 6, 23, 59).toISOString(), now)).toBe('on 6 December 2026 at 23:59');
    // The same day and month of another year is another day.
    expect(atOrOn(new Date(2025, 11, 7, 9, 5).toISOString(), now)).toBe('on 7 December 2025 at 09:05');
  });

  it('what is not an instant says nothing rather than "Invalid Date"', () => {
    expect(atOrOn('', now)).toBe('');
  });
});
