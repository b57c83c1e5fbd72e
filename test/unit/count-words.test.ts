import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../renderer/editor/meta';

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const byMatch = (text: string) => text.match(WORD)?.length ?? 0;

describe('countWords (the word count under each section)', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ["The Chair's note: co-operation, e.g. 3.5 million — twice.", 8],
    ['Élise Dupont (Северсталь) 東京 2026', 5],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it('counts as many words as matching the pattern through the text does, for any text, call after call', () => {
    const piece = fc.constantFrom('a', 'é', 'Ж', '東', '7', ' ', '.', '-', "'", '’', ',', '\n', '🙂', 'x1');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), { minLength: 1, maxLength: 4 }), (texts) => {
        for (const t of texts) expect(countWords(t)).toBe(byMatch(t));
      }),
      { numRuns: 500 },
    );
  });
});
