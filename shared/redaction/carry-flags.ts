import { diffArrays } from 'diff';
import type { SerializedDoc } from '../editor/doc-model';
import { inlineRuns, markRuns, type InlineRun } from './apply-flags';

/**
 * Carries flag marks from one version of a section to another, word by word: the words of both versions are aligned
 * (a diff of the two word sequences, jsdiff's Myers diff), and every word of `to` aligned with a word that a carried
 * flag covers in `from` gets that flag's mark. A word partly covered counts as covered; the white space between two
 * carried words of one run is carried with them. This is what editing does to a mark (the words that survive keep it),
 * applied where the editor could not: a revision restored over flagged text, a save in which a mark went missing.
 *
 * When the two versions are too different to align in time, it fails closed: every word of `to` equal (case folded)
 * to a word a carried flag covers in `from` gets the mark.
 */
export interface CarryResult {
  /** `to` with the carried marks (marks it already had are kept). */
  content: SerializedDoc;
  /** The carried flags that cover at least one word of the result. */
  carried: string[];
  /** True when the versions could not be aligned and the fail-closed matching was used. */
  approximate: boolean;
}

interface Word {
  run: number;
  start: number;
  end: number;
  key: string;
  ids: string[];
}

/** Milliseconds given to the alignment (it runs inside a save's transaction). */
const ALIGN_TIMEOUT_MS = 400;

function words(runs: readonly InlineRun[], carry: ReadonlySet<string> | null): Word[] {
  const out: Word[] = [];
  runs.forEach((r, run) => {
    for (const m of r.text.matchAll(/\S+/g)) {
      const start = m.index;
      const end = start + m[0].length;
      const ids = new Set<string>();
      for (let i = start; i < end; i++) for (const id of r.flags[i]!) if (!carry || carry.has(id)) ids.add(id);
      out.push({ run, start, end, key: m[0].toLowerCase(), ids: [...ids] });
    }
  });
  return out;
}

/** Pairs of aligned word indices [from, to]; null when the alignment gave up. */
function align(a: readonly Word[], b: readonly Word[]): Array<[number, number]> | null {
  const changes = diffArrays(
    a.map((w) => w.key),
    b.map((w) => w.key),
    { timeout: ALIGN_TIMEOUT_MS },
  );
  if (!changes) return null;
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    if (c.added) j += c.count;
    else if (c.removed) i += c.count;
    else for (let k = 0; k < c.count; k++) pairs.push([i++, j++]);
  }
  return pairs;
}

/**
 * `to` with the marks of `from` carried onto its surviving words. `ids`: the flags to carry (null: every flag marked
 * in `from`).
 */
export function carryFlags(from: SerializedDoc, to: SerializedDoc, ids: ReadonlySet<string> | null = null): CarryResult {
  const doc = JSON.parse(JSON.stringify(to)) as SerializedDoc;
  const a = words(inlineRuns(from), ids);
  const runs = inlineRuns(doc);
  const b = words(runs, null);
  const target: string[][] = b.map(() => []);
  const pairs = align(a, b);
  if (pairs) for (const [i, j] of pairs) target[j]!.push(...a[i]!.ids);
  else {
    const byKey = new Map<string, Set<string>>();
    for (const w of a) for (const id of w.ids) byKey.set(w.key, (byKey.get(w.key) ?? new Set()).add(id));
    b.forEach((w, j) => target[j]!.push(...(byKey.get(w.key) ?? [])));
  }
  const marks = new Map<number, Array<{ start: number; end: number; id: string }>>();
  const carried = new Set<string>();
  b.forEach((w, j) => {
    for (const id of target[j]!) {
      carried.add(id);
      const list = marks.get(w.run) ?? [];
      // The space before this word is carried too when the previous word of the run carries the same flag.
      const prev = b[j - 1];
      const start = prev && prev.run === w.run && target[j - 1]!.includes(id) ? prev.end : w.start;
      list.push({ start, end: w.end, id });
      marks.set(w.run, list);
    }
  });
  markRuns(runs, marks);
  return { content: doc, carried: [...carried], approximate: pairs === null };
}
