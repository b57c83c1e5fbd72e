import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abbreviates, aliasForms } from '../../shared/redaction/alias-forms';
import { normaliseForMatch, PassageMatcher } from '../../shared/redaction/match-text';

/** Other names of what a flagged passage names (shared/redaction/alias-forms.ts). */
describe('aliasForms', () => {
  it('gives the abbreviation a name defines in brackets, and the name for an abbreviation defined so', () => {
    expect(aliasForms('Northfield Analytics (NFA)')).toEqual(['NFA', 'Northfield Analytics']);
    expect(aliasForms('the European Compute Alliance (ECA)')).toEqual(['ECA', 'the European Compute Alliance']);
    expect(aliasForms('NFA (Northfield Analytics)')).toEqual(['NFA', 'Northfield Analytics']);
    expect(aliasForms('Gesellschaft für Modellsicherheit (GfM)')).toEqual(['GfM', 'Gesellschaft für Modellsicherheit']);
  });

  it('never gives an abbreviation that is also an everyday word (it would stop every text with the word); the name still', () => {
    expect(aliasForms('World Health Organisation (WHO)')).toEqual(['World Health Organisation']);
    expect(aliasForms('Advanced Neural Dynamics (AND)')).toEqual(['Advanced Neural Dynamics']);
  });

  it('gives nothing for brackets that are not an abbreviation of what they follow', () => {
    for (const text of ['Jane Roe (NFA)', 'Northfield Analytics (UK)', 'Northfield Analytics (in confidence)', 'Northfield (N)', 'Northfield Analytics (NFA) will present in May', '(NFA)', 'NFA'])
      expect([text, aliasForms(text)]).toEqual([text, []]);
  });

  it('gives each address of the passage without its scheme or "www."', () => {
    expect(aliasForms('https://dataroom.northfield.eu/deal')).toEqual(['dataroom.northfield.eu/deal']);
    expect(aliasForms('the plan at https://www.northfield.eu/plans/2027.')).toEqual(['northfield.eu/plans/2027']);
    expect(aliasForms('see www.northfield.eu/plans and http://x.example/a')).toEqual(['northfield.eu/plans', 'x.example/a']);
    // Too short to search alone: nothing.
    expect(aliasForms('https://x.eu')).toEqual([]);
  });

  it('abbreviates: each letter in order, the first at a word start (Schwartz and Hearst)', () => {
    expect(abbreviates('NFA', 'Northfield Analytics')).toBe(true);
    expect(abbreviates('ECA', 'the European Compute Alliance')).toBe(true);
    expect(abbreviates('UK', 'Northfield Analytics')).toBe(false);
    expect(abbreviates('NFB', 'Northfield Analytics')).toBe(false);
    expect(abbreviates('AN', 'Northfield Analytics')).toBe(false); // not in order
    expect(abbreviates('FA', 'Northfield Analytics')).toBe(false); // the first letter is not at a word start
  });

  it("any name's initials are an abbreviation of it, and the matcher finds them once defined (property)", () => {
    // Initials without vowels: never an everyday word, which is not given alone (tested above).
    const word = fc.stringMatching(/^[BCDFGHJKLMNPQRSTVWXZ][a-z]{3,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 3, maxLength: 5 }), (words) => {
        const name = words.join(' ');
        const short = words.map((w) => w[0]).join('');
        expect(abbreviates(short, name)).toBe(true);
        const matcher = new PassageMatcher([{ id: 'p', text: `${name} (${short})` }]);
        expect(matcher.search(normaliseForMatch(`Members heard the ${short} on its plans.`)).length).toBeGreaterThan(0);
      }),
    );
  });
});
