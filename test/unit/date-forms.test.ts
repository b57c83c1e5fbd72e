import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateForms } from '../../shared/redaction/date-forms';
import { normaliseForMatch, PassageMatcher } from '../../shared/redaction/match-text';

/** A flagged date or quarter is also searched in the other ways of writing it (shared/redaction/date-forms.ts). */
const found = (flagged: string, printed: string) => new PassageMatcher([{ id: 'p', text: flagged }]).search(normaliseForMatch(printed)).length > 0;
const forms = (flagged: string) => dateForms(normaliseForMatch(flagged));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

describe('dateForms', () => {
  it('writes a day with the month in words or digits, in each order, and a quarter or half in letters or words', () => {
    expect(forms('15 March 2027')).toEqual(expect.arrayContaining(['march 15 2027', '15th march 2027', '15 03 2027', '2027 03 15', '03 15 2027', '15 3 2027', '15 mar 2027', 'the 15th of march 2027']));
    expect(forms('2027-03-15')).toEqual(expect.arrayContaining(['15 march 2027']));
    expect(forms('Q3 2027')).toEqual(expect.arrayContaining(['third quarter of 2027', '3rd quarter 2027', '3q 2027', 'q3 27']));
    expect(forms("Q3'27")).toEqual(expect.arrayContaining(['third quarter of 2027', 'q3 2027']));
    expect(forms('the first half of 2027')).toEqual(expect.arrayContaining(['h1 2027']));
  });

  it('writes the first five dates of a passage otherwise, each on its own (a schedule of 300 dates made thousands of forms)', () => {
    const schedule = Array.from({ length: 8 }, (_, i) => `step ${i} on ${i + 1} March 2027`).join(', ');
    const written = forms(schedule);
    for (let i = 1; i <= 5; i++) expect(written.some((f) => f.includes(`${String(i).padStart(2, '0')} 03 2027`)), `date ${i}`).toBe(true);
    for (let i = 6; i <= 8; i++) expect(written.some((f) => f.includes(`${String(i).padStart(2, '0')} 03 2027`)), `date ${i}`).toBe(false);
  });

  it('gives a month of a year as abbreviated and in digits, a quarter year first, a date with the year in two digits', () => {
    expect(forms('launch in March 2027')).toEqual(['launch in mar 2027', 'launch in 03 2027', 'launch in 2027 03', 'launch in mar 27']);
    expect(forms('Q3 2027')).toEqual(expect.arrayContaining(['2027 q3', '2027q3']));
    expect(forms('2027-Q3')).toEqual(expect.arrayContaining(['q3 2027', 'third quarter of 2027']));
    expect(forms('15 March 2027')).toEqual(expect.arrayContaining(['15 03 27', '15 3 27']));
    // A month of a year inside a whole date gives no form of its own (it is a shorter thing).
    expect(forms('15 March 2027').filter((f) => !/15|ides/.test(f))).toEqual([]);
    expect(forms('March 15, 2027').filter((f) => !/15/.test(f))).toEqual([]);
  });

  it('writes a date as a spreadsheet does, the month abbreviated and the year in two digits, and reads it so', () => {
    expect(forms('15 March 2027')).toEqual(expect.arrayContaining(['15 mar 27']));
    expect(forms('30 September 2027')).toEqual(expect.arrayContaining(['30 sep 27', '30 sept 27']));
    expect(forms('15 May 2027')).toEqual(expect.arrayContaining(['15 may 27']));
    // Not the month in full with the year in two digits: "on 15 March 27 members voted" is a sentence.
    expect(forms('15 March 2027')).not.toContain('15 march 27');
    expect(forms('launch in March 2027')).toEqual(expect.arrayContaining(['launch in mar 27']));
    expect(forms('15-Mar-27')).toEqual(expect.arrayContaining(['15 march 2027', '15 03 2027', '2027 03 15', 'march 15 2027']));
    expect(forms('15 March 27')).toEqual(expect.arrayContaining(['15 march 2027']));
    // A two-digit year is not read where more digits follow ("15 Mar 10:30" is a time).
    expect(forms('15 Mar 10:30')).toEqual([]);
    // A month with its year in two digits flagged alone is not read: "Mar 27" is as often the 27th of March.
    expect(forms('Mar-27')).toEqual([]);
  });

  it('a flagged date is found as a spreadsheet writes it, and not another day, month or year', () => {
    for (const printed of ['15-Mar-27', '15-Mar-2027', '15 Mar 27', '15-MAR-27']) expect(found('15 March 2027', `Launch on ${printed}.`), printed).toBe(true);
    expect(found('5 March 2027', 'Launch on 05-Mar-27.')).toBe(true);
    expect(found('March 2027', 'Launch in Mar-27.')).toBe(true);
    expect(found('15-Mar-27', 'Launch on 15 March 2027.')).toBe(true);
    for (const printed of ['15-Mar-26', '16-Mar-27', '15-Apr-27', '15 March 27 members']) expect(found('15 March 2027', `Launch on ${printed}.`), printed).toBe(false);
    for (const printed of ['Mar-28', 'Apr-27']) expect(found('March 2027', `Launch in ${printed}.`), printed).toBe(false);
    // "Mar 27" before a year is a day of March: not the flagged month of 2027.
    expect(found('March 2027', 'The call is on Mar 27, 2026.')).toBe(false);
    expect(found('March 2027', 'The call is on Mar27 2026.')).toBe(false);
    expect(found('launch in March 2027', 'The launch in Mar 27, 2026 slipped.')).toBe(false);
    // …but a two-digit year followed by other words, or by other figures as in a table's row, is the flagged month.
    expect(found('March 2027', 'Launch in Mar-27 as planned.')).toBe(true);
    expect(found('March 2027', 'Units shipped: Mar-27 450, Apr-27 520.')).toBe(true);
  });

  it('gives nothing without a whole date or a year, nor for an impossible date', () => {
    for (const text of ['15 March', 'item 2.1 at 10:00', '12.5%', '32 13 2027', 'q5 2027', 'h3 2027', 'the third quarter', 'May']) expect(forms(text), text).toEqual([]);
  });
});

describe('the matcher, for any date (properties)', () => {
  const date = fc.record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }), year: fc.integer({ min: 2025, max: 2035 }) });

  it('a flagged date is found in any of the ways it is written', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 7 }), ({ day, month, year }, how) => {
        const name = MONTHS[month - 1]!;
        const printed = [`${pad(day)}/${pad(month)}/${year}`, `${year}-${pad(month)}-${pad(day)}`, `${name} ${day}, ${year}`, `${day}.${month}.${year}`, `${day} ${name.slice(0, 3)} ${year}`, `the ${ordinal(day)} of ${name} ${year}`, `${pad(day)}.${pad(month)}.${year}`, `${pad(day)}-${name.slice(0, 3)}-${year % 100}`][how]!;
        const flagged = `${day} ${name} ${year}`;
        expect(found(flagged, `Acme will launch the model on ${printed}.`), printed).toBe(true);
        expect(found(`${pad(day)}/${pad(month)}/${year}`, `Acme will launch the model on ${day} ${name} ${year}.`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('another day, month or year is not found', () => {
    fc.assert(
      fc.property(date, fc.constantFrom([1, 0, 0], [0, 1, 0], [0, 0, 1]), ({ day, month, year }, [dd, dm, dy]) => {
        const flagged = `${day} ${MONTHS[month - 1]} ${year}`;
        const other = { day: day + dd, month: dm ? (month % 12) + 1 : month, year: year + dy };
        expect(found(flagged, `The next plenary is on ${pad(other.day)}/${pad(other.month)}/${other.year}.`)).toBe(false);
        expect(found(flagged, `The next plenary is on ${other.day} ${MONTHS[other.month - 1]} ${other.year}.`)).toBe(false);
        expect(found(flagged, `The next plenary is on ${pad(other.day)}-${MONTHS[other.month - 1]!.slice(0, 3)}-${other.year % 100}.`)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
