import { COMMAND_PRIORITY_CRITICAL, mergeRegister, REDO_COMMAND, UNDO_COMMAND, type EditorState, type LexicalEditor } from 'lexical';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { $collectFlagIds } from './flags';

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
 * Tracks the flag marks that UNDO removes: each such id is added to `undone` and reported to `onLifted`; a redo (or
 * undo) that brings a mark back takes its id out again. The ids in `undone` travel with the next save as
 * liftedByUndo; any other mark that goes missing leaves its flag in force.
 *
 * Lexical tags undo and redo updates alike ('historic'), so the command that started the update is noted first
 * (critical priority, ahead of the history's own handler, without handling it). Only an undo lifts: a redo that
 * removes a mark replays an edit (a paste over the passage, a deletion), not the undoing of a flagging. A historic
 * update with no undo noted before it lifts nothing (fail-closed: the flag stays in force).
 * No React, no UI: the editor plugin and the tests use it alike.
 */
export function registerFlagUndoTracking(editor: LexicalEditor, undone: Set<string>, onLifted?: (ids: string[]) => void): () => void {
  let direction: 'undo' | 'redo' | null = null;
  /**
   * Flags whose mark "Flag again" put back: the undo that removes that mark (undoing the "Flag again") lifts nothing,
   * and uses the exemption up (spent); an undo further back, past the officer's own flagging, lifts as usual. A redo
   * that brings the mark back again re-arms it.
   */
  const putBack = new Set<string>();
  const spent = new Set<string>();
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
      const lifted = [...before].filter((id) => {
        if (after.has(id)) return false;
        if (!putBack.delete(id)) return true;
        spent.add(id);
        return false;
      });
      for (const id of lifted) undone.add(id);
      if (lifted.length > 0) onLifted?.(lifted);
    }),
  );
}
