import { createEditor, type LexicalEditor } from 'lexical';
import { emptyDoc, type SerializedDoc } from '../../shared/editor/doc-model';
import { createMinutesEditorConfig } from './config';

/**
 * A minutes editor with no DOM: the same nodes and rules, for tests and for work on stored content without a page
 * (e.g. computing flag excerpts). Updates should be made with `{ discrete: true }` to commit synchronously.
 */
export function createHeadlessMinutesEditor(initialContent: SerializedDoc = emptyDoc()): LexicalEditor {
  const { namespace, nodes, theme, onError } = createMinutesEditorConfig();
  const editor = createEditor({ namespace, nodes, theme, onError });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(initialContent)));
  return editor;
}

/** The stored form of an editor's current content. */
export function serializeEditor(editor: LexicalEditor): SerializedDoc {
  return editor.getEditorState().toJSON() as unknown as SerializedDoc;
}
