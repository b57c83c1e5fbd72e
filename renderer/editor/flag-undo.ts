import type { HistoryState } from '@lexical/history';
import { COMMAND_PRIORITY_CRITICAL, mergeRegister, REDO_COMMAND, UNDO_COMMAND, type EditorState, type LexicalEditor } from 'lexical';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { $collectFlagIds, FLAGGING_TAG } from './flags';

const idsIn = (state: EditorState) => new Set(state.read(() => $collectFlagIds().map((f) => f.id)));

/**
 * The tag of the update that puts a flag's mark back ("Flag again", MinutesEditor putFlagBack). Such a flag was in
 * force before its mark came back (mark missing), so no undo lifts it: undoing the "Flag again" leaves it in force
 * with its mark missing again, and the export refuses until the officer decides (fifth audit: Ctrl+Z right after
 * "Flag again" used to lift the flag and publish the passage).
 */
export const FLAG_AGAIN_TAG = 'tfs-flag-again';

/** Sets `content` (the editor's content with a flag's mark put back by applyFlags) as "Flag again" does. */
export function putFlagBack(editor: LexicalEditor, content: SerializedDoc): void {
  editor.setEditorState(editor.parseEditorState(JSON.stringify(content)), { tag: FLAG_AGAIN_TAG });
}

/**
 * Tracks the flags whose flagging an UNDO takes back: each such id is added to `undone` and reported to `onLifted`; an
 * update that brings its mark back (a redo, a paste of a copy with the mark) takes it out again. The ids in `undone`
 * travel with the next save as liftedByUndo; any other mark that goes missing leaves its flag in force.
 *
 * An undo takes back a flagging when it pops the very step of `history` that the flagging (an update tagged
 * FLAGGING_TAG) pushed: the history then holds, as its current entry, the state that step recorded. An undo that
 * removes a flag's last mark in any other way lifts nothing: undoing a paste that carried a copy of the mark (an
 * audit found a cut, a plain paste of the words back and the undo of a marked paste publishing the passage,
 * 2026-12-07), even when it leaves the same words as before the flagging. Kept in a WeakMap keyed by that recorded
 * state: once the history drops the step, nothing lifts (fail-closed: the flag stays in force, its mark missing).
 *
 * Lexical tags undo and redo updates alike ('historic'), so the command that started the update is noted first
 * (critical priority, ahead of the history's own handler, without handling it). Only an undo lifts: a redo that
 * removes a mark replays an edit (a paste over the passage, a deletion), not the undoing of a flagging. A historic
 * update with no undo noted before it lifts nothing (fail-closed: the flag stays in force).
 * No React, no UI: the editor plugin and the tests use it alike.
 */
export function registerFlagUndoTracking(editor: LexicalEditor, history: HistoryState, undone: Set<string>, onLifted?: (ids: string[]) => void): () => void {
  let direction: 'undo' | 'redo' | null = null;
  /**
   * Flags whose mark "Flag again" put back: the undo that removes that mark (undoing the "Flag again") lifts nothing,
   * and uses the exemption up (spent); an undo further back, past the officer's own flagging, lifts as usual. A redo
   * that brings the mark back again re-arms it.
   */
  const putBack = new Set<string>();
  const spent = new Set<string>();
  /** The state each flagging's step of the history records (the state before it), with the ids it flagged. */
  const flaggedFrom = new WeakMap<EditorState, Set<string>>();
  const note = (d: 'undo' | 'redo') => () => {
    direction = d;
    return false;
  };
  return mergeRegister(
    editor.registerCommand(UNDO_COMMAND, note('undo'), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(REDO_COMMAND, note('redo'), COMMAND_PRIORITY_CRITICAL),
    editor.registerUpdateListener(({ tags, prevEditorState, editorState }) => {
      // One undo or redo may commit as more than one historic update (the command runs inside an update of its own):
      // each takes the direction noted for it, until an ordinary update ends that undo or redo.
      if (!tags.has('historic')) {
        direction = null;
        if (tags.has(FLAG_AGAIN_TAG)) {
          const before = idsIn(prevEditorState);
          for (const id of idsIn(editorState)) if (!before.has(id)) putBack.add(id);
        }
        if (tags.has(FLAGGING_TAG)) {
          const before = idsIn(prevEditorState);
          const fresh = [...idsIn(editorState)].filter((id) => !before.has(id));
          // The step this flagging pushes records the history's current state before it: read after the history has
          // heard this update (its current is then this state, the step on top), or before (it is about to push it).
          const heard = history.current?.editorState === editorState;
          const from = heard ? history.undoStack[history.undoStack.length - 1]?.editorState : history.current?.editorState;
          if (from && fresh.length > 0) flaggedFrom.set(from, new Set([...(flaggedFrom.get(from) ?? []), ...fresh]));
        }
        // A lifted flag whose mark came back (a copy pasted with it) is in force again. Read only while one is lifted.
        if (undone.size > 0) for (const id of idsIn(editorState)) undone.delete(id);
        return;
      }
      const by = direction;
      const before = idsIn(prevEditorState);
      const after = idsIn(editorState);
      for (const id of after) undone.delete(id);
      if (by === 'redo')
        for (const id of after)
          if (!before.has(id) && spent.delete(id)) putBack.add(id);
      if (by !== 'undo') return;
      // The step this undo popped: the history's current entry, set before the state is (a copy of its state).
      const popped = history.current ? flaggedFrom.get(history.current.editorState) : undefined;
      const undoesFlagging = (id: string) => popped?.has(id) ?? false;
      const lifted = [...before].filter((id) => {
        if (after.has(id)) return false;
        if (!putBack.delete(id)) return undoesFlagging(id);
        spent.add(id);
        return false;
      });
      for (const id of lifted) undone.add(id);
      if (lifted.length > 0) onLifted?.(lifted);
    }),
  );
}
