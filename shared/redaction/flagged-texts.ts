import type { SerializedDoc } from '../editor/doc-model';
import { eachBlock, type ReadSection } from './walk';

export interface FlaggedText {
  /** The flag ids whose passage this is (several when different flags cover exactly the same text). */
  ids: string[];
  /**
   * The passage's text: timestamps as their text, line breaks as "\n", tabs as "\t". Pieces of one flag in different
   * blocks (a flag across paragraphs is one flag node per block) or apart within a block are joined with "\n", so a
   * searcher of a produced file should search each line (each piece) separately.
   */
  text: string;
}

/**
 * Every flagged passage of one stored section, per flag id, in order of first appearance: what the export's redaction
 * check searches the produced file for. Nested and overlapping flags each report their own whole text, so inner text
 * appears under the inner id and again inside the outer one. Flags that hold no text at all are not listed.
 * Throws a RedactionError on content the redaction cannot judge, exactly where redact() would.
 */
export function flaggedTexts(content: SerializedDoc | ReadSection): FlaggedText[] {
  const pieces = new Map<string, string[]>();
  eachBlock(content, 'section', (_shape, atoms) => {
    const open = new Map<string, string>();
    const close = (id: string) => {
      const text = open.get(id)!;
      open.delete(id);
      if (text === '') return;
      const list = pieces.get(id) ?? [];
      list.push(text);
      pieces.set(id, list);
    };
    for (const atom of atoms) {
      const ids = atom.flagIds ?? [];
      for (const id of [...open.keys()]) if (!ids.includes(id)) close(id);
      for (const id of ids) {
        if (!pieces.has(id)) pieces.set(id, []);
        open.set(id, (open.get(id) ?? '') + atom.text);
      }
    }
    for (const id of [...open.keys()]) close(id);
  });
  const out: FlaggedText[] = [];
  const byText = new Map<string, FlaggedText>();
  for (const [id, list] of pieces) {
    if (list.length === 0) continue;
    const text = list.join('\n');
    const same = byText.get(text);
    if (same) same.ids.push(id);
    else {
      const entry = { ids: [id], text };
      byText.set(text, entry);
      out.push(entry);
    }
  }
  return out;
}
