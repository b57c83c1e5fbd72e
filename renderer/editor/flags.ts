import { $unwrapMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { $createFlagNode, $isFlagNode, type FlagNode } from './nodes/FlagNode';

export interface FlagExcerpt {
  id: string;
  excerpt: string;
}

/** Longest excerpt reported per flag (the full text stays in the document). */
export const FLAG_EXCERPT_MAX = 280;

/**
 * Wraps the current range selection in flag `id`, across blocks: one FlagNode per block (and per run of inline content
 * between line breaks), each carrying `id`. Text already inside another flag gets a nested FlagNode, so overlaps keep
 * both ids. A link only partly selected is flagged whole ("when in doubt, stay flagged").
 * Returns false (and changes nothing) when there is no non-empty range selection.
 */
export function $wrapSelectionInFlag(id: string): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
  if (selection.getTextContent().length === 0) return false;
  $wrapSelectionInMarkNode(selection, selection.isBackward(), id, (ids) => $createFlagNode(ids));
  return true;
}

/** Removes flag `id` everywhere: a FlagNode carrying only `id` is unwrapped, one carrying others just loses `id`. */
export function $removeFlag(id: string): number {
  let touched = 0;
  for (const flag of $allFlagNodes()) {
    if (!flag.isAttached() || !flag.hasID(id)) continue;
    touched++;
    if (flag.getIDs().length > 1) flag.deleteID(id);
    else $unwrapMarkNode(flag);
  }
  return touched;
}

/**
 * The flag ids present in the document, in document order, each with its text (all its FlagNodes' text, joined with
 * " … ", shortened to FLAG_EXCERPT_MAX). This is what the page hands to flags.sync.
 */
export function $collectFlagIds(): FlagExcerpt[] {
  const texts = new Map<string, string[]>();
  for (const flag of $allFlagNodes()) {
    const text = flag.getTextContent();
    for (const id of flag.getIDs()) {
      const parts = texts.get(id) ?? [];
      parts.push(text);
      texts.set(id, parts);
    }
  }
  return [...texts].map(([id, parts]) => ({ id, excerpt: shorten(parts.join(' … ')) }));
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= FLAG_EXCERPT_MAX ? flat : `${flat.slice(0, FLAG_EXCERPT_MAX - 1)}…`;
}

/** Whether any flag mark of the document carries `id` (no texts gathered, unlike $collectFlagIds). */
export function $hasFlagMark(id: string): boolean {
  return $allFlagNodes().some((flag) => flag.getIDs().includes(id));
}

function $allFlagNodes(): FlagNode[] {
  return $dfs($getRoot())
    .map((entry) => entry.node)
    .filter((node: LexicalNode): node is FlagNode => $isFlagNode(node));
}

/**
 * Where text typed at a collapsed caret would leave a flag, the flag to put it in and at which edge: the caret at the
 * end (start) of a flag's last (first) text, or just after a flag (offset 0 of the next text node, or an element
 * point right after it). Text typed just *before* a flag, at the end of the preceding text, stays outside: that caret
 * is unambiguously in the preceding text.
 */
function $flagEdgeAtCaret(selection: RangeSelection): { flag: FlagNode; edge: 'start' | 'end' } | null {
  if (!selection.isCollapsed()) return null;
  const { anchor } = selection;
  const node = anchor.getNode();
  if ($isTextNode(node)) {
    const parent = node.getParent();
    if ($isFlagNode(parent) && anchor.offset === node.getTextContentSize() && node.getNextSibling() === null) return { flag: parent, edge: 'end' };
    if ($isFlagNode(parent) && anchor.offset === 0 && node.getPreviousSibling() === null) return { flag: parent, edge: 'start' };
    const prev = node.getPreviousSibling();
    if (anchor.offset === 0 && $isFlagNode(prev)) return { flag: prev, edge: 'end' };
    return null;
  }
  if ($isElementNode(node) && anchor.offset > 0) {
    const prev = node.getChildAtIndex(anchor.offset - 1);
    if ($isFlagNode(prev)) return { flag: prev, edge: 'end' };
  }
  return null;
}

/**
 * Inserts `text` inside the flag at the caret's edge (see $flagEdgeAtCaret), descending into nested flags so the text
 * carries every id that covers the edge. Returns false when the caret is not at a flag's edge (the caller then lets
 * Lexical insert normally).
 */
export function $insertTextAtFlagEdge(selection: RangeSelection, text: string): boolean {
  const found = $flagEdgeAtCaret(selection);
  if (found === null || text === '') return false;
  $insertAtEdge(selection, found, text);
  return true;
}

function $insertAtEdge(selection: RangeSelection, found: { flag: FlagNode; edge: 'start' | 'end' }, text: string): void {
  let flag = found.flag;
  for (;;) {
    const inner = found.edge === 'end' ? flag.getLastChild() : flag.getFirstChild();
    if (!$isFlagNode(inner)) break;
    flag = inner;
  }
  const edgeChild = found.edge === 'end' ? flag.getLastChild() : flag.getFirstChild();
  const { format, style } = selection;
  if ($isTextNode(edgeChild) && edgeChild.isSimpleText() && edgeChild.getFormat() === format && edgeChild.getStyle() === style) {
    const at = found.edge === 'end' ? edgeChild.getTextContentSize() : 0;
    edgeChild.spliceText(at, 0, text, true);
    if (found.edge === 'start') edgeChild.select(text.length, text.length);
    return;
  }
  const fresh = $createTextNode(text).setFormat(format).setStyle(style);
  if (found.edge === 'end') flag.append(fresh);
  else if (edgeChild) edgeChild.insertBefore(fresh);
  else flag.append(fresh);
  fresh.selectEnd();
}

/** The flag that starts right after a collapsed caret (at the end of the text before it, or an element point before it). */
function $flagJustAfterCaret(selection: RangeSelection): FlagNode | null {
  const { anchor } = selection;
  const node = anchor.getNode();
  const next = $isTextNode(node) ? (anchor.offset === node.getTextContentSize() ? node.getNextSibling() : null) : $isElementNode(node) ? node.getChildAtIndex(anchor.offset) : null;
  return $isFlagNode(next) ? next : null;
}

/** The ids of every flag around `node` (its flag ancestors), or none. */
function $flagIdsAround(node: LexicalNode): string[] {
  const ids: string[] = [];
  for (let n: LexicalNode | null = node; n !== null; n = n.getParent()) if ($isFlagNode(n)) for (const id of n.getIDs()) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** Whether a selection that is not collapsed has an end inside a flag (what it replaces is, at least partly, flagged). */
export function $selectionEndsInFlag(selection: RangeSelection): boolean {
  return !selection.isCollapsed() && ($flagIdsAround(selection.anchor.getNode()).length > 0 || $flagIdsAround(selection.focus.getNode()).length > 0);
}

/**
 * Text typed or pasted over a selection that starts or ends inside a flag replaces flagged words, so it is flagged
 * (fail-closed: a correction of a confidential passage is as confidential). Lexical alone removed the selection and
 * put the new text after the flag (a FlagNode takes no text before or after it), unflagged (fifth audit). The
 * selection is removed first; the text then goes inside the flag at the caret, or at the start of what is left of
 * the flag just after the caret, or, when the flag went with the removed words, into a new mark with the same ids.
 * Returns false when neither end of the selection is in a flag (the caller then inserts as usual).
 */
export function $replaceSelectionKeepingFlags(selection: RangeSelection, text: string): boolean {
  if (selection.isCollapsed() || text === '') return false;
  const ids = $flagIdsAround(selection.anchor.getNode());
  for (const id of $flagIdsAround(selection.focus.getNode())) if (!ids.includes(id)) ids.push(id);
  if (ids.length === 0) return false;
  const { format, style } = selection;
  selection.removeText();
  const caret = $getSelection();
  if (!$isRangeSelection(caret)) return true;
  if ($insertTextAtFlagEdge(caret, text)) return true;
  if ($flagIdsAround(caret.anchor.getNode()).length > 0) {
    caret.insertText(text);
    return true;
  }
  // The removed words began before the flag: the new text joins what is left of it.
  const next = $flagJustAfterCaret(caret);
  if (next !== null) {
    $insertAtEdge(caret, { flag: next, edge: 'start' }, text);
    return true;
  }
  const fresh = $createTextNode(text).setFormat(format).setStyle(style);
  caret.insertNodes([$createFlagNode(ids).append(fresh)]);
  fresh.selectEnd();
  return true;
}

/** Registers the flag edge typing rule on an editor (used by FlagPlugin, and by headless tests). */
export function registerFlagTyping(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    CONTROLLED_TEXT_INSERTION_COMMAND,
    (payload) => {
      const text = typeof payload === 'string' ? payload : payload.dataTransfer == null ? payload.data : null;
      const selection = $getSelection();
      if (!text || !$isRangeSelection(selection)) return false;
      return $replaceSelectionKeepingFlags(selection, text) || $insertTextAtFlagEdge(selection, text);
    },
    COMMAND_PRIORITY_HIGH,
  );
}
