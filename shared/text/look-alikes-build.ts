import CONFUSABLES from 'unhomoglyph/data.json';
import { INVISIBLE_OR_MARK, lowerPlain } from './fold';
import { LATIN_LETTERS_WITH_MARKS } from './look-alikes-marked-latin';

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
 *   not found: an audit, 2026-12-07); so do the small capitals, and the capitals drawn as symbols (LETTER_SYMBOLS);
 * - a Latin letter whose Unicode name is a plain letter "WITH" a hook, stroke, curl, bar, tail, descender, flourish…
 *   ("LATIN SMALL LETTER C WITH HOOK" "ƈ", "LATIN SMALL LETTER A WITH STROKE" "ⱥ") and which NFKD leaves as it is,
 *   reads as that letter, whatever TS #39 says (it leaves most out, and gives "Ɓ" as "ʽB", which read as a space in
 *   the word): the list is look-alikes-marked-latin.ts, made from the names (UnicodeData.txt) by
 *   `markedLatinFromUnicodeData` when `node scripts/look-alikes.mjs` finds that file, and committed, so building the
 *   table needs only the list. Letters of other scripts that TS #39 gives as one of these letters (Greek "ε", Cyrillic
 *   "з" → "ꞓ") do not follow it to its base letter: they keep reading alike, as the first of them (withMarkedLatin);
 * - the Arabic tatweel "ـ" (U+0640, a letter that only stretches the line between two letters) reads as nothing;
 * - a few characters that NFKD spells with punctuation are read before decomposition: "Ŀ" "ŀ" (NFKD "L·") as "l", the
 *   parenthesised "⒜"–"⒵" (NFKD "(a)") as their letter (READ_BEFORE_DECOMPOSITION; look-alikes.ts reads them first).
 * (An audit, 2026-12-07: "Beta Roboʈiƈs", "Bⱥta Robotiꞓs", "Gⱥmma Viꞩion" and "Be\u0640ta Robo\u0640tics" were
 * published past a flagged "Beta Robotics" / "Gamma Vision".)
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
const LETTER_SYMBOL = /^[\u{1F150}-\u{1F169}\u{1F170}-\u{1F189}\u249C-\u24B5]$/u;
/** The Arabic tatweel (kashida, U+0640): a letter (Lm) drawn as a short stroke of the line, read as nothing. */
const NOT_A_LETTER_TO_READ: Readonly<Record<string, string>> = { '\u0640': '' };
/**
 * Characters NFKD spells with punctuation, read as their letter before decomposition (look-alikes.ts reads every key
 * that NFKD would change first): Catalan "Ŀ" "ŀ" (NFKD "L·", which read as "l" and a space inside the word), and the
 * parenthesised small letters "⒜"–"⒵" (U+249C…, NFKD "(a)", read as a letter on its own). Given in their own case:
 * an upper-case source given as "l" would read as "I" (the rule for TS #39 above).
 */
const READ_BEFORE_DECOMPOSITION: Readonly<Record<string, string>> = {
  '\u013F': 'L',
  '\u0140': 'l',
  ...Object.fromEntries(Array.from({ length: 26 }, (_, i) => [String.fromCharCode(0x249c + i), String.fromCharCode(0x61 + i)])),
};
/**
 * Latin letters drawn as another without a mark, that neither NFKD nor the confusables list nor their names (no "WITH")
 * read: the kra "ĸ" (a small capital k) and the dotless "ȷ" (a second-round audit, 2026-12-07: "ĸappa", "ȷade" went out),
 * the open o "ɔ" and its capital "Ɔ" (an o, or an O, open on one side: "Rɔbotics"; TS #39 lists them as the prototype
 * of the reversed c "ↄ" "Ↄ" and the small capital open o "ᴐ", which so read as "o" too, the table being closed).
 */
const PLAIN_LOOKING: Readonly<Record<string, string>> = { '\u0138': 'k', '\u0237': 'j', '\u0254': 'o', '\u0186': 'O' };
const LATIN_SPELLINGS: Readonly<Record<string, string>> = {
  ...ICELANDIC, ...PLAIN_LOOKING, ...SMALL_CAPITALS, ...LETTER_SYMBOLS, ...NOT_A_LETTER_TO_READ, ...READ_BEFORE_DECOMPOSITION,
};
const DEFAULT_DATA: Readonly<Record<string, string>> = { ...CONFUSABLES, ...LATIN_SPELLINGS };
/** The Latin letters with a mark (look-alikes-marked-latin.ts): the letter → its base letter, in lower case. */
const MARKED_LATIN: Readonly<Record<string, string>> = Object.fromEntries(LATIN_LETTERS_WITH_MARKS.map(([cp, base]) => [String.fromCodePoint(cp), base]));
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Decimal digits are read as their value before the table (fold.ts asciiDigits): TS #39 reads "١" as "l", "٠" as ".". */
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The table: `data` (source → prototype) by the rules above, then the Latin letters with a mark (`marked`, letter →
 * base letter; by default the committed list when `data` is the default, none otherwise).
 */
export function buildLookAlikeTable(
  data: Readonly<Record<string, string>> = DEFAULT_DATA,
  marked: Readonly<Record<string, string>> = data === DEFAULT_DATA ? MARKED_LATIN : {},
): Map<string, string> {
  const table = new Map<string, string>();
  const fromDirect = new Set<string>();
  for (const [src, proto] of Object.entries(data)) {
    const key = src in READ_BEFORE_DECOMPOSITION ? src : src.normalize('NFKD').replace(INVISIBLE_OR_MARK, '');
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
  return withMarkedLatin(table, marked);
}

/**
 * The closed table with the Latin letters with a mark laid over it: each reads as its base
 * letter. An entry whose prototype is one of them alone (Greek "ε", Cyrillic "з", "є" → "ꞓ") is a look-alike of the
 * marked letter, not of its base ("ε" is no "c"): such entries keep reading alike, as the first of them in the table,
 * which itself reads as it is. A marked letter within a longer prototype ("ʥ" → "dʑ") reads as its base ("dz"). The
 * table stays closed: every marked letter reads as an ASCII letter.
 */
function withMarkedLatin(closed: ReadonlyMap<string, string>, markedLetters: Readonly<Record<string, string>>): Map<string, string> {
  const marked = new Map(Object.entries(markedLetters));
  const table = new Map(closed);
  const firstOfGroup = new Map<string, string>();
  for (const [k, v] of closed) {
    if (!marked.has(v) || marked.has(k)) continue;
    const first = firstOfGroup.get(v);
    if (first === undefined) {
      firstOfGroup.set(v, k);
      table.delete(k);
    } else table.set(k, first);
  }
  for (const [k, v] of table) {
    const next = v.replace(NON_ASCII, (c) => marked.get(c) ?? c);
    if (next !== v) table.set(k, next);
  }
  for (const [letter, base] of marked) table.set(letter, base);
  return table;
}

const MARKED_LATIN_NAME = /^LATIN (?:(?:SMALL|CAPITAL) LETTER|LETTER SMALL CAPITAL|SMALL CAPITAL LETTER) ([A-Z]) WITH [A-Z -]+$/;

/**
 * The Latin letters with a mark, from the character names of UnicodeData.txt (Debian's `unicode-data`:
 * /usr/share/unicode/UnicodeData.txt): a letter (L*) named "LATIN SMALL LETTER x WITH …", "LATIN CAPITAL LETTER x
 * WITH …" or "LATIN LETTER SMALL CAPITAL x WITH …" with x one of A–Z, that NFKD (without marks) leaves as it is (an
 * accented letter decomposes already), → x in lower case. A name whose base is anything else ("SCHWA", "ESH",
 * "TURNED R", "DOTLESS J", "DZ DIGRAPH") is left out: that letter is not the Latin letter it resembles.
 */
export function markedLatinFromUnicodeData(unicodeData: string): Array<[codePoint: number, base: string, name: string]> {
  const letters: Array<[number, string, string]> = [];
  for (const line of unicodeData.split('\n')) {
    const [hex, name, category] = line.split(';');
    if (hex === undefined || name === undefined || category === undefined || !category.startsWith('L')) continue;
    const m = MARKED_LATIN_NAME.exec(name);
    if (!m) continue;
    const cp = parseInt(hex, 16);
    const c = String.fromCodePoint(cp);
    if (c.normalize('NFKD').replace(INVISIBLE_OR_MARK, '') !== c) continue;
    letters.push([cp, m[1]!.toLowerCase(), name]);
  }
  return letters;
}

/** The source of look-alikes-marked-latin.ts for such a list: ASCII only, one letter a line with its name. */
export function markedLatinSource(letters: ReadonlyArray<readonly [number, string, string]>): string {
  return [
    '// Generated by `node scripts/look-alikes.mjs` from the character names of UnicodeData.txt (Debian package',
    '// `unicode-data`, /usr/share/unicode/UnicodeData.txt) by `markedLatinFromUnicodeData` (look-alikes-build.ts):',
    '// the Latin letters named "<a letter A-Z> WITH ..." that NFKD leaves as they are, each with its base letter.',
    '// The script keeps this file as it is where UnicodeData.txt is not installed; test/unit/look-alikes-hooked.test.ts',
    '// checks it against that file where it is.',
    '',
    '/** A Latin letter with a hook, stroke, curl, bar... (its code point) and the letter it reads as. */',
    'export const LATIN_LETTERS_WITH_MARKS: ReadonlyArray<readonly [codePoint: number, base: string]> = [',
    ...letters.map(([cp, base, name]) => `  [0x${cp.toString(16).toUpperCase().padStart(4, '0')}, '${base}'], // ${name}`),
    '];',
    '',
  ].join('\n');
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
