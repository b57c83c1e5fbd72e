import type { EditorState, LexicalEditor } from 'lexical';
import { $collectFlagIds } from './flags';

const idsIn = (state: EditorState) => new Set(state.read(() => $collectFlagIds().map((f) => f.id)));

/**
 * Tracks the flag marks that undo removes (Lexical tags undo/redo updates 'historic'): each such id is added to
 * `undone` and reported to `onLifted`; a redo that brings a mark back takes its id out again. The ids in `undone`
 * travel with the next save as liftedByUndo; any other mark that goes missing leaves its flag in force.
 * No React, no UI: the editor plugin and the tests use it alike.
 */
export function registerFlagUndoTracking(editor: LexicalEditor, undone: Set<string>, onLifted?: (ids: string[]) => void): () => void {
  return editor.registerUpdateListener(({ tags, prevEditorState, editorState }) => {
    if (!tags.has('historic')) return;
    const before = idsIn(prevEditorState);
    const after = idsIn(editorState);
    const lifted = [...before].filter((id) => !after.has(id));
    for (const id of after) undone.delete(id);
    for (const id of lifted) undone.add(id);
    if (lifted.length > 0) onLifted?.(lifted);
  });
}
