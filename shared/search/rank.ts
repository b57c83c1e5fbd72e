/**
 * BM25 over a bounded set of candidate passages, computed here rather than by FTS5's `bm25()`.
 *
 * FTS5's `bm25()` learns each phrase's document frequency by running the phrase over the whole index on its first
 * call in a query: for a word found in nearly every passage ("the") that is a walk of a 950,000-entry doclist, and
 * for a phrase of common words a position check in every passage holding them, whatever LIMIT the query has. Here
 * the document frequencies come from the caller (counted up to a bound, estimated above it), and term frequencies
 * and passage lengths from the candidates' text, tokenised the way FTS5's unicode61 tokenizer with
 * remove_diacritics does (letters, digits and private-use characters make words; accents and case are folded).
 * Same formula and constants as FTS5 (k1 = 1.2, b = 0.75, idf floored at 1e-6), higher is better here.
 */

export interface RankTerm {
  /** The term's words, folded. One word for a word or a prefix, several for a phrase. */
  words: string[];
  /** The last word is a prefix (`word*`). */
  prefix: boolean;
  /** Passages containing the term (exact or estimated). */
  docFreq: number;
}

export interface IndexStats {
  /** Passages in the index. */
  rows: number;
  /** Mean passage length in tokens. */
  avgLength: number;
}

const K1 = 1.2;
const B = 0.75;
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** Words of a text as the index sees them: case and accents folded ("Café" → "cafe"). */
export function tokens(text: string): string[] {
  const folded = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{Mn}+/gu, '') : text;
  return folded.toLowerCase().match(TOKEN) ?? [];
}

/** How often `term` occurs in a tokenised passage (a phrase: its words in a row; a prefix: words starting so). */
export function termFrequency(words: readonly string[], term: Pick<RankTerm, 'words' | 'prefix'>): number {
  const n = term.words.length;
  if (n === 0) return 0;
  const last = n - 1;
  let tf = 0;
  outer: for (let i = 0; i + n <= words.length; i++) {
    for (let j = 0; j < n; j++) {
      const w = words[i + j]!;
      const t = term.words[j]!;
      if (j === last && term.prefix ? !w.startsWith(t) : w !== t) continue outer;
    }
    tf++;
  }
  return tf;
}

const RUN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

/** The words of a text with where each stands in it ([from, to) in UTF-16 units), folded as `tokens` folds them. */
export function tokenSpans(text: string): Array<{ word: string; from: number; to: number }> {
  const out: Array<{ word: string; from: number; to: number }> = [];
  for (const m of text.matchAll(RUN)) {
    const from = m.index;
    for (const word of tokens(m[0])) out.push({ word, from, to: from + m[0].length });
  }
  return out;
}

/**
 * Where the terms occur in `text`, as FTS5's highlight() marks them: each occurrence from its first word's start
 * to its last word's end, overlapping ones merged, in order.
 */
export function hitRanges(text: string, terms: ReadonlyArray<Pick<RankTerm, 'words' | 'prefix'>>): Array<[number, number]> {
  const spans = tokenSpans(text);
  const words = spans.map((s) => s.word);
  const found: Array<[number, number]> = [];
  for (const t of terms) {
    const n = t.words.length;
    if (n === 0) continue;
    for (let i = 0; i + n <= words.length; i++) {
      if (termFrequency(words.slice(i, i + n), t) === 1) found.push([spans[i]!.from, spans[i + n - 1]!.to]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** FTS5's inverse document frequency: ln((N − n + 0.5) / (n + 0.5)), never below 1e-6. */
export function idf(rows: number, docFreq: number): number {
  const v = Math.log((rows - docFreq + 0.5) / (docFreq + 0.5));
  return v > 0 ? v : 1e-6;
}

/** The BM25 score of one passage (higher is better). */
export function bm25(text: string, terms: readonly RankTerm[], stats: IndexStats): number {
  const words = tokens(text);
  const norm = K1 * (1 - B + (B * words.length) / (stats.avgLength > 0 ? stats.avgLength : 1));
  let score = 0;
  for (const t of terms) {
    const tf = termFrequency(words, t);
    if (tf > 0) score += (idf(stats.rows, t.docFreq) * (tf * (K1 + 1))) / (tf + norm);
  }
  return score;
}

/**
 * Orders candidates best first: by BM25, then newest first (candidates come newest first, so their position breaks
 * ties). Returns the first `limit` ids.
 */
export function rankCandidates(candidates: ReadonlyArray<{ id: number; text: string }>, terms: readonly RankTerm[], stats: IndexStats, limit: number): number[] {
  return candidates
    .map((c, i) => ({ id: c.id, i, score: bm25(c.text, terms, stats) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map((c) => c.id);
}

/** "950,252" → 950,000: an estimate is shown with two significant digits. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const p = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / p) * p;
}
