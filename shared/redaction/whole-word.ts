/**
 * How the redaction check reads a short passage: as a whole word. Apart from match-text.ts so that the flag states
 * (flag-state.ts, loaded with the minutes page) read short passages the same way without the look-alike table.
 */

/** Shorter passages match only as whole words (so "AI" is not found inside "said"). */
export const SHORT_PASSAGE = 8;

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) or with particles
 * joined to the word (Korean): a word of these has no space to mark its edge, so a short passage is whole on a side
 * where its own edge is a letter of these, whatever touches it (an audit found a 7-character Chinese passage published
 * when it stood inside a sentence, 2026-12-04). An edge in another script keeps its boundary: no letter or digit of
 * any script may touch it ("qzxvj" is not found in "qzxvj丁玟婉").
 */
const UNSPACED_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Hangul}]/u;

/**
 * A letter or digit: only such an edge of a passage needs a word boundary. An edge that is a sign ("$" of "$5m", "%" of
 * "12%") is its own edge: "$5m" is found in "US$5m".
 */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Which edges of a short passage must stand at a word boundary: those that are a letter or a digit, and not a letter
 * of UNSPACED_CHAR.
 */
export function boundedEdges(norm: string): { start: boolean; end: boolean } {
  const chars = [...norm];
  const bounded = (c: string) => WORD_CHAR.test(c) && !UNSPACED_CHAR.test(c);
  return { start: bounded(chars[0] ?? ''), end: bounded(chars[chars.length - 1] ?? '') };
}

/**
 * The regular expression of a short passage as a whole word (see UNSPACED_CHAR). A decimal point between two digits is
 * inside a number (shared/text/fold.ts reads "12,5" and "12.5" as "12.5"), so a digit edge is no word edge next to
 * it: "5%" is not found in "12.5%", nor "€5" in "€5.5".
 */
export function wholeWord(norm: string): RegExp {
  const { start, end } = boundedEdges(norm);
  return new RegExp(`${start ? '(?<![\\p{L}\\p{N}]|\\p{N}\\.)' : ''}${escapeRe(norm)}${end ? '(?![\\p{L}\\p{N}]|\\.\\p{N})' : ''}`, 'u');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
