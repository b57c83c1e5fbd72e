import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBackend } from '../helpers/temp';
import { exportedBody, previewBlockers, save, twoItems } from './redaction-check-helpers';
import { doc, flag, p, t } from '../fixtures/export-data';
import { normaliseForMatch, PassageMatcher } from '../../shared/redaction/match-text';

/**
 * Figures with their sign and short names in the redaction check (shared/redaction/match-text.ts, whole-word.ts,
 * shared/text/fold.ts), which the export's check and the preview's blockers share. A flagged passage in one item, an
 * ordinary public summary in another.
 * - Leaked: a flagged "€12" printed "€ 12", "$5m" printed "US$5m", "12%" printed "12٪" (Arabic percent sign). The
 *   rule now: a currency sign is joined to its number as a percent sign is; U+066A reads "%"; an edge of a passage
 *   that is a sign needs no word edge.
 * - Blocked for nothing: a flagged "5%" in a summary printing "12.5%" (a decimal point split the figure), "12%" in
 *   "0.12%", "€5" in "€5.5 billion"; "12.5%" in "1.25%" and "€2.5 million" in "€25 million" (the space-free
 *   comparison moved a space between digits); a flagged first name "May" in every summary of a May meeting. The rule
 *   now: a decimal mark between digits stays in the number ("12,5" and "12.5" read "12.5"); a space-free hit that
 *   removes or inserts a space between two digits is no hit; a three-letter word is searched only if written as an
 *   acronym or mixed-case name (two capitals or a digit).
 */

/** The public item "Budget and work programme": dates, times, agenda numbers, shares, money. */
const SUMMARY = [
  'At 10:00 the Chair opened item 2.1. The AI Office reported that the EU budget line for Q3 2026 rose by 12.5% to €25 million,',
  'against €2.5 million in 2025; support for open AI models and open-source tools was discussed.',
  'Members noted that inflation of 1.25% and a 2.5% reserve had been assumed. The next meeting is on 12 March 2026 at 14:30.',
].join(' ');

async function flaggedAndPrinted(flagged: string, printed: string, day?: string) {
  const b = makeBackend();
  const x = await twoItems(b, day, 'Budget and work programme');
  await save(b, x.m, x.a, doc(p(t('In confidence, the members were told of '), flag(['F1'], t(flagged)), t('.'))));
  await save(b, x.m, x.c, doc(p(t(printed))));
  const blockers = previewBlockers(b, x.m);
  const out = await exportedBody(b, x.m);
  return { previewBlocks: blockers.length > 0, exportRefuses: 'refused' in out, out };
}

describe('Redaction: no blocker on an ordinary summary for a different figure or a common word', () => {
  it('flagged “5%” (a share) does not block a summary that prints 12.5% and 2.5%', async () => {
    expect(await flaggedAndPrinted('5%', SUMMARY)).toMatchObject({ previewBlocks: false, exportRefuses: false });
  });
  it('flagged “12%” does not block a summary that prints “0.12%”', async () => {
    expect(await flaggedAndPrinted('12%', 'The error rate was 0.12% in the pilot.')).toMatchObject({ previewBlocks: false, exportRefuses: false });
  });
  it('flagged “€5” does not block a summary that prints “€5.5 billion”', async () => {
    expect(await flaggedAndPrinted('€5', 'The programme is worth €5.5 billion over seven years.')).toMatchObject({ previewBlocks: false, exportRefuses: false });
  });
  it('flagged “12.5%” does not block a summary that prints “1.25%” (another figure)', async () => {
    expect(await flaggedAndPrinted('12.5%', 'Members noted that inflation of 1.25% had been assumed.')).toMatchObject({ previewBlocks: false, exportRefuses: false });
  });
  it('flagged “€2.5 million” does not block a summary that prints “€25 million” (ten times more, another figure)', async () => {
    expect(await flaggedAndPrinted('€2.5 million', 'The AI Office budget line rose to €25 million.')).toMatchObject({ previewBlocks: false, exportRefuses: false });
  });
  // Not fixed: the space-free comparison from 4 characters finds "open AI" for a flagged "OpenAI" (97803b9), a
  // fail-closed trade-off: "Open AI" printed for the company must be refused, and the two cannot be told apart.
  it.skip('flagged “OpenAI” (a company) does not block “support for open AI models” (no company named)', async () => {
    expect(await flaggedAndPrinted('OpenAI', 'Members discussed support for open AI models and open-source tools.')).toMatchObject({ previewBlocks: false, exportRefuses: false });
  });
  it('flagged person name “May” does not make every summary of a meeting held in May unexportable', async () => {
    const r = await flaggedAndPrinted('May', 'The AI Office presented the work programme.', '2026-05-12');
    expect(r).toMatchObject({ previewBlocks: false, exportRefuses: false });
  });
  it('control: a flagged figure that is printed blocks', async () => {
    expect(await flaggedAndPrinted('12.5%', SUMMARY)).toMatchObject({ previewBlocks: true, exportRefuses: true });
  });
});

describe('Redaction: a flagged figure printed with other spacing or another sign is refused', () => {
  const leak = async (flagged: string, printed: string, shown: string) => {
    const r = await flaggedAndPrinted(flagged, printed);
    const inFile = 'text' in r.out && r.out.text.includes(shown);
    return { flagged, printed: shown, inFile, previewBlocks: r.previewBlocks, exportRefuses: r.exportRefuses };
  };
  it('flagged “€12” (a price), printed “€ 12” (a space after the sign): refused', async () => {
    expect(await leak('€12', 'Acme will charge € 12 per licence.', '€ 12')).toMatchObject({ inFile: false, previewBlocks: true, exportRefuses: true });
  });
  it('flagged “$5m”, printed “US$5m”: refused', async () => {
    expect(await leak('$5m', 'Acme offered US$5m for the dataset.', 'US$5m')).toMatchObject({ inFile: false, previewBlocks: true, exportRefuses: true });
  });
  it('flagged “12%”, printed “12٪” (Arabic percent sign, U+066A): refused', async () => {
    expect(await leak('12%', 'Acme said its share stood at 12\u066A last quarter.', '12\u066A')).toMatchObject({ inFile: false, previewBlocks: true, exportRefuses: true });
  });
  // A short name is also searched split between its letters, as whole words ("x ai", "i b m"): match-text.ts splitShort.
  it('flagged “xAI”, printed “x.AI” (as the company writes itself): refused', async () => {
    expect(await leak('xAI', 'x.AI will present its acquisition plans.', 'x.AI')).toMatchObject({ inFile: false, previewBlocks: true, exportRefuses: true });
  });
});

describe('the rules, for any figure (the matcher the preview and the check share)', () => {
  const found = (flagged: string, printed: string) => new PassageMatcher([{ id: 'p', text: flagged }]).search(normaliseForMatch(printed)).length > 0;
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${min - 1},${max - 1}}$`));
  const sign = fc.constantFrom('€', '$', '£', '¥', '₹');
  const mark = fc.constantFrom('.', ',');

  it('a flagged figure with its sign is never found inside a longer figure with a decimal part', () => {
    fc.assert(
      fc.property(digits(1, 3), digits(1, 3), sign, mark, (whole, part, s, m) => {
        expect(found(`${part}%`, `Inflation was ${whole}${m}${part}% last year.`)).toBe(false);
        expect(found(`${whole}%`, `The error rate was 0${m}${whole}% in the pilot.`)).toBe(false);
        expect(found(`${s}${whole}`, `The programme is worth ${s}${whole}${m}${part} billion.`)).toBe(false);
        expect(found(`${s}${whole}`, `The programme is worth ${s} ${whole}${m}${part} billion.`)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a flagged figure with a currency sign is found with or without a space between sign and number', () => {
    fc.assert(
      fc.property(digits(1, 4), sign, fc.constantFrom('', ' ', '\u00a0', '\u202f'), fc.constantFrom('', 'US', 'C'), (n, s, space, before) => {
        expect(found(`${s}${n}`, `Acme will charge ${before}${s}${space}${n} per licence.`)).toBe(true);
        expect(found(`${s} ${n}`, `Acme will charge ${s}${space}${n} per licence.`)).toBe(true);
        expect(found(`${s}${n}m`, `Acme offered ${before}${s}${space}${n}m for the dataset.`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a flagged share is found with the Arabic percent sign, and with a space before the sign', () => {
    fc.assert(
      fc.property(digits(1, 3), fc.constantFrom('%', ' %', '\u066A', ' \u066A', '\uFF05'), (n, pct) => {
        expect(found(`${n}%`, `Its share stood at ${n}${pct} last quarter.`)).toBe(true);
      }),
    );
  });

  it('a flagged figure with a decimal part is found with a point or a comma, alone and in a long passage', () => {
    fc.assert(
      fc.property(digits(1, 3), digits(1, 2), mark, mark, (whole, part, m1, m2) => {
        expect(found(`${whole}${m1}${part}%`, `It rose by ${whole}${m2}${part} % in 2026.`)).toBe(true);
        const long = `The board agreed to a budget of €${whole}${m1}${part} million for the new programme in Brussels`;
        expect(found(long, long.replace(`${whole}${m1}${part}`, `${whole}${m2}${part}`))).toBe(true);
        // An 8-word window and a 40-character window of it.
        expect(found(long, `Noted: a budget of €${whole}${m2}${part} million for the new.`)).toBe(true);
        expect(found(long, `Noted: budgetof€${whole}${m2}${part}millionforthenewprogramme in Brussels.`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a flagged figure with a decimal part is not found as the figure without it (another number)', () => {
    fc.assert(
      fc.property(digits(1, 3), digits(1, 2), sign, mark, (a, b, s, m) => {
        const moved = `${a.slice(0, -1)}${a.length > 1 ? '.' : '0.'}${a.slice(-1)}${b}`;
        expect(found(`${a}${m}${b}%`, `Inflation of ${moved}% was assumed.`)).toBe(false);
        expect(found(`${a}${m}${b}%`, `Inflation of ${a}${b}% was assumed.`)).toBe(false);
        expect(found(`${s}${a}${m}${b} million`, `The line rose to ${s}${a}${b} million.`)).toBe(false);
        expect(found(`${s}${a}${m}${b} million for the new programme`, `The line rose to ${s}${a}${b} million for the new programme.`)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('digits flagged in groups are found with the groups run together (a telephone or file number)', () => {
    fc.assert(
      fc.property(fc.array(digits(2, 3), { minLength: 2, maxLength: 4 }), (groups) => {
        expect(found(groups.join(' '), `Call ${groups.join('')} after the meeting.`)).toBe(true);
        expect(found(groups.join(' '), `Call ${groups.join('-')} after the meeting.`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('digit groups separated by a point, a comma, a space or a slash are found in either form', () => {
    const pairs: Array<[flagged: string, printed: string]> = [
      ['€12,500', 'It cost €12 500 in all.'],
      ['€12 500', 'It cost €12,500 in all.'],
      ['€12,500', 'It cost €12500 in all.'],
      ['12.03.2026', 'Signed on 12/03/2026 in Brussels.'],
      ['12/03/2026', 'Signed on 12.03.2026 in Brussels.'],
      ['1,250,000 users', 'It reached 1 250 000 users.'],
      // The international prefix written "00" is no longer number: the flagged telephone number is in it.
      ['+32 2 123 45 67', 'Call 0032 2 123 45 67 after the meeting.'],
      ['+32 470 12 34 56', 'Her mobile: 0032470123456.'],
      // Leading zeros do not make another number: a file or account number written with them is the same one.
      ['44712290', 'Reference 044712290 in the file.'],
    ];
    for (const [flagged, printed] of pairs) expect(found(flagged, printed), `${flagged} / ${printed}`).toBe(true);
  });

  it('digits before a flagged number make another number, but for leading zeros alone', () => {
    for (const printed of ['Reference 1044712290 in the file.', 'Reference 0.044712290 in the file.', 'Reference 10044712290 in the file.'])
      expect(found('44712290', printed), printed).toBe(false);
  });

  it('a three-letter word is searched when written as an acronym or a mixed-case name, not as an ordinary word', () => {
    const word = fc.stringMatching(/^[a-z]{3}$/);
    fc.assert(
      fc.property(word, (w) => {
        const capitalised = w[0]!.toUpperCase() + w.slice(1);
        expect(found(capitalised, `The meeting in ${capitalised} went on.`)).toBe(false);
        expect(found(w, `The meeting in ${w} went on.`)).toBe(false);
        expect(found(w.toUpperCase(), `The meeting in ${capitalised} went on.`)).toBe(true);
        const mixed = w[0] + w.slice(1).toUpperCase();
        expect(found(mixed, `Talks with ${mixed} went on.`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
