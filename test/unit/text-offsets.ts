import { $dfs } from '@lexical/utils';
import { $createRangeSelection, $getRoot, $isTextNode, $setSelection, type TextNode } from 'lexical';

/**
 * Selections by offset in the whole text of a headless editor (its text nodes in order, paragraphs joined by nothing),
 * for tests that select words the way an officer drags over them. Call inside editor.update/read.
 */
export function $textNodes(): TextNode[] {
  return $dfs($getRoot()).map((e) => e.node).filter($isTextNode);
}

function $point(at: number): [TextNode, number] | null {
  const texts = $textNodes();
  if (texts.length === 0) return null;
  let rest = at;
  for (const n of texts) {
    if (rest <= n.getTextContentSize()) return [n, rest];
    rest -= n.getTextContentSize();
  }
  const last = texts[texts.length - 1]!;
  return [last, last.getTextContentSize()];
}

/** Selects from offset `from` to `to`; with no text at all, puts the caret at the end (and says false). */
export function $selectText(from: number, to: number): boolean {
  const a = $point(from);
  const b = $point(to);
  if (!a || !b) {
    $getRoot().selectEnd();
    return false;
  }
  const sel = $createRangeSelection();
  sel.anchor.set(a[0].getKey(), a[1], 'text');
  sel.focus.set(b[0].getKey(), b[1], 'text');
  $setSelection(sel);
  return true;
}
