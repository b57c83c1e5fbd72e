import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $createParagraphNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  INSERT_PARAGRAPH_COMMAND,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';
import {
  CAPTURE_ACTION_COMMAND,
  CAPTURE_DECISION_COMMAND,
  FLAG_SELECTION_COMMAND,
  INSERT_TIMESTAMP_COMMAND,
  OPEN_LINK_EDITOR_COMMAND,
  REMOVE_FLAG_COMMAND,
  REQUEST_FLAG_COMMAND,
  SET_BLOCK_TYPE_COMMAND,
  SHOW_HINT_COMMAND,
  type BlockType,
} from './commands';
import { $selectWordAtCaret } from './caret';
import { $removeFlag, $wrapSelectionInFlag, registerFlagTyping } from './flags';
import { registerForbiddenCharCleaning } from './forbidden';
import type { RecordKind } from './nodes/recordBlock';
import { $captureRecord, $captureTarget, $captureText, $exitRecordOnEnter } from './records';
import { matchShortcut, type ShortcutId } from './shortcuts';
import { $insertTimestamp } from './timestamps';

/**
 * The page's side of the editor: record and flag creation happen there (through the backend), never here.
 * - onCapture(kind, text): create the decision/action record for `text` (the block's text, '' for a new block) and
 *   resolve its id; null (or a rejection) cancels and leaves the document as it is.
 * - onRequestFlag(selectionText): ask the reason, create the flag record, resolve its id; null cancels.
 */
export interface MinutesCallbacks {
  onCapture?: (kind: RecordKind, text: string) => Promise<string | null>;
  onRequestFlag?: (selectionText: string) => Promise<string | null>;
}

/**
 * Registers every minutes command on `editor` (no UI, no React): timestamps, captures, flags, block types, the flag
 * edge-typing rule, the keyboard shortcuts and the cleaning of the characters a save is refused for (forbidden.ts).
 * `callbacks` is read when a command runs, so the page may change them.
 */
export function registerMinutesCommands(editor: LexicalEditor, callbacks: () => MinutesCallbacks = () => ({})): () => void {
  const capture = (kind: RecordKind, payload: { recordId: string } | undefined): boolean => {
    if (!editor.isEditable()) return false;
    if (payload?.recordId) {
      $captureRecord(kind, payload.recordId);
      return true;
    }
    const onCapture = callbacks().onCapture;
    if (!onCapture) return false;
    const target = $captureTarget();
    const key = target?.getKey() ?? null;
    const text = $captureText(target);
    onCapture(kind, text).then(
      (recordId) => {
        if (recordId) editor.update(() => void $captureRecord(kind, recordId, key, text));
      },
      () => undefined, // the page reports its own failure; the text stays as typed
    );
    return true;
  };

  return mergeRegister(
    registerFlagTyping(editor),
    registerForbiddenCharCleaning(editor),
    editor.registerCommand(INSERT_PARAGRAPH_COMMAND, () => editor.isEditable() && $exitRecordOnEnter(), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(
      INSERT_TIMESTAMP_COMMAND,
      (payload) => {
        if (!editor.isEditable()) return false;
        $insertTimestamp(payload?.at ?? new Date());
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(CAPTURE_DECISION_COMMAND, (p) => capture('decision', p), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(CAPTURE_ACTION_COMMAND, (p) => capture('action', p), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(FLAG_SELECTION_COMMAND, (id) => editor.isEditable() && $wrapSelectionInFlag(id), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(REMOVE_FLAG_COMMAND, (id) => editor.isEditable() && $removeFlag(id) > 0, COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(
      REQUEST_FLAG_COMMAND,
      () => {
        const ask = callbacks().onRequestFlag;
        const selection = $getSelection();
        if (!ask || !editor.isEditable() || !$isRangeSelection(selection)) return false;
        // Nothing selected: the word at the caret, else say what to do (never a silent no-op).
        if (selection.isCollapsed() && $selectWordAtCaret() === null) {
          editor.dispatchCommand(SHOW_HINT_COMMAND, 'To flag a passage, select it first (Shift+arrow keys), then press Alt+Shift+F.');
          return true;
        }
        const current = $getSelection();
        if (!$isRangeSelection(current)) return false;
        const saved = current.clone();
        ask(current.getTextContent()).then(
          (id) => {
            if (id) editor.update(() => void ($restoreSelection(saved) && $wrapSelectionInFlag(id)));
          },
          () => undefined,
        );
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      SET_BLOCK_TYPE_COMMAND,
      (type) => {
        if (!editor.isEditable()) return false;
        $setBlockType(type);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const id = matchShortcut(event);
        if (id === null || !editor.isEditable()) return false;
        event.preventDefault();
        $takeCaretFromBrowser(editor);
        runShortcut(editor, id);
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}

/**
 * A shortcut acts where the caret is now. Chromium may deliver a key pressed right after a click before the
 * selectionchange that tells the editor where the click put the caret, so the editor's selection can still be the old
 * one: flagging would then flag the previous word and leave the clicked one published. At a shortcut's keydown the
 * browser's selection is the truth; when it lies in this editor and differs, the editor takes it first.
 */
function $takeCaretFromBrowser(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const dom = root?.ownerDocument.defaultView?.getSelection() ?? null;
  if (!root || !dom || dom.rangeCount === 0 || !dom.anchorNode || !dom.focusNode) return;
  if (!root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return;
  const fromDom = $createRangeSelectionFromDom(dom, editor);
  if (!fromDom) return;
  const current = $getSelection();
  if ($isRangeSelection(current) && current.anchor.is(fromDom.anchor) && current.focus.is(fromDom.focus)) return;
  $setSelection(fromDom);
}

export function runShortcut(editor: LexicalEditor, id: ShortcutId): void {
  switch (id) {
    case 'timestamp':
      editor.dispatchCommand(INSERT_TIMESTAMP_COMMAND, undefined);
      return;
    case 'decision':
      editor.dispatchCommand(CAPTURE_DECISION_COMMAND, undefined);
      return;
    case 'action':
      editor.dispatchCommand(CAPTURE_ACTION_COMMAND, undefined);
      return;
    case 'flag':
      editor.dispatchCommand(REQUEST_FLAG_COMMAND, undefined);
      return;
    case 'link':
      editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
      return;
    case 'numbered':
      editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    case 'bullet':
      editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
      return;
    default:
      editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, id);
  }
}

/** Puts back a selection saved before an async prompt, if its nodes still exist; false otherwise. */
function $restoreSelection(saved: RangeSelection): boolean {
  const ok = [saved.anchor, saved.focus].every((p) => {
    const node = $getNodeByKey(p.key);
    return node !== null && node.isAttached() && p.offset <= (p.type === 'text' ? node.getTextContentSize() : (node as unknown as { getChildrenSize(): number }).getChildrenSize());
  });
  if (ok) $setSelection(saved.clone());
  return ok;
}

/** Applies a block type to the selected blocks; applying the type a block already has returns it to a paragraph. */
export function $setBlockType(type: BlockType): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const block = selection.anchor.getNode().getTopLevelElement();
  const already = (type === 'quote' && $isQuoteNode(block)) || ($isHeadingNode(block) && block.getTag() === type);
  if (type === 'paragraph' || already) $setBlocksType(selection, () => $createParagraphNode());
  else if (type === 'quote') $setBlocksType(selection, () => $createQuoteNode());
  else $setBlocksType(selection, () => $createHeadingNode(type));
}
