import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForMatch, PassageMatcher } from '../../shared/redaction/match-text';
import { powerForms } from '../../shared/redaction/power-forms';

const found = (flagged: string, printed: string) => new PassageMatcher([{ id: 'p', text: flagged }]).search(normaliseForMatch(printed)).length > 0;

/** A flagged power of ten in the other ways of writing it (shared/redaction/power-forms.ts). */
describe('powerForms', () => {
  it('gives the same power of ten with ×, x, * or ^, in e-notation, and with a whole mantissa as n.0', () => {
    const forms = powerForms(normaliseForMatch('3×10^25 FLOP'));
    for (const f of ['3x10 25 flop', '3 x 10 25 flop', '3e25 flop', '3e 25 flop', '3.0 10 25 flop', '3.0e25 flop']) expect(forms).toContain(f);
    // A mantissa of one may be left out, and the other way.
    expect(powerForms(normaliseForMatch('1e26 FLOP'))).toContain('10 26 flop');
    expect(powerForms(normaliseForMatch('10^26 FLOP'))).toContain('1e26 flop');
  });

  it('gives nothing for a text without a power of ten', () => {
    for (const text of ['€12 million', 'the model ships in 2026', 'version 10', 'e25', 'size 3e', '10 2025']) expect([text, powerForms(normaliseForMatch(text))]).toEqual([text, []]);
  });

  it('any mantissa and exponent: found written each way, and another exponent or mantissa is not (property)', () => {
    const mantissa = fc.oneof(fc.integer({ min: 1, max: 9 }).map(String), fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`));
    const ways = (m: string, n: number) => [`${m}×10^${n}`, `${m}x10^${n}`, `${m} × 10^${n}`, `${m}e${n}`, `${m}E+${n}`, `${m}*10^${n}`];
    fc.assert(
      fc.property(mantissa, fc.integer({ min: 2, max: 40 }), fc.nat(5), fc.nat(5), (m, n, i, j) => {
        const flagged = `${ways(m, n)[i]!} FLOP`;
        expect(found(flagged, `trained with ${ways(m, n)[j]!} FLOP`)).toBe(true);
        expect(found(flagged, `trained with ${ways(m, n + 1)[j]!} FLOP`)).toBe(false);
        // Another mantissa: not found; but a flagged mantissa of one is also searched without it ("10^26"), which is
        // in "5×10^26" too (fail-closed, the cost of finding "1e26" written "10^26").
        if (m !== '1') expect(found(flagged, `trained with ${ways(`${m}1`, n)[j]!} FLOP`)).toBe(false);
      }),
    );
  });
});
