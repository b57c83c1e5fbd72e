import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, HISTORY_MERGE_TAG, type EditorState, type LexicalEditor } from 'lexical';
import { useEffect, type RefObject } from 'react';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { $collectFlagIds, type FlagExcerpt } from '../flags';
import { $collectRecords, type RecordRef } from '../records';
import { useLatest } from '../../ui/useLatest';

export interface ChangeMeta {
  /** The flags present in the section with their text (for flags.sync). */
  flagIds: FlagExcerpt[];
  /** The decision/action blocks present in the section (to spot a record whose block was deleted). */
  records: RecordRef[];
  wordCount: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/**
 * The words of `text`, counted by stepping the pattern through it: `text.match(WORD)` made an array of every word, ~60
 * ms for the 240,000 words of a 10,000-paragraph section at each pause in typing (issue 16); this is ~4 ms.
 */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.test(text)) n++;
  return n;
}

export function readMeta(state: EditorState): ChangeMeta {
  return state.read(() => ({ flagIds: $collectFlagIds(), records: $collectRecords(), wordCount: countWords($getRoot().getTextContent()) }));
}

export function readContent(editor: LexicalEditor): SerializedDoc {
  return editor.getEditorState().toJSON() as unknown as SerializedDoc;
}

function sameContent(a: EditorState, b: EditorState): boolean {
  return a === b || JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
}

/**
 * Change reporting, cheap while typing: a content change (not a mere caret move) calls `onDirty` at once (no
 * serialization), and schedules `onChange(content, meta)` `debounceMs` after the last change; a blur, `flush()` or
 * unmount delivers a pending one at once. The ref receives `flush` and `pending` for the editor handle.
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
    const flush = () => {
      if (timer === null) return;
      clearTimeout(timer);
      timer = null;
      const meta = readMeta(editor.getEditorState());
      latest.current.onMeta?.(meta);
      latest.current.onChange?.(readContent(editor), meta);
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
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, latest.current.debounceMs);
    });
    const unregisterRoot = editor.registerRootListener((root) => {
      if (!root) return;
      root.addEventListener('focusout', flush);
      return () => root.removeEventListener('focusout', flush);
    });
    controlRef.current = { flush, pending: () => timer !== null };
    latest.current.onMeta?.(readMeta(editor.getEditorState()));
    return () => {
      flush();
      unregister();
      unregisterRoot();
    };
  }, [editor, latest, controlRef]);
  return null;
}
