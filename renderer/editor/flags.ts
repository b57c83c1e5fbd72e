import { $unwrapMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import {
  $addUpdateTag,
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

/** The tag of the update that flags a selection ($wrapSelectionInFlag): the officer's own flagging. */
export const FLAGGING_TAG = 'tfs-flagging';

/** Longest excerpt reported per flag (the full text stays in the document). */
export const FLAG_EXCERPT_MAX = 280;

/**
 * Wraps the current range selection in flag `id`, across blocks: one FlagNode per block (and per run of inline content
 * between line breaks), each carrying `id`. Text already inside another flag gets a nested FlagNode, so overlaps keep
 * both ids. A link only partly selected is flagged whole ("when in doubt, stay flagged").
 * Returns false (and changes nothing) when there is no non-empty range selection. The update is tagged FLAGGING_TAG:
 * the undo that takes the editor back to the state before it is the only one that lifts the flag (flag-undo.ts).
 */
export function $wrapSelectionInFlag(id: string): boolean {
  const selection = $getSelection();
  return $isRangeSelection(selection) && $wrapRangeInFlag(selection, id);
}

/**
 * $wrapSelectionInFlag for any `range` (e.g. the passage a flag was asked for, while the officer types elsewhere): the
 * current selection is not set to it (Lexical keeps the caret in the text it was in when that text is split).
 */
export function $wrapRangeInFlag(range: RangeSelection, id: string): boolean {
  if (range.isCollapsed() || range.getTextContent().length === 0) return false;
  $wrapSelectionInMarkNode(range, range.isBackward(), id, (ids) => $createFlagNode(ids));
  $addUpdateTag(FLAGGING_TAG);
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
  const texts = new FlagTexts();
  for (const flag of $allFlagNodes()) texts.add(flag);
  return texts.excerpts();
}

/**
 * The flags' texts gathered one FlagNode at a time, in document order: what $collectFlagIds and the page's change
 * reading (meta.ts, a few blocks per task) make their excerpts with.
 */
export class FlagTexts {
  private readonly texts = new Map<string, string[]>();

  add(flag: FlagNode): void {
    const text = flag.getTextContent();
    for (const id of flag.getIDs()) {
      const parts = this.texts.get(id);
      if (parts) parts.push(text);
      else this.texts.set(id, [text]);
    }
  }

  excerpts(): FlagExcerpt[] {
    return [...this.texts].map(([id, parts]) => ({ id, excerpt: shorten(parts.join(' … ')) }));
  }
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

/**
 * The ids of the flags over the characters a selection holds: a text node inside a flag counts only when some of its
 * characters are selected (a selection that starts at the very end of a flag's text and runs on past it holds no
 * flagged character). None for a collapsed selection.
 */
export function $flagIdsSelected(selection: RangeSelection): string[] {
  if (selection.isCollapsed()) return [];
  const [start, end] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
  const ids: string[] = [];
  for (const node of selection.getNodes()) {
    if (!$isTextNode(node)) continue;
    const from = start.type === 'text' && start.key === node.getKey() ? start.offset : 0;
    const to = end.type === 'text' && end.key === node.getKey() ? end.offset : node.getTextContentSize();
    if (to > from) for (const id of $flagIdsAround(node)) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The ids text inserted at `selection` must carry: over a selection, the flags of the characters it replaces; at a
 * caret, the flags around it, or the flag whose edge it is at (text typed there joins it, $insertTextAtFlagEdge).
 */
export function $flagIdsForInsertion(selection: RangeSelection): string[] {
  if (!selection.isCollapsed()) return $flagIdsSelected(selection);
  const ids = $flagIdsAround(selection.anchor.getNode());
  const edge = $flagEdgeAtCaret(selection);
  if (edge) for (const id of $flagIdsAround(edge.flag)) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/**
 * Inserts `text` at `selection` (removed first when it is not collapsed) so that it carries every id of `ids`: inside
 * the flag at the caret or at its edge, at the start of what is left of a flag just after the caret, or, when no flag
 * is there any more (it went with the removed words, or a new paragraph began after it), in a new mark with those ids.
 */
export function $insertFlaggedText(selection: RangeSelection, text: string, ids: readonly string[]): void {
  const { format, style } = selection;
  if (!selection.isCollapsed()) selection.removeText();
  const caret = $getSelection();
  if (!$isRangeSelection(caret) || text === '') return;
  if ($insertTextAtFlagEdge(caret, text)) return;
  if ($flagIdsAround(caret.anchor.getNode()).length > 0) {
    caret.insertText(text);
    return;
  }
  const next = $flagJustAfterCaret(caret);
  if (next !== null) {
    $insertAtEdge(caret, { flag: next, edge: 'start' }, text);
    return;
  }
  const fresh = $createTextNode(text).setFormat(format).setStyle(style);
  caret.insertNodes([$createFlagNode(ids).append(fresh)]);
  fresh.selectEnd();
}

/**
 * Text typed or pasted over a selection that holds flagged characters replaces flagged words, so it is flagged
 * (fail-closed: a correction of a confidential passage is as confidential). Lexical alone removed the selection and
 * put the new text after the flag (a FlagNode takes no text before or after it), unflagged (fifth audit). See
 * $insertFlaggedText for where it goes. Returns false when the selection holds no flagged character (the caller then
 * inserts as usual: words selected after a flag and typed over stay outside it).
 */
export function $replaceSelectionKeepingFlags(selection: RangeSelection, text: string): boolean {
  if (text === '') return false;
  const ids = $flagIdsSelected(selection);
  if (ids.length === 0) return false;
  $insertFlaggedText(selection, text, ids);
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
