/**
 * How a list item is labelled at each depth of a list, in the published file (the DOCX numbering, export/style.ts) and
 * in its live preview (features/preview): one source, so "see point 1(a)" in the minutes means the same item in both.
 * Depths past the last level (8, as in Word) are labelled as the last.
 */
export const LIST_LEVELS = 9;
const NUMBER_FORMATS = ['decimal', 'lowerLetter', 'lowerRoman'] as const;
const BULLETS = ['•', '◦', '▪'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

const level = (depth: number) => Math.max(0, Math.min(Math.trunc(depth), LIST_LEVELS - 1));

/** The numbering format of an ordered list at `depth`: 1., then a., then i., and again. */
export const numberFormatAt = (depth: number): NumberFormat => NUMBER_FORMATS[level(depth) % NUMBER_FORMATS.length]!;

/** The bullet of an unordered list at `depth`. */
export const bulletAt = (depth: number): string => BULLETS[level(depth) % BULLETS.length]!;

/** The label text of a numbered level, with the item's number in place of "%n" (Word's lvlText). */
export const numberTextAt = (depth: number): string => `%${level(depth) + 1}.`;

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/** Word's lowerLetter: a … z, then aa, bb … zz, then aaa … */
const letters = (n: number): string => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** The label of the `n`-th item (from 1) of a list at `depth`, as Word and LibreOffice print it. */
export function listLabel(ordered: boolean, depth: number, n: number): string {
  if (!ordered) return bulletAt(depth);
  const f = numberFormatAt(depth);
  const value = f === 'decimal' ? String(n) : f === 'lowerLetter' ? letters(n) : roman(n);
  return numberTextAt(depth).replace(/%\d/, value);
}
