import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bm25, hitRanges, idf, rankCandidates, roundEstimate, termFrequency, tokens } from '../../shared/search/rank';

describe('search ranking (BM25 over candidates)', () => {
  it('tokenises as the index does: case and accents folded, punctuation separates', () => {
    expect(tokens('Café Müller, general-purpose AI (GPAI) — 2026!')).toEqual(['cafe', 'muller', 'general', 'purpose', 'ai', 'gpai', '2026']);
    expect(tokens('')).toEqual([]);
  });

  it('counts words, phrases (words in a row) and prefixes', () => {
    const w = tokens('The risk of the model; the Risk register and the risks.');
    expect(termFrequency(w, { words: ['the'], prefix: false })).toBe(4);
    expect(termFrequency(w, { words: ['risk'], prefix: false })).toBe(2);
    expect(termFrequency(w, { words: ['risk'], prefix: true })).toBe(3);
    expect(termFrequency(w, { words: ['the', 'risk'], prefix: false })).toBe(2);
    expect(termFrequency(w, { words: ['the', 'ris'], prefix: true })).toBe(3);
    expect(termFrequency(w, { words: ['risk', 'the'], prefix: false })).toBe(0);
  });

  it('weighs rare terms up and a term in nearly every passage to almost nothing, as FTS5 does', () => {
    expect(idf(1_000_000, 111)).toBeCloseTo(Math.log((1_000_000 - 111 + 0.5) / 111.5), 10);
    expect(idf(1_000_000, 950_000)).toBe(1e-6);
    const stats = { rows: 1000, avgLength: 6 };
    const rare = { words: ['quorum'], prefix: false, docFreq: 3 };
    // More occurrences, then a shorter passage, score higher.
    expect(bm25('quorum quorum', [rare], stats)).toBeGreaterThan(bm25('quorum', [rare], stats));
    expect(bm25('quorum reached', [rare], stats)).toBeGreaterThan(bm25('quorum reached after a long debate on procedure', [rare], stats));
    expect(bm25('nothing here', [rare], stats)).toBe(0);
  });

  it('ranks best first, newest first among equals, and returns at most the limit', () => {
    const terms = [{ words: ['the'], prefix: false, docFreq: 990 }];
    const stats = { rows: 1000, avgLength: 4 };
    const c = [
      { id: -9, text: 'the same' },
      { id: -8, text: 'the same' },
      { id: -7, text: 'the the' },
    ];
    expect(rankCandidates(c, terms, stats, 10)).toEqual([-7, -9, -8]);
    expect(rankCandidates(c, terms, stats, 1)).toEqual([-7]);
  });

  it('marks hits where FTS5 highlight() would: words, whole phrases, prefixes; accents folded; overlaps merged', () => {
    const text = 'Café Müller: the opt-out registry, and the opt-out  Registry again; registries.';
    const at = (r: Array<[number, number]>) => r.map(([a, b]) => text.slice(a, b));
    expect(at(hitRanges(text, [{ words: ['cafe'], prefix: false }, { words: ['muller'], prefix: false }]))).toEqual(['Café', 'Müller']);
    expect(at(hitRanges(text, [{ words: ['opt', 'out', 'registry'], prefix: false }]))).toEqual(['opt-out registry', 'opt-out  Registry']);
    expect(at(hitRanges(text, [{ words: ['regist'], prefix: true }]))).toEqual(['registry', 'Registry', 'registries']);
    expect(at(hitRanges(text, [{ words: ['out', 'registry'], prefix: false }, { words: ['opt', 'out'], prefix: false }]))).toEqual(['opt-out registry', 'opt-out  Registry']);
    expect(hitRanges(text, [{ words: ['absent'], prefix: false }])).toEqual([]);
  });

  it('shows an estimate with two significant digits', () => {
    expect(roundEstimate(950_252)).toBe(950_000);
    expect(roundEstimate(12_455)).toBe(12_000);
    expect(roundEstimate(1_442)).toBe(1_400);
    expect(roundEstimate(87)).toBe(87);
  });

  it('a term always counts in a passage made of it, whatever the text around it (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[a-zé]{1,8}$/), fc.string(), (before, word, after) => {
        const folded = tokens(word);
        const text = `${before} ${word} ${after}`;
        expect(termFrequency(tokens(text), { words: folded, prefix: false })).toBeGreaterThanOrEqual(1);
        expect(tokens(text).every((t) => t === t.toLowerCase() && /^[\p{L}\p{N}\p{Co}]+$/u.test(t))).toBe(true);
      }),
    );
  });
});
