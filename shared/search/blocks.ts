import { isElement, type SerializedDoc, type SerializedNode } from '../editor/doc-model';

/** One top-level block of a minutes section as the search index keeps it: its plain text and its flagged ranges. */
export interface SearchBlock {
  text: string;
  /** [start, end) character ranges of `text` covered by a confidentiality flag (merged, in order). */
  flags: Array<[number, number]>;
}

/** Decision and action blocks are indexed as their records (kinds 'decision' and 'action'), not twice. */
const SKIPPED = new Set(['decision', 'action']);

/**
 * The blocks of a stored section that search indexes, in order: one per top-level paragraph, heading, quote or list
 * item (lists give one block per item, nested items included). Empty blocks are left out. Plain text follows
 * doc-model's plainText (line breaks "\n", tabs "\t", timestamps as their text).
 */
export function searchBlocks(doc: SerializedDoc): SearchBlock[] {
  const out: SearchBlock[] = [];
  const visitBlock = (node: SerializedNode) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'list' && isElement(node)) {
      for (const item of node.children) visitBlock(item);
      return;
    }
    let text = '';
    const flags: Array<[number, number]> = [];
    const inline = (n: SerializedNode, flagged: boolean) => {
      if (n.type === 'text' || n.type === 'timestamp' || n.type === 'linebreak' || n.type === 'tab') {
        const piece = n.type === 'linebreak' ? '\n' : n.type === 'tab' ? '\t' : String(n.text ?? '');
        if (flagged && piece.length > 0) {
          const last = flags[flags.length - 1];
          if (last && last[1] === text.length) last[1] += piece.length;
          else flags.push([text.length, text.length + piece.length]);
        }
        text += piece;
        return;
      }
      if (!isElement(n)) return;
      if (n.type === 'list') {
        // A list nested in a list item: its items are blocks of their own.
        visitBlock(n);
        return;
      }
      for (const c of n.children) inline(c, flagged || n.type === 'flag');
    };
    if (isElement(node)) for (const c of node.children) inline(c, false);
    if (text.trim().length > 0) out.push({ text, flags });
  };
  for (const child of doc.root.children) visitBlock(child);
  return out;
}
