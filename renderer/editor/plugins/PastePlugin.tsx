import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getSelection, COMMAND_PRIORITY_HIGH, CONTROLLED_TEXT_INSERTION_COMMAND, DROP_COMMAND, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { useEffect } from 'react';
import { useLatest } from '../../ui/useLatest';
import { $insertCleanedDataTransfer, type PastedFlags } from '../paste';

/**
 * Every paste goes through the cleaner (paste.ts) before Lexical's own handler can see it, including a paste that
 * arrives as a beforeinput with a DataTransfer. A drop of files (images) is refused; a drop of text/HTML from outside
 * is inserted cleaned at the caret. With `isMeetingFlag`, a pasted flag mark of any other id becomes a new flag here
 * (paste.ts, PastedFlags).
 */
export function PastePlugin({ isMeetingFlag }: { isMeetingFlag?: ((id: string) => boolean) | undefined }): null {
  const [editor] = useLexicalComposerContext();
  const owns = useLatest(isMeetingFlag);
  useEffect(() => {
    const flags = (): PastedFlags | undefined => {
      const own = owns.current;
      return own ? { owns: own, newId: () => crypto.randomUUID() } : undefined;
    };
    return mergeRegister(
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data) return false;
          event.preventDefault();
          if (!editor.isEditable()) return true;
          editor.update(
            () => {
              const selection = $getSelection();
              if (selection) $insertCleanedDataTransfer(editor, data, selection, flags());
            },
            { tag: PASTE_TAG },
          );
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        CONTROLLED_TEXT_INSERTION_COMMAND,
        (payload) => {
          if (typeof payload === 'string' || payload.dataTransfer == null) return false;
          const selection = $getSelection();
          if (selection) $insertCleanedDataTransfer(editor, payload.dataTransfer, selection, flags());
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const data = event.dataTransfer;
          if (!data) return false;
          if (data.types.includes('application/x-lexical-drag')) return false; // a move inside the editor: Lexical's
          event.preventDefault();
          if (!editor.isEditable()) return true;
          editor.update(
            () => {
              const selection = $getSelection();
              if (selection && (data.types.includes('text/html') || data.types.includes('text/plain'))) $insertCleanedDataTransfer(editor, data, selection, flags());
            },
            { tag: PASTE_TAG },
          );
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, owns]);
  return null;
}
