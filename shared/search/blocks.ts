import type { SerializedDoc } from '../editor/doc-model';
import { eachBlock, type ReadSection } from '../redaction/walk';

/** One top-level block of a minutes section as the search index keeps it: its plain text and its flagged ranges. */
export interface SearchBlock {
  text: string;
  /** [start, end) character ranges of `text` covered by a confidentiality flag (merged, in order). */
  flags: Array<[number, number]>;
}

/**
 * The blocks of a stored section that search indexes, in order, read by the one reader of stored minutes
 * (shared/redaction/walk.ts): one per paragraph, heading, quote or list item (nested items included). Decision and
 * action blocks are left out (indexed as their records, kinds 'decision' and 'action'); so are empty blocks. Plain
 * text as the reader gives it (line breaks "\n", tabs "\t", timestamps as their text).
 */
export function searchBlocks(doc: SerializedDoc | ReadSection): SearchBlock[] {
  const out: SearchBlock[] = [];
  eachBlock(doc, 'section', (shape, atoms) => {
    if (shape.kind === 'decision' || shape.kind === 'action') return;
    let text = '';
    const flags: Array<[number, number]> = [];
    for (const a of atoms) {
      if (a.flagIds !== null && a.text.length > 0) {
        const last = flags[flags.length - 1];
        if (last && last[1] === text.length) last[1] += a.text.length;
        else flags.push([text.length, text.length + a.text.length]);
      }
      text += a.text;
    }
    if (text.trim().length > 0) out.push({ text, flags });
  });
  return out;
}
