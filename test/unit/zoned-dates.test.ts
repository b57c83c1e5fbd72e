import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWeekdayDate } from '../../shared/format/dates';
import { longDate, weekdayName } from '../../shared/format/zoned';

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
