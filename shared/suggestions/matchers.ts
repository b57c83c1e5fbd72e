/**
 * Building blocks for the matchers: literal alternations with whole-word edges. Every matcher runs on the folded
 * text lowered once (lowerSameLength), without the i flag: case-insensitive Unicode matching is several times
 * slower in V8, and the lexicon is written in lower case anyway. Every pattern built here is a flat
 * alternation of literals (with "one or more spaces or hyphens" between words), so matching is linear in the text
 * times the number of alternatives, with no nested quantifiers to backtrack through.
 */
import { foldString } from './fold';

const ESCAPE = /[.*+?^${}()|[\]\\/-]/g;
/** Not a letter or digit on either side: "Google's" matches Google, "Googleplex" does not. */
export const WORD_START = '(?<![\\p{L}\\p{N}_])';
export const WORD_END = '(?![\\p{L}\\p{N}_])';

/** A literal phrase as a pattern: diacritics folded, regex characters escaped, runs of spaces/hyphens flexible. */
export function literalPattern(phrase: string): string {
  const words = foldString(phrase)
    .toLowerCase()
    .trim()
    .split(/[\s-]+/u)
    .filter((w) => w.length > 0);
  return words.map((w) => w.replace(ESCAPE, '\\$&')).join('[\\s\\-]+');
}

/**
 * A whole-word regex over alternatives. When every alternative starts with an ASCII word character (the usual
 * case: the text is folded), the start edge is `\b`, which the regex engine scans for much faster than a
 * lookbehind at every position; `wordRegex` users then drop matches glued to a non-ASCII letter (isGlued).
 */
export function wordRegex(alternatives: readonly string[], asciiStart = alternatives.every((a) => /^[A-Za-z0-9_]/.test(a))): RegExp {
  return new RegExp(`${asciiStart ? '\\b' : WORD_START}(?:${alternatives.join('|')})${WORD_END}`, 'gu');
}

/** Whether a match at `index` follows a letter or digit (a non-ASCII one that `\b` did not see). */
export function isGlued(text: string, index: number): boolean {
  return index > 0 && /[\p{L}\p{N}_]/u.test(text[index - 1]!);
}

/** All whole-word matches of a wordRegex. */
export function* wordMatches(text: string, re: RegExp): Generator<RegExpExecArray> {
  for (const m of text.matchAll(re)) if (!isGlued(text, m.index)) yield m;
}

/** One regex matching any of the phrases as whole words, longest first; null when there is nothing to match. */
export function alternation(phrases: readonly string[]): RegExp | null {
  const patterns = [...new Set(phrases.map(literalPattern).filter((p) => p.length > 0))];
  if (patterns.length === 0) return null;
  patterns.sort((a, b) => b.length - a.length);
  return wordRegex(patterns);
}

/** A lookup key for a matched phrase: folded, lower case, single spaces. */
export function phraseKey(s: string): string {
  return foldString(s).toLowerCase().replace(/[\s-]+/gu, ' ').trim();
}
