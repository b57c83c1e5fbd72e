import { isElement, plainText, type SerializedDoc, type SerializedElement, type SerializedNode } from '../editor/doc-model';
import { excerptPieces, markedIds, type FlagInForce } from './flag-state';

/**
 * Puts flag marks back on text in a stored section. Two callers place marks: `applyFlags` (a flag's recorded text,
 * searched: "Flag again", a restore) and `carryFlags` (carry-flags.ts: marks carried through an edit or a restore,
 * word by word). Both say WHICH characters a flag covers; `markRuns` here is the one place that turns that into flag
 * nodes. Pure: they return a new document.
 *
 * The text is read run by run: the inline children of a paragraph, heading, quote, list item (between its nested
 * lists), decision or action. A text node cut by a mark is split, keeping its format; any other child touched by a mark
 * (a link, another flag, a timestamp) is wrapped whole, so a mark covers at least its characters and never less
 * (fail-safe).
 */
export interface ApplyResult {
  content: SerializedDoc;
  /** Flags now marked in the content (pieces found). */
  applied: string[];
  /** Flags whose text is not in the content. */
  missing: string[];
}

const INLINE_CONTAINERS = new Set(['paragraph', 'heading', 'quote', 'listitem', 'decision', 'action']);

/** A run of inline content: children [from, to) of an inline container, with its text and the flags over each character. */
export interface InlineRun {
  el: SerializedElement;
  from: number;
  to: number;
  text: string;
  /** For each character of `text`, the ids of the flag marks around it (empty: unflagged). */
  flags: ReadonlyArray<readonly string[]>;
}

/** The runs of a document, in reading order. */
export function inlineRuns(doc: SerializedDoc): InlineRun[] {
  const out: InlineRun[] = [];
  const visit = (node: SerializedNode) => {
    if (!isElement(node)) return;
    if (INLINE_CONTAINERS.has(node.type)) {
      // A list item may hold a nested list: each run of inline children between nested lists is read on its own.
      let start = 0;
      for (let i = 0; i <= node.children.length; i++) {
        if (i < node.children.length && node.children[i]!.type !== 'list') continue;
        if (i > start) out.push(readRun(node, start, i));
        start = i + 1;
      }
    }
    for (const c of node.children) if (c.type !== 'flag') visit(c);
  };
  visit(doc.root);
  return out;
}

function readRun(el: SerializedElement, from: number, to: number): InlineRun {
  let text = '';
  const flags: Array<readonly string[]> = [];
  const walk = (n: SerializedNode, ids: readonly string[]) => {
    // A flag node adds its ids (stored content is validated: `ids` is a list of strings); a link passes them on.
    if (isElement(n)) return void n.children.forEach((c) => walk(c, n.type === 'flag' ? [...ids, ...(n.ids as string[])] : ids));
    const t = plainText(n);
    text += t;
    for (let i = 0; i < t.length; i++) flags.push(ids);
  };
  el.children.slice(from, to).forEach((c) => walk(c, []));
  return { el, from, to, text, flags };
}

/**
 * Adds marks to runs: for each run (by its index in `inlineRuns(doc)` of the SAME document), the flag ids to add over
 * each [start, end) of its text. Mutates `doc`, which must be the document the runs were read from.
 */
export function markRuns(runs: readonly InlineRun[], marks: ReadonlyMap<number, ReadonlyArray<{ start: number; end: number; id: string }>>): void {
  // Later runs first: runs of one list item share its children array, and a splice must not shift a run still to do.
  for (const index of [...marks.keys()].sort((a, b) => b - a)) {
    const run = runs[index]!;
    const add: string[][] = Array.from({ length: run.text.length }, () => []);
    for (const m of marks.get(index)!)
      for (let i = Math.max(0, m.start); i < Math.min(run.text.length, m.end); i++) if (!run.flags[i]!.includes(m.id) && !add[i]!.includes(m.id)) add[i]!.push(m.id);
    wrapRun(run, add);
  }
}

/** Splits the run's children where the ids to add change and wraps each stretch with ids in one flag node. */
function wrapRun(run: InlineRun, add: readonly string[][]): void {
  const pieces: Array<{ node: SerializedNode; ids: string[]; empty?: true }> = [];
  let pos = 0;
  for (const c of run.el.children.slice(run.from, run.to)) {
    const len = plainText(c).length;
    if (c.type === 'text' && len > 0) {
      const text = plainText(c);
      let a = 0;
      for (let i = 1; i <= len; i++) {
        if (i < len && sameIds(add[pos + i]!, add[pos + a]!)) continue;
        pieces.push({ node: { ...c, text: text.slice(a, i) }, ids: add[pos + a]! });
        a = i;
      }
    } else {
      const ids = [...new Set(add.slice(pos, pos + len).flat())];
      pieces.push(len === 0 ? { node: c, ids, empty: true } : { node: c, ids });
    }
    pos += len;
  }
  // A child with no text between two pieces of one mark goes inside it; before or after a mark, it stays outside.
  pieces.forEach((p, i) => {
    if (!p.empty) return;
    const before = pieces.slice(0, i).reverse().find((q) => !q.empty);
    const after = pieces.slice(i + 1).find((q) => !q.empty);
    if (before && after && sameIds(before.ids, after.ids)) p.ids = before.ids;
  });
  const out: SerializedNode[] = [];
  for (let i = 0; i < pieces.length; ) {
    const ids = pieces[i]!.ids;
    let j = i + 1;
    while (j < pieces.length && sameIds(pieces[j]!.ids, ids)) j++;
    const nodes = pieces.slice(i, j).map((p) => p.node);
    if (ids.length === 0) out.push(...nodes);
    else out.push({ type: 'flag', version: 1, ids, children: nodes });
    i = j;
  }
  run.el.children.splice(run.from, run.to - run.from, ...out);
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Puts each flag's mark on the first place its recorded text stands: each piece of the excerpt is searched in each
 * run's text (white space and case folded). Flags already marked in the document are left alone.
 */
export function applyFlags(content: SerializedDoc, flags: readonly FlagInForce[]): ApplyResult {
  const doc = JSON.parse(JSON.stringify(content)) as SerializedDoc;
  const already = markedIds([{ content }]);
  const runs = inlineRuns(doc);
  const folded = runs.map((r) => foldWithMap(r.text));
  const marks = new Map<number, Array<{ start: number; end: number; id: string }>>();
  const applied: string[] = [];
  const missing: string[] = [];
  for (const f of flags) {
    if (already.has(f.id)) {
      applied.push(f.id);
      continue;
    }
    let found = false;
    for (const piece of excerptPieces(f.excerpt)) {
      const k = folded.findIndex((x) => x.folded.includes(piece));
      if (k < 0) continue;
      const { folded: text, map } = folded[k]!;
      const hit = text.indexOf(piece);
      const list = marks.get(k) ?? [];
      list.push({ start: map[hit]!, end: map[hit + piece.length - 1]! + 1, id: f.id });
      marks.set(k, list);
      found = true;
    }
    (found ? applied : missing).push(f.id);
  }
  markRuns(runs, marks);
  return { content: doc, applied, missing };
}

/** Folds white space and case while keeping a map from each folded position to its original index. */
function foldWithMap(s: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      // One space for a run of white space (a leading one is harmless: pieces are searched, not anchored).
      if (!space) {
        folded += ' ';
        map.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    // Lower case can be longer than the character (İ → i̇): every folded position keeps a map entry.
    const low = ch.toLowerCase();
    folded += low;
    for (let k = 0; k < low.length; k++) map.push(i);
  }
  return { folded, map };
}
