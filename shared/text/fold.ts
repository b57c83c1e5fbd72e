/**
 * How the app reads text when it asks "does this text hold that passage": the redaction check of every public file
 * (shared/redaction/match-text.ts, which adds look-alike letters of other scripts on top) and the flag states
 * (shared/redaction/flag-state.ts) fold text the same way, so a copy the check would find keeps a flag in force.
 */

/**
 * Dropped before anything else: format characters (Cf: zero-width space and joiners, bidi controls, soft hyphen,
 * BOM…), every combining mark (M: accents, the combining grapheme joiner, variation selectors), and every default
 * ignorable code point (the Hangul fillers, and the unassigned ones such as U+2065 or the tag range U+E0000–E0FFF,
 * which \p{Cf} misses: an audit found "Night\u2065ingale" published past a flag). None is visible on its own, so
 * none may hide a passage.
 */
export const INVISIBLE_OR_MARK = /[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}]/gu;
/** The Arabic percent sign (U+066A) is a percent sign ("12٪" reads "12%"). Per mille "‰" is another unit: not mapped. */
const ARABIC_PERCENT = /\u066A/gu;
/**
 * A decimal mark (or a group separator) between two digits belongs to the number, and a comma reads as a point:
 * "12.5%" and "12,5 %" read "12.5%", so a flagged "5%" is not found in "12.5%" (nor "12%" in "0.12%", "€5" in
 * "€5.5 billion"). Anywhere else "." and "," separate words.
 */
const DECIMAL_MARK = /(?<=\p{N})[.,](?=\p{N})/gu;
/**
 * A percent sign after a number, with white space between or not ("12%", "12 %" as French typography spaces it),
 * belongs to it and reads "12%": a flagged share "12%" is then searched as such, and not as a bare "12", which every
 * date holds. Anywhere else "%" separates words as other signs do ("%20" in an address).
 */
const PERCENT_OF_NUMBER = /(?<=\p{N})\s*%/gu;
/**
 * A currency sign next to a number, with white space between or not, belongs to it: "€ 12" reads "€12", "12 €" reads
 * "12€", as the percent sign does. Applied once the separators are single spaces, so that reading twice reads the same
 * ("$!12" reads "$12" at once, not "$ 12" and then "$12").
 */
const CURRENCY_OF_NUMBER = /(?<=\p{Sc}) (?=\p{N})|(?<=\p{N}) (?=\p{Sc})/gu;
/**
 * Everything that is not a letter, a digit, a currency sign, a number's percent sign or a decimal point between two
 * digits separates words.
 */
const SEPARATORS = /(?:[^\p{L}\p{N}\p{Sc}%.]|(?<!\p{N})[%.]|\.(?!\p{N}))+/gu;

/**
 * "&" reads "and": a company's name is written either way ("Smith & Wesson", "Smith and Wesson"), and an audit found a
 * flagged one published in the other (2026-12-07).
 */
const AMPERSAND = /&/g;

/**
 * Words separated by single spaces (SEPARATORS); a decimal mark between digits reads "."; a percent or currency sign
 * is joined to its number; "&" reads "and".
 */
export function separateWords(s: string): string {
  return s
    .replace(AMPERSAND, ' and ')
    .replace(ARABIC_PERCENT, '%')
    .replace(DECIMAL_MARK, '.')
    .replace(PERCENT_OF_NUMBER, '%')
    .replace(SEPARATORS, ' ')
    .replace(CURRENCY_OF_NUMBER, '')
    .trim();
}

/** A decimal digit of another script (Arabic-Indic "٤", Persian "۴", Devanagari "४"…; NFKD leaves them as they are). */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;
/** The Arabic decimal separator and thousands separator, read as the point and comma they are. */
const ARABIC_SEPARATORS: Readonly<Record<string, string>> = { '\u066B': '.', '\u066C': ',' };

/** The value of a decimal digit of any script: Unicode gives each script's digits as a run of ten, zero first. */
function digitValue(c: string): string {
  const cp = c.codePointAt(0)!;
  let start = cp;
  while (start > 0 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((cp - start) % 10);
}

/**
 * Digits of every script as ASCII digits: a figure printed "€٤٨٠ million" is "€480 million" (an audit found it
 * published past a flagged "€480 million", 2026-12-07).
 */
export function asciiDigits(s: string): string {
  return s.replace(OTHER_DIGIT, digitValue).replace(/[\u066B\u066C]/g, (c) => ARABIC_SEPARATORS[c]!);
}

/**
 * A fraction sign after a number, joined or after a space, is its decimal part: "€1½ million" and "€1 ½ million" read
 * "€1.5 million" (an audit, 2026-12-07: decomposed, "1½" read "11 2", another amount, and a flagged "€1.5 million" went
 * out so). Only ½, ¼ and ¾, the ones figures are written with; read before decomposition, which makes "½" "1⁄2".
 */
const FRACTION_OF_NUMBER = /(?<=\p{Nd})[ \u00A0\u202F]?([\u00BC\u00BD\u00BE])/gu;
const FRACTION_DECIMAL: Readonly<Record<string, string>> = { '\u00BC': '.25', '\u00BD': '.5', '\u00BE': '.75' };
export const fractionsAsDecimals = (s: string): string => s.replace(FRACTION_OF_NUMBER, (_m, f: string) => FRACTION_DECIMAL[f]!);

/**
 * Compatibility-decomposed, without marks or invisibles, digits of every script as ASCII ones, in lower case with
 * full case mapping ("ß" → "ss"; lower case first so that "ẞ" becomes "ß" and then "ss"); a number's fraction sign as
 * its decimal part.
 */
export function lowerPlain(s: string): string {
  return asciiDigits(fractionsAsDecimals(s).normalize('NFKD').replace(INVISIBLE_OR_MARK, '')).toLowerCase().toUpperCase().toLowerCase().normalize('NFKD').replace(INVISIBLE_OR_MARK, '');
}

/**
 * Text as it reads: lower case, no accents, no invisible characters, words separated by single spaces (any run of
 * white space, punctuation or symbols), "&" as "and". "Ly\u00ADon", "Lyon" and "LYON" read the same. Idempotent.
 */
export function foldForReading(s: string): string {
  return separateWords(lowerPlain(s));
}
