import CONFUSABLES from 'unhomoglyph/data.json';
import { INVISIBLE_OR_MARK, lowerPlain } from './fold';

/**
 * How the look-alike table of the app (shared/text/look-alikes-data.ts) is made from Unicode's list of confusable
 * characters (UTS #39 confusables.txt, as shipped by the `unhomoglyph` package, MIT). Run by `node
 * scripts/look-alikes.mjs`, which writes the table; test/unit/look-alikes.test.ts checks that the table written is the
 * one these rules make of the package's data. The app itself never reads the package: its data (100 KB) and the 30–50
 * ms of building the table stay out of every start and every save.
 *
 * The table is keyed by a non-ASCII letter or digit (accents already dropped, in its own case) and gives its
 * prototype in lower case:
 * - ASCII characters are never remapped: TS #39 also equates "rn" with "m", "0" with "O" and "1" with "l", which would
 *   make ordinary text collide; the aim is letters of other scripts standing in for Latin ones;
 * - punctuation and symbols are not mapped (they separate words anyway; TS #39 maps "—" to a Katakana letter), but
 *   for the capitals drawn as symbols (LETTER_SYMBOLS);
 * - an upper-case source whose prototype is "l" is read as "I" ("l" stands for I, l, 1 and | in TS #39), so that
 *   Cyrillic "І" matches "I" once both are in lower case;
 * - the table is closed: a prototype is itself mapped until nothing changes, so folding twice changes nothing;
 * - Latin letters with no accent to drop but a plain spelling every register and address of a name uses read as that
 *   spelling (LATIN_SPELLINGS, laid over the package's data), whatever TS #39 says: it maps Icelandic "ð" to the
 *   symbol "∂", which the check read as a space ("Guðmundsdóttir" read "gu mundsdottir", and "Gudmundsdottir" was
 *   not found: an audit, 2026-12-07); so do the small capitals, and the capitals drawn as symbols (LETTER_SYMBOLS).
 */
const NON_ASCII = /[^\u0000-\u007F]/gu;
/** Icelandic "ð" and "þ" (and their capitals), as "d" and "th". */
const ICELANDIC: Readonly<Record<string, string>> = { '\u00F0': 'd', '\u00D0': 'd', '\u00FE': 'th', '\u00DE': 'th' };
/**
 * The Latin small capitals ("ʙᴇᴛᴀ"), which Unicode neither decomposes nor, for most, lists as confusable (it gives
 * "ᴍ" as the turned "ʍ" and "ᴋ" as the kra "ĸ"): each reads as its letter.
 */
const SMALL_CAPITALS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    a: 0x1d00, b: 0x0299, c: 0x1d04, d: 0x1d05, e: 0x1d07, f: 0xa730, g: 0x0262, h: 0x029c, i: 0x026a, j: 0x1d0a, k: 0x1d0b, l: 0x029f, m: 0x1d0d,
    n: 0x0274, o: 0x1d0f, p: 0x1d18, q: 0xa7af, r: 0x0280, s: 0xa731, t: 0x1d1b, u: 0x1d1c, v: 0x1d20, w: 0x1d21, y: 0x028f, z: 0x1d22,
  }).map(([letter, cp]) => [String.fromCodePoint(cp), letter]),
);
/**
 * Capital letters drawn as symbols that Unicode does not decompose: negative circled "🅐"–"🅩" (U+1F150…) and negative
 * squared "🅰"–"🆉" (U+1F170…), each as its letter. (The plain circled and squared ones decompose to it already.)
 */
const LETTER_SYMBOLS: Readonly<Record<string, string>> = Object.fromEntries(
  [0x1f150, 0x1f170].flatMap((first) => Array.from({ length: 26 }, (_, i) => [String.fromCodePoint(first + i), String.fromCharCode(0x61 + i)])),
);
const LETTER_SYMBOL = /^[\u{1F150}-\u{1F169}\u{1F170}-\u{1F189}]$/u;
const LATIN_SPELLINGS: Readonly<Record<string, string>> = { ...ICELANDIC, ...SMALL_CAPITALS, ...LETTER_SYMBOLS };
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Decimal digits are read as their value before the table (fold.ts asciiDigits): TS #39 reads "١" as "l", "٠" as ".". */
const DECIMAL_DIGIT = /^\p{Nd}$/u;

export function buildLookAlikeTable(data: Readonly<Record<string, string>> = { ...CONFUSABLES, ...LATIN_SPELLINGS }): Map<string, string> {
  const table = new Map<string, string>();
  const fromDirect = new Set<string>();
  for (const [src, proto] of Object.entries(data)) {
    const key = src.normalize('NFKD').replace(INVISIBLE_OR_MARK, '');
    const cp = key.codePointAt(0);
    if (cp === undefined || cp < 0x80 || key.length !== String.fromCodePoint(cp).length || !(LETTER_OR_DIGIT.test(key) || LETTER_SYMBOL.test(key))) continue;
    if (DECIMAL_DIGIT.test(key)) continue;
    const direct = key === src;
    if (!direct && fromDirect.has(key)) continue; // the letter's own entry wins over one of its accented forms
    const upper = key.toLowerCase() !== key;
    const target = lowerPlain(upper && proto === 'l' ? 'I' : proto);
    if (target.includes(key) || target.includes(lowerPlain(key))) continue; // "x → x" or growing on every pass
    table.set(key, target);
    if (direct) fromDirect.add(key);
  }
  // Close the table: a prototype that is itself a key is replaced until stable (a handful of rounds suffice); an
  // entry that would contain its own key (a cycle) is dropped.
  for (let round = 0; round < 8; round++) {
    let changed = false;
    for (const [k, v] of table) {
      const next = lowerPlain(v.replace(NON_ASCII, (c) => table.get(c) ?? c));
      if (next === v) continue;
      if (next.includes(k)) table.delete(k);
      else table.set(k, next);
      changed = true;
    }
    if (!changed) break;
  }
  return table;
}

/**
 * The table as stored in look-alikes-data.ts: one line per letter, the letter (one code point) followed by its
 * prototype, in the order built. Neither holds a line break (keys are letters or digits; prototypes are what
 * `lowerPlain` makes of letters, digits and punctuation).
 */
export function encodeLookAlikes(table: ReadonlyMap<string, string>): string {
  for (const [k, v] of table) if (/[\n\r]/.test(k + v)) throw new Error(`look-alikes: a line break in the entry of U+${k.codePointAt(0)!.toString(16)}`);
  return [...table].map(([k, v]) => k + v).join('\n');
}

/** The source of shared/text/look-alikes-data.ts for a table: ASCII only (every other character as a \u escape). */
export function lookAlikesDataSource(table: ReadonlyMap<string, string>): string {
  const literal = JSON.stringify(encodeLookAlikes(table)).replace(/[^\u0000-\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [
    "// Generated by `node scripts/look-alikes.mjs` from Unicode's confusables (UTS #39, as shipped by the `unhomoglyph`",
    '// package, MIT) by the rules of shared/text/look-alikes-build.ts. Do not edit: run the script again.',
    "// test/unit/look-alikes.test.ts fails when this is not what the rules make of the package's data.",
    '',
    '/** One line per letter of another script: the letter (one code point), then what it looks like (lower case). */',
    `export const LOOK_ALIKES = ${literal};`,
    '',
  ].join('\n');
}
