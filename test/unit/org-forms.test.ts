import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForMatch, PassageMatcher } from '../../shared/redaction/match-text';
import { orgForms } from '../../shared/redaction/org-forms';

/** A flagged company is also searched without its legal form, a project by its code name (shared/redaction/org-forms.ts). */
const found = (flagged: string, printed: string) => new PassageMatcher([{ id: 'p', text: flagged }]).search(normaliseForMatch(printed)).length > 0;

describe('orgForms', () => {
  it('drops the legal form after a company name, with its comma', () => {
    expect(orgForms('Northfield Analytics Ltd')).toEqual(['Northfield Analytics']);
    expect(orgForms('Zephyr Labs, Inc.')).toEqual(['Zephyr Labs']);
    expect(orgForms('Gamma Vision S.p.A.')).toEqual(['Gamma Vision']);
    expect(orgForms('Acme GmbH & Co. KG')).toEqual(['Acme']);
    expect(orgForms('Beta Robotics plans to acquire Northfield Analytics Ltd')).toEqual(['Beta Robotics plans to acquire Northfield Analytics']);
  });

  it('gives a code name alone, from a passage that is only the code name', () => {
    expect(orgForms('Project Nightingale')).toEqual(['Nightingale']);
    expect(orgForms('the Operation Blue Heron')).toEqual(['Blue Heron']);
    expect(orgForms('codename “Falcon”')).toEqual(['Falcon']);
  });

  it('gives nothing for a legal form that is not after a company name, in lower case, or a keyword in a sentence', () => {
    for (const text of ['Members discussed GmbH law', 'the agenda sa', 'Acme', 'Ltd', 'the project manager', 'Project Manager Jane Roe said so', 'Acme Holdings of Delaware', ''])
      expect(orgForms(text), text).toEqual([]);
  });

  it('reads the word before a legal form up to 40 characters back (a flag of 50,000 characters without a space took seconds)', () => {
    expect(orgForms(`Z${'y'.repeat(39)} Ltd`)).toEqual([`Z${'y'.repeat(39)}`]);
    expect(orgForms(`Z${'y'.repeat(60)} Ltd`)).toEqual([]);
    expect(orgForms(`A${'b'.repeat(50_000)}`)).toEqual([]);
  });

  it('any company name with any legal form is found without it, and another name is not (property)', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{3,9}$/);
    const form = fc.constantFrom('Ltd', 'Ltd.', 'GmbH', 'AG', 'SA', 'S.A.', 'SAS', 'Inc.', ', Inc.', 'LLC', 'B.V.', 'plc', 'S.p.A.', 'SE', 'Oy', 'AB');
    fc.assert(
      fc.property(word, word, form, (a, b, f) => {
        const flagged = `${a} ${b}${f.startsWith(',') ? f : ` ${f}`}`;
        expect(found(flagged, `${a} ${b} presented its plans.`), flagged).toBe(true);
        expect(found(flagged, `${a} Kreuzberg presented its plans.`), flagged).toBe(b === 'Kreuzberg');
      }),
      { numRuns: 200 },
    );
  });
});
