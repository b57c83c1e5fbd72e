import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContext, suggest, withDismissed } from '../../shared/suggestions';
import { CORPUS_CONTEXT, TUNING_CORPUS } from '../fixtures/suggestions-corpus';

/**
 * For any text: every suggestion lies inside the text, its `text` is exactly the slice it names, it does not cut a
 * surrogate pair, and the list is sorted and non-overlapping. Inputs mix the words the rules look for with
 * arbitrary Unicode (emoji, combining marks, lone surrogates, line breaks), so that the rules actually fire.
 */
const RUNS = Number(process.env.FC_RUNS ?? 1000);
const compiled = compileContext(CORPUS_CONTEXT);

const pieces = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(
    'Mistral AI', 'mistral', 'Google', 'OpenAI', 'AI Office', 'Sarah Okafor', 'Ms Okafor', 'Maria Fernández', 'Helix-3',
    'Project Lighthouse', 'confidential', 'under NDA', 'off the record', 'plans', 'launch', 'revenue', 'Q3 2026', '€30 million',
    '35%', '10^26', 'next quarter', '30 January 2026', 'May', 'item 3.2', 'Article 53(1)', 'e.g.', 'i.e.', 'Art.', 'No.', '3.5',
    'jonas.weber@example.org', '+32 2 299 11 11', '(02) 299 11 11', '.', '. ', '? ', '! ', ';', ', ', ' ', '\n', '\t', '\u00A0',
    '👍🏽', '❤️', '🇪🇺', 'e\u0301', '\u0301', '\u200B', '\u00AD', 'İ', 'ß', 'Æ', '“', '”', '@', '+', '(', ')', '0', '2027',
  ) },
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);
const texts = fc.array(pieces, { maxLength: 60 }).map((p) => p.join(''));

function isHighSurrogate(c: number) {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number) {
  return c >= 0xdc00 && c <= 0xdfff;
}

function checkInvariants(text: string) {
  const found = suggest(text, compiled);
  let lastEnd = 0;
  for (const s of found) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.start).toBeLessThan(s.end);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.start).toBeGreaterThanOrEqual(lastEnd); // sorted, non-overlapping
    lastEnd = s.end;
    // never between the halves of a surrogate pair
    expect(isHighSurrogate(text.charCodeAt(s.start - 1)) && isLowSurrogate(text.charCodeAt(s.start))).toBe(false);
    expect(isHighSurrogate(text.charCodeAt(s.end - 1)) && isLowSurrogate(text.charCodeAt(s.end))).toBe(false);
    expect(s.kinds[0]).toBe(s.kind);
    expect(s.reason.length).toBeGreaterThan(0);
  }
  return found;
}

describe('suggestions: properties', () => {
  it('every suggestion is a valid, exact, sorted, non-overlapping span of the text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        checkInvariants(text);
      }),
      { numRuns: RUNS, verbose: true },
    );
  });

  it('holds on whole minutes made of corpus sentences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TUNING_CORPUS.map((e) => e.text)), { maxLength: 30 }), fc.constantFrom(' ', '\n', '  ', ' 👍 '), (sentences, sep) => {
        checkInvariants(sentences.join(sep));
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 5)), verbose: true },
    );
  });

  it('dismissing every suggestion of a text leaves none of them', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const found = suggest(text, compiled);
        const after = suggest(text, withDismissed(compiled, found.map((s) => s.text)));
        for (const s of after) expect(found.some((f) => f.text === s.text)).toBe(false);
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 5)), verbose: true },
    );
  });
});
