import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { mergeRegister } from '@lexical/utils';
import {
  $addUpdateTag,
  $createRangeSelection,
  $createRangeSelectionFromDom,
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  INSERT_PARAGRAPH_COMMAND,
  KEY_DOWN_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  type LexicalEditor,
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
import { $removeFlag, $wrapRangeInFlag, $wrapSelectionInFlag, registerFlagTyping } from './flags';
import { registerForbiddenCharCleaning } from './forbidden';
import type { RecordKind } from './nodes/recordBlock';
import { $captureRecord, $captureTarget, $captureText, $exitRecordOnEnter } from './records';
import { matchShortcut, type ShortcutId } from './shortcuts';
import { $insertTimestamp } from './timestamps';
import { $keepingSelection, $trackRange, type TrackedRange } from './trackedRange';

/**
 * The page's side of the editor: record and flag creation happen there (through the backend), never here.
 * - onCapture(kind, text): create the decision/action record for `text` (the block's text, '' for a new block) and
 *   resolve its id; null (or a rejection) cancels and leaves the document as it is.
 * - onRequestFlag(selectionText, answered): ask the reason, create the flag record, resolve its id; null cancels.
 *   Call `answered()` as soon as the officer confirms, before the record is made: the caret goes back to the end of
 *   the passage and the editor takes the focus (typing goes on while the flag is recorded).
 */
export interface MinutesCallbacks {
  onCapture?: (kind: RecordKind, text: string) => Promise<string | null>;
  onRequestFlag?: (selectionText: string, answered: () => void) => Promise<string | null>;
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
        // The passage is followed while the flag is recorded: the officer goes on typing at once (answered below).
        const passage = $trackRange(editor, current);
        ask(current.getTextContent(), () => backToText(editor, passage)).then(
          (id) => {
            if (id) editor.update(() => $flagPassage(editor, passage, id));
            else passage.dispose();
          },
          () => passage.dispose(),
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
        if (!editor.isEditable()) return false;
        if (id === null) {
          // Enter, Backspace and Delete act where the caret is now, by the same race: Ctrl+End then Enter pressed at
          // once (right after the flag dialog, the page busy) reached the editor before the caret's move, and split the
          // sentence where the caret had been (an audit, 2026-12-07); Backspace or Delete so would remove a character
          // there. Lexical then handles the key as usual.
          if (CARET_KEYS.has(event.key) && !event.isComposing && $isRangeSelection($getSelection())) $takeCaretFromBrowser(editor);
          return false;
        }
        event.preventDefault();
        $takeCaretFromBrowser(editor);
        runShortcut(editor, id);
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}

/** Keys that change the text where the caret is (besides typing): taken where the browser's caret is now. */
const CARET_KEYS = new Set(['Enter', 'Backspace', 'Delete']);

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

/**
 * The officer has answered the flag dialog: the caret goes back into the text at once, at the end of the passage (where
 * it was, not over the passage), and the editor takes the focus in the same task, so every key typed next is the
 * minutes', however long the flag takes to be recorded (the same as Next item: useLiveControls.ts).
 */
function backToText(editor: LexicalEditor, passage: TrackedRange): void {
  editor.update(
    () => {
      const range = passage.$range();
      if (range === null) return;
      const end = range.isBackward() ? range.anchor : range.focus;
      const caret = $createRangeSelection();
      caret.anchor.set(end.key, end.offset, end.type);
      caret.focus.set(end.key, end.offset, end.type);
      $setSelection(caret);
    },
    { discrete: true },
  );
  editor.getRootElement()?.focus({ preventScroll: true });
}

/**
 * The flag recorded: its mark goes over the passage as it now stands (words typed inside it meanwhile included, none
 * typed after it), the officer's caret left where it is. The DOM selection is left alone when the officer is typing
 * somewhere else (another item, a field of the page): that focus stays theirs.
 */
function $flagPassage(editor: LexicalEditor, passage: TrackedRange, id: string): void {
  const range = passage.$range();
  passage.dispose();
  if (range === null || !editor.isEditable()) return;
  const root = editor.getRootElement();
  if (root !== null && !root.contains(root.ownerDocument.activeElement)) $addUpdateTag(SKIP_DOM_SELECTION_TAG);
  $keepingSelection(() => $wrapRangeInFlag(range, id));
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
