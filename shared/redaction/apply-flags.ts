import { isElement, plainText, type SerializedDoc, type SerializedElement, type SerializedNode } from '../editor/doc-model';
import { excerptPieces, markedIds, type FlagInForce } from './flag-state';

/**
 * Puts flag marks back on their text in a stored section: used when a revision is restored (the flags in force are
 * re-applied to the restored text) and by "Flag again" (a flag in force whose mark went missing). Pure: returns a
 * new document.
 *
 * Each piece of a flag's excerpt is searched in each block's inline text (white space and case folded). The
 * matching inline children are wrapped in one `flag` node; a text node cut by the match is split, keeping its
 * format; an element cut by it (a link, another flag) is wrapped whole, so the mark covers at least the text and
 * never less (fail-safe). Flags already marked in the document are left alone.
 */
export interface ApplyResult {
  content: SerializedDoc;
  /** Flags now marked in the content (pieces found). */
  applied: string[];
  /** Flags whose text is not in the content. */
  missing: string[];
}

const INLINE_CONTAINERS = new Set(['paragraph', 'heading', 'quote', 'listitem', 'decision', 'action']);

export function applyFlags(content: SerializedDoc, flags: readonly FlagInForce[]): ApplyResult {
  const doc = JSON.parse(JSON.stringify(content)) as SerializedDoc;
  const already = markedIds([{ content }]);
  const applied: string[] = [];
  const missing: string[] = [];
  for (const f of flags) {
    if (already.has(f.id)) {
      applied.push(f.id);
      continue;
    }
    let found = false;
    for (const piece of excerptPieces(f.excerpt)) if (wrapFirst(doc.root, piece, f.id)) found = true;
    (found ? applied : missing).push(f.id);
  }
  return { content: doc, applied, missing };
}

/** The inline text of a run of children, with each child's [start, end) in it. */
function spans(children: readonly SerializedNode[]): { text: string; at: Array<[number, number]> } {
  let text = '';
  const at: Array<[number, number]> = [];
  for (const c of children) {
    const t = c.type === 'list' ? '' : plainText(c);
    at.push([text.length, text.length + t.length]);
    text += t;
  }
  return { text, at };
}

/** Folds white space and case while keeping a map from each folded position to its original index. */
function foldWithMap(s: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      if (!space && folded !== '') {
        folded += ' ';
        map.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    folded += ch.toLowerCase();
    map.push(i);
  }
  return { folded, map };
}

/** Wraps the first occurrence of `piece` (already folded) in a flag node with `id`; true when found. */
function wrapFirst(node: SerializedNode, piece: string, id: string): boolean {
  if (!isElement(node)) return false;
  if (INLINE_CONTAINERS.has(node.type) && wrapIn(node, piece, id)) return true;
  for (const c of node.children) if (c.type !== 'flag' && wrapFirst(c, piece, id)) return true;
  return false;
}

function wrapIn(el: SerializedElement, piece: string, id: string): boolean {
  // A list item may hold a nested list: search each run of inline children between nested lists on its own.
  let start = 0;
  for (let i = 0; i <= el.children.length; i++) {
    if (i < el.children.length && el.children[i]!.type !== 'list') continue;
    if (i > start && wrapRun(el, start, i, piece, id)) return true;
    start = i + 1;
  }
  return false;
}

function wrapRun(el: SerializedElement, from: number, to: number, piece: string, id: string): boolean {
  const run = el.children.slice(from, to);
  const { text, at } = spans(run);
  const { folded, map } = foldWithMap(text);
  const hit = folded.indexOf(piece);
  if (hit < 0) return false;
  const s = map[hit]!;
  const e = map[hit + piece.length - 1]! + 1;
  const out: SerializedNode[] = [];
  const wrapped: SerializedNode[] = [];
  const after: SerializedNode[] = [];
  run.forEach((c, k) => {
    const [cs, ce] = at[k]!;
    if (cs === ce) return void (cs <= s && wrapped.length === 0 ? out : cs >= e ? after : wrapped).push(c);
    if (ce <= s) return void out.push(c);
    if (cs >= e) return void after.push(c);
    if (c.type === 'text' && (cs < s || ce > e)) {
      const t = typeof c.text === 'string' ? c.text : '';
      const a = Math.max(0, s - cs);
      const b = Math.min(t.length, e - cs);
      if (a > 0) out.push({ ...c, text: t.slice(0, a) });
      wrapped.push({ ...c, text: t.slice(a, b) });
      if (b < t.length) after.push({ ...c, text: t.slice(b) });
      return;
    }
    wrapped.push(c);
  });
  el.children.splice(from, to - from, ...out, { type: 'flag', version: 1, ids: [id], children: wrapped } as SerializedElement, ...after);
  return true;
}
