import type { Apart } from './match-text';
import { around, FormsBeside, type FormBeside } from './variants';

/**
 * Other ways of writing the dates and quarters of a flagged passage (an audit, 2026-12-05): a flagged launch date "15
 * March 2027" went out as "15/03/2027", "2027-03-15" and "March 15, 2027"; a flagged "Q3 2027" as "the third quarter
 * of 2027". The matcher (match-text.ts) searches a flagged passage in the forms given here too, on the flagged side
 * only, as it does figure-forms.ts's.
 *
 * Read on normalised text (foldAsCheck: lower case, "/" and "-" between numbers and "," read as a space, so "15/03/2027"
 * reads "15 03 2027" and "March 15, 2027" reads "march 15 2027"; a point between digits stays: "15.03.2027"). Only a
 * whole date, with its year, a month with its year, or a quarter or half with its year: "15 March" alone is in too
 * many texts for another reason, and a passage's "15 March 2027" never gives "March 2027" (a shorter thing, in other
 * texts too); a flagged "March 2027" is found as "Mar 2027", "03/2027" and "2027-03". A date written in digits is read
 * day first, as in the EU; its forms include the month first too ("03 15 2027"), so a date an American hand wrote is
 * found as well, and, day first, with the year in two digits ("15/3/27"). A quarter is also written year first ("2027-Q3").
 *
 * A spreadsheet writes a date with the month abbreviated and the year in two digits, "15-Mar-27" (d-mmm-yy), and a
 * month of a year "Mar-27" (mmm-yy): an audit (2026-12-07) found a flagged "15 March 2027" published so, and a flagged
 * "15-Mar-27" published in full. A date is written so too, and read so (a two-digit year is this century's, as a
 * quarter's). Only with the month abbreviated: "on 15 March 27 members voted" is a sentence. A month of a year is
 * written "mar 27", but never read from it, and not found before a year: "Mar 27" is as often the 27th of March,
 * and "Mar 27, 2026" is that day (`Apart`, match-text.ts).
 */

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
const MONTH_NAMES = MONTHS.flatMap((m) => m).sort((a, b) => b.length - a.length);
const monthOf = (name: string) => MONTHS.findIndex((m) => m.includes(name)) + 1;

const ORDINAL = '(?:st|nd|rd|th)?';
const M = `(?<month>${MONTH_NAMES.join('|')})`;
const D = `(?<day>\\d{1,2})${ORDINAL}`;
const Y = '(?<year>\\d{4})';
/** The ways a date is read, each with its day, month and year. */
const DATES = [
  new RegExp(`(?<![\\p{L}\\p{N}.])(?:the )?${D} (?:of )?${M} ${Y}(?![\\p{N}])`, 'gu'),
  // A spreadsheet's "15-Mar-27"; not where more digits follow ("15 Mar 10:30" is a time).
  new RegExp(`(?<![\\p{L}\\p{N}.])${D} ${M} (?<year>\\d{2})(?![\\p{N}.]| \\d)`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}.])${M} ${D} ${Y}(?![\\p{N}])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}.])(?<day>\\d{1,2})[ .](?<month>\\d{1,2})[ .]${Y}(?![\\p{N}.])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}.])${Y}[ .](?<month>\\d{1,2})[ .](?<day>\\d{1,2})(?![\\p{N}.])`, 'gu'),
];

const ORDINALS = ['first', 'second', 'third', 'fourth'];
const NUMBERED = ['1st', '2nd', '3rd', '4th'];
/**
 * A quarter or a half of a year: "q3 2027", "3q 2027", "2027 q3", "(the) third quarter of 2027", "3rd quarter 2027",
 * "h1 2027".
 */
const PERIODS = [
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:(?<kind>q|h)(?<n>[1-4])|(?<n2>[1-4])(?<kind2>q|h))(?: of)? (?<year>\\d{4}|\\d{2})|(?<year2>\\d{4}) ?(?<kind3>q|h)(?<n3>[1-4]))(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  new RegExp(`(?<![\\p{L}\\p{N}])(?:the )?(?<word>${[...ORDINALS, ...NUMBERED].join('|')}) (?<what>quarter|half)(?: of)? (?<year>\\d{4})(?![\\p{N}])`, 'gu'),
];

/** A month with its year, not after a day ("15 march 2027" is a date) nor before one ("march 15 2027"). */
const MONTH_YEAR = new RegExp(`(?<![\\p{L}\\p{N}.]|\\d{1,2}${ORDINAL} (?:of )?)${M} ${Y}(?![\\p{N}]| \\d)`, 'gu');

/**
 * At most this many dates and periods of one passage get other forms, each on its own: a flagged schedule of 300
 * dates made 7,309 forms and 0.65 s to build the matcher. The passage as flagged is searched whole and in windows all
 * the same.
 */
const MAX_DATES = 5;

/**
 * The other forms of `norm` (normalised), each with one of its dates or quarters written another way, and at most
 * `context` words of it on each side of that date (variants.ts).
 */
export function dateForms(norm: string, context = Infinity): string[] {
  return datesWritten(norm, context).map((f) => f.form);
}

/** `dateForms`, each form with what may not stand beside it where it is found (`Apart`, match-text.ts). */
export function datesWritten(norm: string, context = Infinity): FormBeside[] {
  const out = new FormsBeside();
  let dates = 0;
  const replaceEach = (re: RegExp, forms: (g: Record<string, string | undefined>) => Array<{ written: string; apart?: Apart }>) => {
    for (const m of norm.matchAll(re)) {
      const written = forms(m.groups!);
      if (written.length === 0) continue;
      if (++dates > MAX_DATES) return;
      const to = m.index + m[0].length;
      for (const w of written) {
        // What follows the date in the form keeps a year away from it: the condition only holds where the form ends.
        const apart = w.apart !== undefined && to === norm.length ? w.apart : undefined;
        for (const f of around(norm, m.index, to, [w.written], context)) out.add(f, apart);
      }
    }
  };
  const plain = (forms: string[]) => forms.map((written) => ({ written }));
  for (const re of DATES)
    replaceEach(re, (g) => {
      const day = Number(g.day);
      const month = /^\d+$/.test(g.month!) ? Number(g.month) : monthOf(g.month!);
      return valid(day, month) ? plain(writtenDates(day, month, g.year!.length === 2 ? `20${g.year}` : g.year!)) : [];
    });
  replaceEach(MONTH_YEAR, (g) => monthForms(monthOf(g.month!), g.year!));
  replaceEach(PERIODS[0]!, (g) => plain(periodForms((g.kind ?? g.kind2 ?? g.kind3) === 'q' ? 'quarter' : 'half', Number(g.n ?? g.n2 ?? g.n3), (g.year ?? g.year2)!)));
  replaceEach(PERIODS[1]!, (g) => {
    const n = Math.max(ORDINALS.indexOf(g.word!), NUMBERED.indexOf(g.word!)) + 1;
    return plain(periodForms(g.what as 'quarter' | 'half', n, g.year!));
  });
  out.delete(norm);
  return out.list();
}

function valid(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** A day in every way it is written (the digits spaced: match-text.ts numberGroupings adds them with points). */
function writtenDates(day: number, month: number, year: string): string[] {
  const names = MONTHS[month - 1]!;
  const forms: string[] = [];
  for (const name of names) {
    for (const d of [String(day), ordinal(day)]) forms.push(`${d} ${name} ${year}`, `${name} ${d} ${year}`);
    forms.push(`${ordinal(day)} of ${name} ${year}`, `the ${ordinal(day)} of ${name} ${year}`);
  }
  for (const [d, m] of [
    [pad(day), pad(month)],
    [String(day), String(month)],
  ] as const)
    // The year in two digits day first only: month first, "01 20 25" read without spaces is in "21 01 2025".
    forms.push(`${d} ${m} ${year}`, `${m} ${d} ${year}`, `${year} ${m} ${d}`, `${d} ${m} ${year.slice(2)}`);
  // As a spreadsheet writes it, "15-Mar-27"; a leading zero of the day ("05-Mar-27") is found by the matcher.
  for (const name of abbreviated(month)) forms.push(`${day} ${name} ${year.slice(2)}`);
  return forms;
}

/** A month's abbreviations ("mar"; "sep" and "sept"), or its name where it has none ("may"). */
// May has no abbreviation: a spreadsheet writes "15-May-27", and so does its name here. Its "15 may 27" is also
// "On 15 May, 27 signatories…": refused, fail-closed (an audit of false refusals, 2026-12-07, weighed against a
// spreadsheet's May dates going out); "May 27 at 10:00" is not (a time after it, match-text.ts Apart).
const abbreviated = (month: number) => (MONTHS[month - 1]!.length > 1 ? MONTHS[month - 1]!.slice(1) : MONTHS[month - 1]!);

/**
 * A month of a year in every way it is written: its names, in digits month first or year first, and abbreviated with
 * the year in two digits ("mar 27"), not before a year ("Mar 27, 2026" is a day of another year).
 */
function monthForms(month: number, year: string): Array<{ written: string; apart?: Apart }> {
  const forms = [...MONTHS[month - 1]!.map((name) => `${name} ${year}`), `${pad(month)} ${year}`, `${year} ${pad(month)}`].map((written) => ({ written }));
  return [...forms, ...abbreviated(month).map((name) => ({ written: `${name} ${year.slice(2)}`, apart: 'year_after' as const }))];
}

/** A quarter or half of a year in every way it is written. */
function periodForms(what: 'quarter' | 'half', n: number, year: string): string[] {
  if (what === 'half' && n > 2) return [];
  const letter = what === 'quarter' ? 'q' : 'h';
  // "Q3'27" is this century's.
  const full = year.length === 4 ? year : `20${year}`;
  const forms = [full, full.slice(2)].flatMap((y) => [`${letter}${n} ${y}`, `${n}${letter} ${y}`]);
  forms.push(`${full} ${letter}${n}`, `${full}${letter}${n}`);
  for (const w of [ORDINALS[n - 1]!, NUMBERED[n - 1]!]) forms.push(`${w} ${what} of ${full}`, `${w} ${what} ${full}`, `the ${w} ${what} of ${full}`);
  return forms;
}
