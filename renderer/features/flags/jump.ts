import { $dfs } from '@lexical/utils';
import { $createRangeSelection, $getRoot, $isTextNode, $setSelection, type LexicalEditor } from 'lexical';
import { $isFlagNode, type FlagNode } from '../../editor';

/**
 * Selects the whole text of flag `flagId` in `editor` (from its first piece to its last, which may span blocks),
 * focuses the editor and scrolls the first piece into view. False when the flag is not in this editor's text.
 */
export function selectFlagInEditor(editor: LexicalEditor, flagId: string): boolean {
  let firstKey: string | null = null;
  editor.update(
    () => {
      const pieces = $dfs($getRoot())
        .map((e) => e.node)
        .filter((n): n is FlagNode => $isFlagNode(n) && n.getIDs().includes(flagId));
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      if (!first || !last) return;
      const sel = $createRangeSelection();
      const a = first.getFirstDescendant();
      const b = last.getLastDescendant();
      if ($isTextNode(a)) sel.anchor.set(a.getKey(), 0, 'text');
      else sel.anchor.set(first.getKey(), 0, 'element');
      if ($isTextNode(b)) sel.focus.set(b.getKey(), b.getTextContentSize(), 'text');
      else sel.focus.set(last.getKey(), last.getChildrenSize(), 'element');
      $setSelection(sel);
      firstKey = first.getKey();
    },
    { discrete: true },
  );
  if (firstKey === null) return false;
  editor.focus();
  editor.getElementByKey(firstKey)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}
