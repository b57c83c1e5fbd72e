/**
 * Text normalisation and passage search for the redaction check. Both sides (the flagged passage and the text found
 * in the file) go through `normaliseForMatch`, so a passage is found whatever its case, its Unicode compatibility
 * form (full-width letters, ligatures), invisible characters slipped into it (zero-width joiners, bidi controls, soft
 * hyphens) or its white space. A second, space-free form catches a passage whose spaces were removed or replaced by
 * invisible characters.
 */

// Format characters (Cf: zero-width space/joiners, bidi controls, soft hyphen, BOM…), variation selectors, the
// combining grapheme joiner and the Hangul fillers: none of them is visible, so none may hide a passage.
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u180B-\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

export function normaliseForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s\p{Z}]+/gu, ' ')
    .trim();
}

export const compact = (normalised: string) => normalised.replace(/ /g, '');

/** A passage is searched whole; long ones also by every window of WINDOW_WORDS words and WINDOW_CHARS characters. */
export const WINDOW_WORDS = 8;
export const WINDOW_CHARS = 40;
/** Shorter passages match only as whole words (so "AI" is not found inside "said"). */
export const SHORT_PASSAGE = 8;
/**
 * Passages shorter than this (after normalisation) are not searched: a flagged "EU" or "no" cannot be told apart
 * from the same word used anywhere else, and searching for it would block every export.
 */
export const MIN_PASSAGE = 4;
/** The space-free comparison of a whole passage only from this length (short space-free strings match too much). */
export const MIN_COMPACT = 12;

export interface Passage {
  id: string;
  text: string;
}

interface Prepared {
  id: string;
  norm: string;
  compact: string;
  wordBounded: RegExp | null;
}

export interface Hit {
  passageId: string;
  how: 'whole' | 'whole_without_spaces' | 'word_window' | 'char_window';
  /** Offset in the normalised text searched (spaced or compact form, per `how`). */
  at: number;
  length: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Prepares the passages once; `search` then runs in time linear in the text for the windows. */
export class PassageMatcher {
  private readonly prepared: Prepared[] = [];
  private readonly wordWindows = new Map<string, string>();
  /** Rolling hash of each 40-character window → the windows with that hash and their passage. */
  private readonly charWindows = new Map<number, Array<{ key: string; id: string }>>();

  constructor(passages: readonly Passage[]) {
    for (const p of passages) {
      const norm = normaliseForMatch(p.text);
      if (norm.length < MIN_PASSAGE) continue;
      const c = compact(norm);
      this.prepared.push({
        id: p.id,
        norm,
        compact: c,
        wordBounded: norm.length < SHORT_PASSAGE ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(norm)}(?![\\p{L}\\p{N}])`, 'u') : null,
      });
      const words = norm.split(' ');
      if (words.length > WINDOW_WORDS)
        for (let i = 0; i + WINDOW_WORDS <= words.length; i++) {
          const key = words.slice(i, i + WINDOW_WORDS).join(' ');
          if (!this.wordWindows.has(key)) this.wordWindows.set(key, p.id);
        }
      if (c.length > WINDOW_CHARS)
        forEachWindowHash(c, (i, h) => {
          const key = c.slice(i, i + WINDOW_CHARS);
          const bucket = this.charWindows.get(h);
          if (!bucket) this.charWindows.set(h, [{ key, id: p.id }]);
          else if (!bucket.some((b) => b.key === key)) bucket.push({ key, id: p.id });
        });
    }
  }

  get size(): number {
    return this.prepared.length;
  }

  /** Every passage found in `normalisedText` (already normalised), at most one hit per passage and way. */
  search(normalisedText: string): Hit[] {
    const hits: Hit[] = [];
    const found = new Set<string>();
    const add = (h: Hit) => {
      const key = `${h.passageId}\u0000${h.how}`;
      if (found.has(key)) return;
      found.add(key);
      hits.push(h);
    };
    const text = normalisedText;
    const textCompact = compact(text);
    for (const p of this.prepared) {
      if (p.wordBounded) {
        const m = p.wordBounded.exec(text);
        if (m) add({ passageId: p.id, how: 'whole', at: m.index, length: p.norm.length });
      } else {
        const at = text.indexOf(p.norm);
        if (at >= 0) add({ passageId: p.id, how: 'whole', at, length: p.norm.length });
      }
      if (p.compact.length >= MIN_COMPACT) {
        const at = textCompact.indexOf(p.compact);
        if (at >= 0) add({ passageId: p.id, how: 'whole_without_spaces', at, length: p.compact.length });
      }
    }
    if (this.wordWindows.size > 0) {
      const words = text.split(' ');
      let offset = 0;
      const starts: number[] = [];
      for (const w of words) {
        starts.push(offset);
        offset += w.length + 1;
      }
      for (let i = 0; i + WINDOW_WORDS <= words.length; i++) {
        const id = this.wordWindows.get(words.slice(i, i + WINDOW_WORDS).join(' '));
        if (id !== undefined) add({ passageId: id, how: 'word_window', at: starts[i]!, length: 0 });
      }
    }
    if (this.charWindows.size > 0)
      forEachWindowHash(textCompact, (i, h) => {
        const bucket = this.charWindows.get(h);
        if (!bucket) return;
        // A hash hit is only a candidate: compare the characters themselves.
        for (const b of bucket) if (textCompact.startsWith(b.key, i)) add({ passageId: b.id, how: 'char_window', at: i, length: WINDOW_CHARS });
      });
    return hits;
  }
}

const HASH_BASE = 257;
const HASH_MOD = 2_147_483_629; // a prime below 2^31: products stay exact in doubles
/** BASE^(WINDOW_CHARS-1) mod MOD, to take the leaving character out of the rolling hash. */
const HASH_HIGH = (() => {
  let h = 1;
  for (let i = 0; i < WINDOW_CHARS - 1; i++) h = (h * HASH_BASE) % HASH_MOD;
  return h;
})();

/**
 * Calls `fn(start, hash)` for every WINDOW_CHARS-long window of `s` (UTF-16 units), with a Rabin–Karp rolling hash:
 * linear in the text and without a string per position.
 */
function forEachWindowHash(s: string, fn: (start: number, hash: number) => void): void {
  if (s.length < WINDOW_CHARS) return;
  let h = 0;
  for (let i = 0; i < WINDOW_CHARS; i++) h = (h * HASH_BASE + s.charCodeAt(i)) % HASH_MOD;
  fn(0, h);
  for (let i = WINDOW_CHARS; i < s.length; i++) {
    h = (h - ((s.charCodeAt(i - WINDOW_CHARS) * HASH_HIGH) % HASH_MOD) + HASH_MOD) % HASH_MOD;
    h = (h * HASH_BASE + s.charCodeAt(i)) % HASH_MOD;
    fn(i - WINDOW_CHARS + 1, h);
  }
}
