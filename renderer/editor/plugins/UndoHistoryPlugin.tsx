import { createEmptyHistoryState, registerHistory, type HistoryState } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useLayoutEffect } from 'react';

/** How long consecutive changes of one kind (typing, deleting) merge into one step of undo: Lexical's own default. */
const MERGE_MS = 1000;

/**
 * Undo and redo, as Lexical's HistoryPlugin, but listening from the commit that mounts the editor (a layout effect, not
 * a passive one), and from the content the section opened with. Keys typed into a section before its editor came are
 * typed in during that same commit (MinutesSections): heard here, they are a step the officer can undo like any other
 * typing, not part of the content the section opened with. `history` is the editor's (MinutesEditor): the flag-undo
 * tracking reads which step an undo pops (FlagUndoPlugin).
 */
export function UndoHistoryPlugin(props: { history: HistoryState }) {
  const [editor] = useLexicalComposerContext();
  const { history } = props;
  useLayoutEffect(() => registerHistory(editor, history, MERGE_MS), [editor, history]);
  return null;
}

/**
 * The undo history of an editor, from the content it opened with: Lexical's history starts at the editor's first update
 * (usually a focus), which itself cannot be undone.
 */
export function openedHistory(editor: LexicalEditor): HistoryState {
  const history = createEmptyHistoryState();
  const opened = editor.getEditorState();
  if (!opened.isEmpty()) history.current = { editor, editorState: opened };
  return history;
}
