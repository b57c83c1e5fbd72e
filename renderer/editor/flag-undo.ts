import { COMMAND_PRIORITY_CRITICAL, mergeRegister, REDO_COMMAND, UNDO_COMMAND, type EditorState, type LexicalEditor } from 'lexical';
import { $collectFlagIds } from './flags';

const idsIn = (state: EditorState) => new Set(state.read(() => $collectFlagIds().map((f) => f.id)));

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
        return;
      }
      const by = direction;
      const after = idsIn(editorState);
      for (const id of after) undone.delete(id);
      if (by !== 'undo') return;
      const lifted = [...idsIn(prevEditorState)].filter((id) => !after.has(id));
      for (const id of lifted) undone.add(id);
      if (lifted.length > 0) onLifted?.(lifted);
    }),
  );
}
