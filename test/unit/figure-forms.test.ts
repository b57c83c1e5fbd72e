import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureForms } from '../../shared/redaction/figure-forms';
import { normaliseForMatch, PassageMatcher } from '../../shared/redaction/match-text';

/** A flagged figure is also searched in the other ways of writing it (shared/redaction/figure-forms.ts). */
const found = (flagged: string, printed: string) => new PassageMatcher([{ id: 'p', text: flagged }]).search(normaliseForMatch(printed)).length > 0;
const forms = (flagged: string) => figureForms(normaliseForMatch(flagged));

describe('figureForms', () => {
  it('writes the currency as a sign, a code or a word, and the scale in words, abbreviated and in digits', () => {
    expect(forms('€12 million')).toEqual(expect.arrayContaining(['eur 12 million', '12 million euros', '€12m', '€12 mn', 'eur12m', '12m eur', '€12.000.000', '12.000.000€']));
    expect(forms('€12,000,000')).toEqual(expect.arrayContaining(['€12 million', 'eur 12m', '12 million euros']));
    expect(forms('12 000 000 €')).toEqual(expect.arrayContaining(['€12 million']));
    expect(forms('US$2.5bn')).toEqual(expect.arrayContaining(['usd 2.5 billion', '$2.5 billion', '$2.500.000.000']));
    expect(forms('12.5%')).toEqual(expect.arrayContaining(['12.5 per cent', '12.5 percent']));
    expect(forms('12.5 per cent')).toEqual(expect.arrayContaining(['12.5%']));
    // In a passage: the rest of it kept, each figure on its own.
    expect(forms('a budget of €40 million and 12% of the cluster')).toEqual(
      expect.arrayContaining(['a budget of eur 40m and 12% of the cluster', 'a budget of €40 million and 12 per cent of the cluster']),
    );
  });

  it('in a long passage, keeps the words of every window around the figure, not the whole passage', () => {
    const long = 'In confidence the provider told members that the compute budget of its next frontier model will be €40 million in the coming year and that it asked the secretariat to keep this out of every public document';
    const near = forms(long).find((f) => f.includes('eur 40m'))!;
    expect(near).toBeDefined();
    // Whole: the words far from the figure are in the passage as flagged, whose own windows find them.
    expect(near.startsWith('in confidence')).toBe(true);
    const snippets = figureForms(normaliseForMatch(long), 7);
    expect(snippets).toContain('of its next frontier model will be eur 40m in the coming year and that it'); // 7 words each side
    // Found by the matcher: a copy of a few words around the figure, the figure written another way.
    expect(found(long, 'Members heard that the next frontier model will be EUR 40m in the coming year.')).toBe(true);
    expect(found(long, 'Members heard that the next frontier model will be EUR 41m in the coming year.')).toBe(false);
  });

  it('gives nothing for a number without currency, scale or percent, nor for words alone', () => {
    for (const text of ['12', 'item 2.1 at 10:00', 'the members', '12.03.2026', 'call 32 123 45 67', 'eur', 'million']) expect(forms(text), text).toEqual([]);
  });

  it('never gives another amount or another currency', () => {
    const all = forms('€12 million').join(' | ');
    for (const other of ['120', '1.2 ', '$', 'usd', 'dollars', '£']) expect(all, other).not.toContain(other);
  });
});

describe('the matcher, for any amount (properties)', () => {
  const whole = fc.integer({ min: 1, max: 999 });
  const money = fc.constantFrom(
    { sign: '€', code: 'EUR', word: 'euros' },
    { sign: '$', code: 'USD', word: 'dollars' },
    { sign: '£', code: 'GBP', word: 'pounds' },
  );
  const scale = fc.constantFrom(
    { word: 'million', short: 'm', zeros: 6 },
    { word: 'billion', short: 'bn', zeros: 9 },
  );

  it('a flagged amount is found written with the other sign, code, word or scale', () => {
    fc.assert(
      fc.property(whole, money, scale, fc.integer({ min: 0, max: 6 }), (n, c, s, how) => {
        const flagged = `${c.sign}${n} ${s.word}`;
        const printed = [
          `${c.code} ${n} ${s.word}`,
          `${n} ${s.word} ${c.word}`,
          `${c.sign}${n}${s.short}`,
          `${c.code} ${n}${s.short}`,
          `${c.sign}${(BigInt(n) * 10n ** BigInt(s.zeros)).toLocaleString('en-GB')}`,
          `${n} ${s.word} ${c.code}`,
          `${c.sign} ${n} ${s.word}`,
        ][how]!;
        expect(found(flagged, `Acme will invest ${printed} in the cluster.`), printed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('another amount, another scale or another currency is not found', () => {
    fc.assert(
      fc.property(whole, whole, money, money, scale, (a, b, c, d, s) => {
        fc.pre(a !== b);
        const flagged = `${c.sign}${a} ${s.word}`;
        expect(found(flagged, `Acme will invest ${c.code} ${b} ${s.word} in the cluster.`)).toBe(false);
        expect(found(flagged, `Acme will invest ${b}${s.short} ${c.word} in the cluster.`)).toBe(false);
        expect(found(flagged, `Acme will invest ${c.sign}${a}.5${s.short} in the cluster.`)).toBe(false);
        if (c.code !== d.code) expect(found(flagged, `Acme will invest ${d.code} ${a} ${s.word} in the cluster.`)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('an amount with a fraction is found at the scale below, and at the scale above with at most two decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 }), (n, d) => {
        const fraction = `${n}.${String(d).padStart(2, '0')}`.replace(/0$/, '');
        const thousands = String(n * 1000 + d * 10);
        const commas = thousands.replace(/\B(?=(\d{3})+$)/g, ',');
        expect(found(`€${fraction} billion`, `Acme raised €${commas} million.`)).toBe(true);
        expect(found(`€${commas} million`, `Acme raised €${fraction} billion.`)).toBe(true);
        expect(found(`€${fraction} billion`, `Acme raised €${String(n * 1000 + d * 10 + 1).replace(/\B(?=(\d{3})+$)/g, ',')} million.`)).toBe(false);
      }),
    );
  });

  it('a flagged amount is not found as the end or the start of a longer number', () => {
    for (const printed of ['EUR 98 million', '98 million euros', '€98,000,000', '98m euros', 'EUR 98m', '€ 8.5 million', '8.5 million euros', '€8 000 000 000'])
      expect(found('€8 million', `Acme will invest ${printed} in the cluster.`), printed).toBe(false);
    for (const printed of ['112.5 per cent', '12.55%', '2.5 per cent']) expect(found('12.5%', `Its share stood at ${printed}.`), printed).toBe(false);
  });

  it('a flagged share is found in words, and another share is not', () => {
    fc.assert(
      fc.property(whole, fc.integer({ min: 1, max: 9 }), fc.constantFrom('per cent', 'percent', 'pc'), (n, d, w) => {
        expect(found(`${n}.${d}%`, `Its share stood at ${n}.${d} ${w} last year.`)).toBe(true);
        expect(found(`${n}.${d} ${w}`, `Its share stood at ${n},${d}% last year.`)).toBe(true);
        expect(found(`${n}.${d}%`, `Its share stood at ${n}${d} ${w} last year.`)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
