import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR } from 'lexical';
import { useEffect, useState } from 'react';
import { SHOW_HINT_COMMAND } from '../commands';

const SHOW_MS = 8000;

/** The editor's status line: says what a shortcut needs when it cannot act (e.g. nothing selected to flag). */
export function HintPlugin() {
  const [editor] = useLexicalComposerContext();
  const [hint, setHint] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerCommand(
      SHOW_HINT_COMMAND,
      (text) => {
        setHint(text);
        clearTimeout(timer);
        timer = setTimeout(() => setHint(''), SHOW_MS);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor]);
  return (
    <p className="tfs-hint" role="status" aria-live="polite">
      {hint}
    </p>
  );
}
