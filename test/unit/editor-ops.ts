import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, registerList } from '@lexical/list';
import { $dfs } from '@lexical/utils';
import fc from 'fast-check';
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type EditorState,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { $removeFlag, $wrapSelectionInFlag } from '../../renderer/editor/flags';
import type { SliceOptions, SlicedRead } from '../../renderer/editor/serialize';
import { $captureRecord } from '../../renderer/editor/records';
import { createHeadlessMinutesEditor } from '../../renderer/editor/headless';
import { $setBlockType, registerMinutesCommands } from '../../renderer/editor/register';
import { $insertTimestamp } from '../../renderer/editor/timestamps';

/**
 * Random edits of the real minutes editor model (headless Lexical with the app's nodes and commands): what an
 * officer does with keyboard and toolbar. Shared by the property tests of the editor and of the redaction lifecycle.
 */
export const FLAG_IDS = ['f1', 'f2', 'f3'];

/** A headless minutes editor with history, lists and the app's commands, for `apply`. */
export function editorWith(): LexicalEditor {
  const editor = createHeadlessMinutesEditor();
  registerHistory(editor, createEmptyHistoryState(), 0);
  registerList(editor);
  registerMinutesCommands(editor);
  return editor;
}

/** For reads in slices: a clock that moves one ms per reading, and a queue of "later" tasks the test runs itself. */
export function fakeScheduler() {
  let t = 0;
  const queue: Array<() => void> = [];
  return { now: () => t++, later: (fn: () => void) => void queue.push(fn), queue };
}

export type Op =
  | { kind: 'type'; at: number; off: number; text: string }
  | { kind: 'format'; at: number; off: number; to: number; off2: number; format: 'bold' | 'italic' | 'underline' }
  | { kind: 'split'; at: number; off: number }
  | { kind: 'list'; at: number; type: 'bullet' | 'number' | 'none' }
  | { kind: 'timestamp'; at: number; off: number }
  | { kind: 'flag'; at: number; off: number; to: number; off2: number; id: number }
  | { kind: 'unflag'; id: number }
  | { kind: 'record'; at: number; type: 'decision' | 'action'; n: number }
  | { kind: 'heading'; at: number; type: 'h1' | 'h2' | 'quote' | 'paragraph' }
  | { kind: 'delete'; at: number; off: number; to: number; off2: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('type' as const), at: unit, off: unit, text: fc.constantFrom('a', 'word ', 'Ü€ ', ' ', 'x y') }), weight: 5 },
  fc.record({ kind: fc.constant('format' as const), at: unit, off: unit, to: unit, off2: unit, format: fc.constantFrom('bold' as const, 'italic' as const, 'underline' as const) }),
  fc.record({ kind: fc.constant('split' as const), at: unit, off: unit }),
  fc.record({ kind: fc.constant('list' as const), at: unit, type: fc.constantFrom('bullet' as const, 'number' as const, 'none' as const) }),
  fc.record({ kind: fc.constant('timestamp' as const), at: unit, off: unit }),
  { arbitrary: fc.record({ kind: fc.constant('flag' as const), at: unit, off: unit, to: unit, off2: unit, id: fc.nat(2) }), weight: 2 },
  fc.record({ kind: fc.constant('unflag' as const), id: fc.nat(2) }),
  fc.record({ kind: fc.constant('record' as const), at: unit, type: fc.constantFrom('decision' as const, 'action' as const), n: fc.nat(5) }),
  fc.record({ kind: fc.constant('heading' as const), at: unit, type: fc.constantFrom('h1' as const, 'h2' as const, 'quote' as const, 'paragraph' as const) }),
  fc.record({ kind: fc.constant('delete' as const), at: unit, off: unit, to: unit, off2: unit }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

/** Text nodes in document order (the only anchors the ops use). */
function $texts(): TextNode[] {
  return $dfs($getRoot())
    .map((e) => e.node)
    .filter((n): n is TextNode => $isTextNode(n));
}

function $point(at: number, off: number): { node: TextNode; offset: number } | null {
  const texts = $texts();
  if (texts.length === 0) return null;
  const node = texts[Math.floor(at * texts.length)]!;
  return { node, offset: Math.floor(off * (node.getTextContentSize() + 1)) };
}

export function $selectRange(at: number, off: number, to: number, off2: number): boolean {
  const a = $point(Math.min(at, to), off);
  const b = $point(Math.max(at, to), off2);
  if (!a || !b) return false;
  const sel = $createRangeSelection();
  sel.anchor.set(a.node.getKey(), a.offset, 'text');
  sel.focus.set(b.node.getKey(), b.offset, 'text');
  $setSelection(sel);
  return true;
}

export function $selectPoint(at: number, off: number): boolean {
  const p = $point(at, off);
  if (p) p.node.select(p.offset, p.offset);
  else $getRoot().selectEnd();
  return true;
}

export function apply(editor: LexicalEditor, op: Op): void {
  editor.update(
    () => {
      switch (op.kind) {
        case 'type':
          $selectPoint(op.at, op.off);
          if (!editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, op.text)) {
            const sel = $getSelection();
            if ($isRangeSelection(sel)) sel.insertText(op.text);
          }
          return;
        case 'format': {
          if (!$selectRange(op.at, op.off, op.to, op.off2)) return;
          const sel = $getSelection();
          if ($isRangeSelection(sel)) sel.formatText(op.format);
          return;
        }
        case 'split': {
          $selectPoint(op.at, op.off);
          const sel = $getSelection();
          if ($isRangeSelection(sel)) sel.insertParagraph();
          return;
        }
        case 'list':
          $selectPoint(op.at, 0);
          editor.dispatchCommand(op.type === 'none' ? REMOVE_LIST_COMMAND : op.type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
          return;
        case 'timestamp':
          $selectPoint(op.at, op.off);
          $insertTimestamp('2025-06-01T08:30:00.000Z');
          return;
        case 'flag':
          if ($selectRange(op.at, op.off, op.to, op.off2)) $wrapSelectionInFlag(FLAG_IDS[op.id]!);
          return;
        case 'unflag':
          $removeFlag(FLAG_IDS[op.id]!);
          return;
        case 'record':
          $selectPoint(op.at, 0);
          $captureRecord(op.type, `rec-${op.n}`);
          return;
        case 'heading':
          $selectPoint(op.at, 0);
          $setBlockType(op.type);
          return;
        case 'delete': {
          if (!$selectRange(op.at, op.off, op.to, op.off2)) return;
          const sel = $getSelection();
          if ($isRangeSelection(sel)) sel.removeText();
          return;
        }
        case 'undo':
          editor.dispatchCommand(UNDO_COMMAND, undefined);
          return;
        case 'redo':
          editor.dispatchCommand(REDO_COMMAND, undefined);
          return;
      }
    },
    { discrete: true },
  );
}

/**
 * A read in slices of a snapshot while the officer goes on typing: edits before the snapshot, edits made between its
 * slices, the slice length, and after how many of those edits the rest is asked for at once (finishNow), if ever.
 */
type WhileTyping = [before: Op[], during: Op[], sliceMs: number, finishAfter: number | undefined];
export const whileTypingArb: fc.Arbitrary<WhileTyping> = fc.tuple(
  fc.array(opArb, { minLength: 1, maxLength: 40 }),
  fc.array(opArb, { maxLength: 20 }),
  fc.integer({ min: 1, max: 4 }),
  fc.option(fc.nat(10), { nil: undefined }),
);

/** Runs such a case with `start` (serializeInSlices, readMetaInSlices): the snapshot, and what the read gave. */
export async function readWhileTyping<T>(
  [before, during, sliceMs, finishAfter]: WhileTyping,
  start: (snapshot: EditorState, o: SliceOptions) => SlicedRead<T>,
): Promise<{ snapshot: EditorState; value: T }> {
  const editor = editorWith();
  for (const op of before) apply(editor, op);
  const snapshot = editor.getEditorState();
  const s = fakeScheduler();
  const read = start(snapshot, { sliceMs, now: s.now, later: s.later });
  let i = 0;
  while (s.queue.length > 0) {
    if (i < during.length) apply(editor, during[i++]!);
    if (finishAfter !== undefined && i === finishAfter) read.finishNow();
    s.queue.shift()!();
  }
  return { snapshot, value: await read.result };
}
