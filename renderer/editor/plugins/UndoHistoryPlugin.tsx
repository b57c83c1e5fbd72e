import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';

/** How long consecutive changes of one kind (typing, deleting) merge into one step of undo: Lexical's own default. */
const MERGE_MS = 1000;

/**
 * Undo and redo, as Lexical's HistoryPlugin, but listening from the commit that mounts the editor (a layout effect, not
 * a passive one), and from the content the section opened with. Keys typed into a section before its editor came are
 * typed in during that same commit (MinutesSections): heard here, they are a step the officer can undo like any other
 * typing, not part of the content the section opened with.
 */
export function UndoHistoryPlugin() {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    const history = createEmptyHistoryState();
    // Lexical's history starts at the editor's first update (usually a focus), which itself cannot be undone.
    const opened = editor.getEditorState();
    if (!opened.isEmpty()) history.current = { editor, editorState: opened };
    return registerHistory(editor, history, MERGE_MS);
  }, [editor]);
  return null;
}
