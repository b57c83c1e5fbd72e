import type { EditorThemeClasses, Klass, LexicalNode } from 'lexical';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { MINUTES_NODES } from './nodes';

/**
 * One namespace for every minutes editor, so a copy from one section pasted into another travels as Lexical JSON
 * (flags included) rather than through the HTML cleaner.
 */
export const MINUTES_NAMESPACE = 'tfs-minutes';

export const MINUTES_THEME: EditorThemeClasses = {
  paragraph: 'tfs-p',
  quote: 'tfs-quote',
  heading: { h1: 'tfs-h1', h2: 'tfs-h2', h3: 'tfs-h3', h4: 'tfs-h4', h5: 'tfs-h5', h6: 'tfs-h6' },
  list: { ul: 'tfs-ul', ol: 'tfs-ol', listitem: 'tfs-li', nested: { listitem: 'tfs-li-nested' } },
  link: 'tfs-link',
  text: {
    bold: 'tfs-bold',
    italic: 'tfs-italic',
    underline: 'tfs-underline',
    strikethrough: 'tfs-strike',
    underlineStrikethrough: 'tfs-underline-strike',
  },
};

export interface MinutesEditorConfig {
  namespace: string;
  nodes: Array<Klass<LexicalNode>>;
  theme: EditorThemeClasses;
  onError: (error: Error) => void;
  editable: boolean;
  /** For LexicalComposer's initialConfig.editorState: a JSON string, parsed by Lexical. */
  editorState?: string;
}

/**
 * The configuration of one minutes editor (LexicalComposer's initialConfig, or createEditor's config in tests).
 * `onError` rethrows: an error inside an update must not be swallowed, the caller's error boundary shows it.
 */
export function createMinutesEditorConfig(options: { initialContent?: SerializedDoc | string; readOnly?: boolean; onError?: (e: Error) => void } = {}): MinutesEditorConfig {
  const config: MinutesEditorConfig = {
    namespace: MINUTES_NAMESPACE,
    nodes: [...MINUTES_NODES],
    theme: MINUTES_THEME,
    editable: !options.readOnly,
    onError:
      options.onError ??
      ((error: Error) => {
        throw error;
      }),
  };
  if (options.initialContent) config.editorState = typeof options.initialContent === 'string' ? options.initialContent : JSON.stringify(options.initialContent);
  return config;
}
