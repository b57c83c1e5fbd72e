/**
 * Folding: the text the rules read is the officer's text with diacritics removed ("Fernández" → "Fernandez"),
 * exotic spaces made plain, curly quotes made straight and invisible characters dropped, case kept (sentence
 * splitting needs it; matchers use the i flag). Each folded UTF-16 unit remembers the original code point it came
 * from, so a span found in the folded text maps back to whole original code points: a suggestion never cuts a
 * surrogate pair, an accent off its letter, or a variation selector off its emoji.
 */
export interface FoldedText {
  /** The folded text the rules read. */
  text: string;
  /** For each folded unit, the original offset of the code point it came from. */
  startOf: Int32Array;
  /** For each folded unit, the original end offset of that code point (plus any marks dropped after it). */
  endOf: Int32Array;
}

/** Letters that NFD does not decompose but a reader would type without the accent. */
const SPECIAL: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd',
  Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-',
  '\u2028': '\n', '\u2029': '\n', '\u0085': '\n',
  // Invisible: dropped (the folded text reads "Mistral" for "Mis\u00ADtral").
  '\u00AD': '', '\u200B': '', '\u200C': '', '\u200D': '', '\u2060': '', '\uFEFF': '',
};

const MARK = /\p{M}/gu;
const SPACE = /^\s$/u;
const cache = new Map<number, string>();

function foldCodePoint(cp: number, ch: string): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  if (ch in SPECIAL) out = SPECIAL[ch]!;
  else if (SPACE.test(ch)) out = ' ';
  else if (cp >= 0xd800 && cp <= 0xdfff) out = ch; // a lone surrogate: keep it as it is, one unit
  else out = ch.normalize('NFD').replace(MARK, '');
  if (cache.size > 4096) cache.clear();
  cache.set(cp, out);
  return out;
}

export function fold(original: string): FoldedText {
  const n = original.length;
  const parts: string[] = [];
  // Folding seldom lengthens text; grow if it does.
  let startOf = new Int32Array(n + 8);
  let endOf = new Int32Array(n + 8);
  let len = 0;
  const push = (unit: string, s: number, e: number) => {
    if (len === startOf.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      startOf = grow(startOf);
      endOf = grow(endOf);
    }
    parts.push(unit);
    startOf[len] = s;
    endOf[len] = e;
    len++;
  };
  let i = 0;
  while (i < n) {
    // Fast path: a run of printable ASCII (and line feeds) is copied as it is.
    let j = i;
    for (let c = original.charCodeAt(j); j < n && ((c >= 0x20 && c < 0x7f) || c === 10); c = original.charCodeAt(++j));
    if (j > i) {
      parts.push(original.slice(i, j));
      while (len + (j - i) > startOf.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        startOf = grow(startOf);
        endOf = grow(endOf);
      }
      for (let k = i; k < j; k++, len++) {
        startOf[len] = k;
        endOf[len] = k + 1;
      }
      i = j;
      continue;
    }
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      // Other ASCII: control characters; tabs and carriage returns become spaces.
      push(code === 9 || code === 11 || code === 12 || code === 13 ? ' ' : original[i]!, i, i + 1);
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp, original.slice(i, i + width));
    if (folded.length === 0) {
      // A dropped mark or invisible character belongs to the character before it.
      for (let k = len - 1; k >= 0 && startOf[k] === startOf[len - 1]; k--) endOf[k] = i + width;
    } else {
      for (let k = 0; k < folded.length; k++) push(folded[k]!, i, i + width);
    }
    i += width;
  }
  return { text: parts.length === 1 ? parts[0]! : parts.join(''), startOf: startOf.subarray(0, len), endOf: endOf.subarray(0, len) };
}

/** Maps a non-empty folded span [start, end) back to original offsets. */
export function toOriginal(f: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: f.startOf[start]!, end: f.endOf[end - 1]! };
}

/**
 * Lower case with the same length (so offsets stay valid): String#toLowerCase only lengthens U+0130, which fold()
 * has already turned into "I"; anything else that would change length is kept as it is.
 */
export function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Folds a short string (a name, a term) for building matchers. */
export function foldString(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : fold(s).text;
}
