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

describe('figureForms: cents, fractions, German and French scales, words (an audit, 2026-12-08)', () => {
  it('writes an amount with cents or a trailing zero, and reads one written so without them', () => {
    expect(forms('€500,000')).toEqual(expect.arrayContaining(['€500.000.00', 'eur 500.000.00', '500.000.00€']));
    expect(forms('€500,000.00')).toEqual(expect.arrayContaining(['€500.000', 'eur 500k', '500 thousand euros']));
    expect(forms('€2.5 billion')).toEqual(expect.arrayContaining(['€2.50 billion', 'eur 2.50bn', '2.50 billion euros']));
    expect(forms('€2.50 billion')).toEqual(expect.arrayContaining(['€2.5bn', 'eur 2.5 billion', '€2.500 million', '€2.50bn']));
    expect(forms('€12.0 million')).toEqual(expect.arrayContaining(['€12 million', 'eur 12m']));
    expect(forms('12.50%')).toEqual(expect.arrayContaining(['12.5%', '12.5 per cent']));
  });

  it('reads a fraction sign as its decimal (reading does), and not a range', () => {
    expect(['€1½ million', '€1 ½ million', '€2¼ billion', '3¾%', '1\u00a0½'].map(normaliseForMatch)).toEqual(['€1.5 million', '€1.5 million', '€2.25 billion', '3.75%', '1.5']);
    expect(forms('€1½ million')).toEqual(expect.arrayContaining(['eur 1.5m', '€1.500.000']));
    expect(forms('€3¾ million')).toEqual(expect.arrayContaining(['3.75 million euros']));
    expect(forms('1½%')).toEqual(expect.arrayContaining(['1.5 per cent']));
    // Not after a number: as before ("½ million" reads "1 2 million").
    expect(normaliseForMatch('½ million')).toBe('1 2 million');
    for (const range of ['€1-2 million', '€3-4 million', '€1–4 million']) for (const f of forms(range)) expect(f, range).not.toMatch(/0\.5|0\.25|0\.75/);
  });

  it('writes the scale in German and French with the currency after it, and reads them', () => {
    expect(forms('€480 million')).toEqual(expect.arrayContaining(['480 millionen euro', '480 millions d euros', '480 millions€', '480 mio€', '480 millionen€']));
    expect(forms('€1.2 billion')).toEqual(expect.arrayContaining(['1.2 milliarden euro', '1.2 milliard d euros', '1.2 milliards d euros']));
    expect(forms('$480 million')).toEqual(expect.arrayContaining(['480 millionen us dollar', '480 millions de dollars']));
    expect(forms('480 Millionen Euro')).toEqual(expect.arrayContaining(['€480 million', 'eur 480m', '480 millions d euros']));
    expect(forms('480 Mio. €')).toEqual(expect.arrayContaining(['€480 million', 'eur 480m']));
    expect(forms('480 millions d’euros')).toEqual(expect.arrayContaining(['€480 million']));
    expect(forms('1,2 milliard d’euros')).toEqual(expect.arrayContaining(['€1.2 billion', '€1.2bn']));
    // Never another currency, nor the German "Billion" (a million millions).
    const all = forms('€480 million').join(' | ');
    for (const other of ['dollar', 'pfund', 'livres', 'francs', 'billionen']) expect(all, other).not.toContain(other);
  });

  it('reads a figure written in words before a scale or "per cent" as digits', () => {
    expect(forms('three million euros')).toEqual(expect.arrayContaining(['€3 million', '€3m', 'eur 3.000.000']));
    expect(forms('twelve per cent')).toEqual(expect.arrayContaining(['12%', '12 percent']));
    expect(forms('one hundred million dollars')).toEqual(expect.arrayContaining(['$100m']));
    expect(forms('twenty-five million euros')).toEqual(expect.arrayContaining(['€25m', 'eur 25.000.000']));
    expect(forms('three m euros').join(' | ')).not.toContain('€3');
    expect(forms('12%')).toEqual(expect.arrayContaining(['twelve per cent']));
    const all = forms('three million euros').join(' | ');
    for (const other of ['30', '13', '$', '3 billion']) expect(all, other).not.toContain(other);
    // A number word without a scale or a share is any word.
    for (const text of ['three euros', 'one of the members', 'the seventeen members']) expect(forms(text), text).toEqual([]);
  });

  it('keeps the forms of a figure bounded (the matcher indexes each)', () => {
    for (const text of ['€480 million', '€2.5 billion', '$2.5bn', '€500,000', '480 Millionen Euro', '€1½ million']) expect(forms(text).length, text).toBeLessThanOrEqual(150);
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

  it('an amount is found with a trailing zero and without, and another amount is not (property)', () => {
    fc.assert(
      fc.property(whole, fc.integer({ min: 1, max: 9 }), money, scale, (n, d, c, s) => {
        expect(found(`${c.sign}${n}.${d} ${s.word}`, `Acme raised ${c.sign}${n}.${d}0 ${s.word}.`)).toBe(true);
        expect(found(`${c.sign}${n}.${d}0 ${s.word}`, `Acme raised ${c.code} ${n}.${d}${s.short}.`)).toBe(true);
        expect(found(`${c.sign}${n}.${d} ${s.word}`, `Acme raised ${c.sign}${n}.${d}5 ${s.word}.`)).toBe(false);
        expect(found(`${c.sign}${n}.${d} ${s.word}`, `Acme raised ${c.sign}${n}${d}0 ${s.word}.`)).toBe(false);
        expect(found(`${c.sign}${n}.${d}0 ${s.word}`, `Acme raised ${c.sign}${n}.${d}5 ${s.word}.`)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('an amount is found with its scale in German or French, and another amount or currency is not (property)', () => {
    const abroad = fc.constantFrom(
      { zeros: 6, en: 'million', written: (n: string) => [`${n} Millionen Euro`, `${n} Mio. Euro`, `${n} Mio. €`, `${n} millions d’euros`, `${n} millions €`] },
      { zeros: 9, en: 'billion', written: (n: string) => [`${n} Milliarden Euro`, `${n} Mrd. €`, `${n} milliards d’euros`, `${n} milliard d’euros`] },
    );
    fc.assert(
      fc.property(whole, fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), abroad, (n, d, s) => {
        const en = d === undefined ? `${n}` : `${n}.${d}`;
        const de = d === undefined ? `${n}` : `${n},${d}`;
        for (const printed of s.written(de)) {
          expect(found(`€${en} ${s.en}`, `Acme investiert ${printed} in das Cluster.`), printed).toBe(true);
          expect(found(printed, `Acme will invest €${en} ${s.en} in the cluster.`), printed).toBe(true);
          expect(found(`€${en} ${s.en}`, `Acme investiert ${printed.replace(/euro|€/i, 'Dollar')} in das Cluster.`), printed).toBe(false);
          expect(found(`€${n + 1} ${s.en}`, `Acme investiert ${printed} in das Cluster.`), printed).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
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
