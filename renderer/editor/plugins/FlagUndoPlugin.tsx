import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { EditorState } from 'lexical';
import { useEffect, useRef } from 'react';
import { $collectFlagIds } from '../flags';

/** The ids of the flags whose marks an undo removed and no redo has brought back yet (per editor). */
export interface UndoneFlags {
  current: Set<string>;
}

const idsIn = (state: EditorState) => new Set(state.read(() => $collectFlagIds().map((f) => f.id)));

/**
 * Listens for undo/redo (Lexical tags those updates 'historic'): a flag mark that an undo removes is reported as
 * "lifted by undo" (added to `undone`, and `onLifted` called so the officer is told at once); a redo that brings it
 * back takes it out again. Only these ids travel with the next save as liftedByUndo; any other mark that goes
 * missing leaves its flag in force. A listener only: no UI.
 */
export function FlagUndoPlugin(props: { undone: UndoneFlags; onLifted?: (ids: string[]) => void }): null {
  const [editor] = useLexicalComposerContext();
  const onLifted = useRef(props.onLifted);
  onLifted.current = props.onLifted;
  const undone = props.undone;
  useEffect(
    () =>
      editor.registerUpdateListener(({ tags, prevEditorState, editorState }) => {
        if (!tags.has('historic')) return;
        const before = idsIn(prevEditorState);
        const after = idsIn(editorState);
        const lifted = [...before].filter((id) => !after.has(id));
        for (const id of after) undone.current.delete(id);
        for (const id of lifted) undone.current.add(id);
        if (lifted.length > 0) onLifted.current?.(lifted);
      }),
    [editor, undone],
  );
  return null;
}
