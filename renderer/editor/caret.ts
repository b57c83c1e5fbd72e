import { $addUpdateTag, $createRangeSelection, $getSelection, $isRangeSelection, $isTextNode, $setSelection, SKIP_DOM_SELECTION_TAG } from 'lexical';

const WORD_CHAR = /[\p{L}\p{N}@._\-+'’]/u;
const EDGE_PUNCT = /^[._\-+'’]+|[._\-+'’]+$/gu;

/**
 * With the caret in (or at either end of) a word, selects that word — letters and digits, with the joiners of e-mail
 * addresses, hyphenated names and numbers — and returns its text. Null (selection unchanged) when the selection is
 * not a caret or no word touches it. For "flag/link the word at the caret" when nothing is selected.
 */
export function $selectWordAtCaret(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node)) return null;
  const text = node.getTextContent();
  const at = selection.anchor.offset;
  let start = at;
  let end = at;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  const raw = text.slice(start, end);
  const trimmed = raw.replace(EDGE_PUNCT, '');
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return null;
  start += raw.indexOf(trimmed);
  end = start + trimmed.length;
  const word = $createRangeSelection();
  word.anchor.set(node.getKey(), start, 'text');
  word.focus.set(node.getKey(), end, 'text');
  $setSelection(word);
  // The dialog that follows (flag reason, link address) takes the focus: the DOM selection must not take it back.
  $addUpdateTag(SKIP_DOM_SELECTION_TAG);
  return trimmed;
}
