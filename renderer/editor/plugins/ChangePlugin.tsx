import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG, type EditorState, type LexicalEditor } from 'lexical';
import { useEffect, type RefObject } from 'react';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { readMeta, readMetaInSlices, type ChangeMeta } from '../meta';
import type { SlicedRead } from '../serialize';
import { useLatest } from '../../ui/useLatest';

export function readContent(editor: LexicalEditor): SerializedDoc {
  return editor.getEditorState().toJSON() as unknown as SerializedDoc;
}

function sameContent(a: EditorState, b: EditorState): boolean {
  return a === b || JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
}

/**
 * Change reporting, cheap while typing: a content change (not a mere caret move) calls `onDirty` at once (no
 * serialization), and `debounceMs` after the last change reads the section's meta a few blocks per task (a long
 * section's meta is tens of milliseconds: issue 16), then calls `onMeta(meta)` and `onChange(content, meta)` of that
 * snapshot. A change meanwhile drops that reading and starts the wait again. A blur, `flush()` or unmount delivers a
 * pending one at once, in the caller's task. The ref receives `flush` and `pending` for the editor handle.
 */
export function ChangePlugin(props: {
  debounceMs: number;
  onDirty?: () => void;
  onChange?: (content: SerializedDoc, meta: ChangeMeta) => void;
  onMeta?: (meta: ChangeMeta) => void;
  controlRef: RefObject<{ flush: () => void; pending: () => boolean } | null>;
}): null {
  const [editor] = useLexicalComposerContext();
  const latest = useLatest(props);
  const { controlRef } = props;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** The meta being read after the wait, and of which snapshot. */
    let reading: { state: EditorState; read: SlicedRead<ChangeMeta> } | null = null;
    const deliver = (state: EditorState, meta: ChangeMeta) => {
      latest.current.onMeta?.(meta);
      latest.current.onChange?.(state.toJSON() as unknown as SerializedDoc, meta);
    };
    const stopReading = () => {
      reading?.read.cancel();
      reading = null;
    };
    const startReading = () => {
      timer = null;
      const state = editor.getEditorState();
      const read = readMetaInSlices(state);
      const mine = { state, read };
      reading = mine;
      void read.result.then(
        (meta) => {
          if (reading !== mine) return;
          reading = null;
          deliver(state, meta);
        },
        // Read again at once: what failed in a slice fails here too, where the error is seen as before.
        () => {
          if (reading !== mine) return;
          reading = null;
          deliver(state, readMeta(state));
        },
      );
    };
    const flush = () => {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
        const state = editor.getEditorState();
        deliver(state, readMeta(state));
      } else if (reading) {
        const { state } = reading;
        stopReading();
        deliver(state, readMeta(state));
      }
    };
    // Loading is not a change: plugins that register node transforms (links, lists) mark every node of their type
    // dirty once, in a history-merge update right after mount. Until the first real change, such an update counts
    // only if it changed the content (compared, lazily, with the state the editor was mounted with).
    let pristine: EditorState | null = editor.getEditorState();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // caret or selection only
      if (prevEditorState.isEmpty()) return; // the initial content being set
      if (pristine) {
        if (tags.has(HISTORY_MERGE_TAG) && sameContent(pristine, editorState)) return;
        pristine = null;
      }
      latest.current.onDirty?.();
      stopReading();
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(startReading, latest.current.debounceMs);
    });
    const unregisterRoot = editor.registerRootListener((root) => {
      if (!root) return;
      root.addEventListener('focusout', flush);
      return () => root.removeEventListener('focusout', flush);
    });
    controlRef.current = { flush, pending: () => timer !== null || reading !== null };
    latest.current.onMeta?.(readMeta(editor.getEditorState()));
    return () => {
      flush();
      unregister();
      unregisterRoot();
    };
  }, [editor, latest, controlRef]);
  return null;
}
