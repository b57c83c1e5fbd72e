import { $createRangeSelection, $getNearestNodeFromDOMNode, $isTextNode, $setSelection, type LexicalEditor, type RangeSelection } from 'lexical';
import { $wrapSelectionInFlag } from '../../editor';

/** White space and case do not decide whether a range still holds the suggested text (a line break reads as ''). */
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * The Lexical selection for a DOM range over the editor's text: each end's DOM text node is mapped to its Lexical
 * TextNode ($getNearestNodeFromDOMNode), with the same offset. Null when an end is not in a text node of this editor
 * (the text was re-rendered or removed since the suggestion was made). Call inside editor.read/update.
 */
export function $selectionFromDomRange(range: Range): RangeSelection | null {
  const a = $getNearestNodeFromDOMNode(range.startContainer);
  const b = $getNearestNodeFromDOMNode(range.endContainer);
  if (range.startContainer.nodeType !== 3 || range.endContainer.nodeType !== 3) return null;
  if (!$isTextNode(a) || !$isTextNode(b)) return null;
  if (range.startOffset > a.getTextContentSize() || range.endOffset > b.getTextContentSize()) return null;
  const sel = $createRangeSelection();
  sel.anchor.set(a.getKey(), range.startOffset, 'text');
  sel.focus.set(b.getKey(), range.endOffset, 'text');
  return sel;
}

/** Whether the range still covers `expected` in the editor (checked before a flag record is made for it). */
export function rangeStillHolds(editor: LexicalEditor, range: Range, expected: string): boolean {
  if (range.collapsed || squash(range.toString()) !== squash(expected)) return false;
  // editor.read (not editorState.read): mapping DOM nodes to Lexical nodes needs the active editor.
  return editor.read(() => {
    const sel = $selectionFromDomRange(range);
    return sel !== null && squash(sel.getTextContent()) === squash(expected);
  });
}

/**
 * Wraps exactly the range in flag `flagId` (the record exists already). Returns false, changing nothing, when the
 * range no longer maps onto the editor's text.
 */
export function wrapDomRangeInFlag(editor: LexicalEditor, range: Range, flagId: string): boolean {
  let done = false;
  editor.update(
    () => {
      const sel = $selectionFromDomRange(range);
      if (!sel) return;
      $setSelection(sel);
      done = $wrapSelectionInFlag(flagId);
    },
    { discrete: true },
  );
  return done;
}
