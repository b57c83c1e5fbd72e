import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { LexicalEditor } from 'lexical';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { createMinutesEditorConfig } from './config';
import { ChangePlugin, readContent, readMeta, type ChangeMeta } from './plugins/ChangePlugin';
import { FlagUndoPlugin } from './plugins/FlagUndoPlugin';
import { HintPlugin } from './plugins/HintPlugin';
import { LinkClickGuardPlugin, LinkEditorPlugin, normalizeLinkUrl } from './plugins/LinkPlugins';
import { MinutesCommandsPlugin } from './plugins/MinutesCommandsPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import type { MinutesCallbacks } from './register';
import './editor.css';

export interface MinutesEditorProps extends MinutesCallbacks {
  /** Identifies the section; a different key mounts a fresh editor (own content, own undo history). */
  sectionKey: string;
  /**
   * Read once at mount (and when sectionKey changes); later changes of this prop are ignored. A function is called
   * only then (a long section's content need not be produced on every render); it may answer the content's JSON text.
   */
  initialContent: SerializedDoc | (() => SerializedDoc | string);
  readOnly?: boolean;
  /**
   * The section's content and meta, `changeDebounceMs` (default 400 ms) after the last content change, and at once on
   * blur, `flush()` and unmount. For saving on a timer, call `handle.getContent()` instead.
   */
  onChange?: (content: SerializedDoc, meta: ChangeMeta) => void;
  /**
   * Like onChange but with the meta only (flags, records, word count): the content is not serialized for it, which
   * matters for long sections. Prefer it when the content is read on a timer anyway (autosave).
   */
  onMetaChange?: (meta: ChangeMeta) => void;
  /** At once on every content change (no serialization): e.g. to mark the section unsaved. */
  onDirty?: () => void;
  changeDebounceMs?: number;
  /** Called with a link's URL when the user asks to open it (Ctrl/Cmd+click, or "Open…"): confirm, then open. */
  onOpenLink?: (url: string) => void;
  ariaLabel: string;
  /** Text shown in an empty section. */
  placeholder?: string;
  /** Flag marks an undo has just removed (the officer is told; Redo brings them back). */
  onFlagsUndone?: (ids: string[]) => void;
  /**
   * Whether a flag id is one of this meeting's. A pasted flag mark of any other id (another meeting's) gets a new id,
   * so that the save adopts it as a flag of this meeting. Without it, pasted marks keep their ids.
   */
  isMeetingFlag?: (id: string) => boolean;
}

/**
 * Module-level on purpose: LinkPlugin re-registers its node transform whenever validateUrl changes identity, and
 * registering a transform marks every link dirty, so an inline arrow made each render report a change after every
 * render (with a link in the section, every autosave caused the next one).
 */
const isNormalLinkUrl = (url: string) => normalizeLinkUrl(url) === url;

/** What the page can do with a mounted editor (via ref). */
export interface MinutesEditorHandle {
  /** Serializes the current content now (cheap enough for an autosave timer or before closing). */
  getContent(): SerializedDoc;
  /** Flags, records and word count of the current content. */
  getMeta(): ChangeMeta;
  /** Delivers a pending onChange now (before leaving the section / exporting). */
  flush(): void;
  /** Whether an onChange is scheduled but not yet delivered. */
  hasPendingChange(): boolean;
  focus(): void;
  /** The Lexical editor, e.g. to dispatch INSERT_TIMESTAMP_COMMAND from a meeting-level button. */
  getEditor(): LexicalEditor;
  /** Flags whose marks an undo removed since they were last acknowledged (they travel with the save). */
  liftedByUndo(): string[];
  /** After a save acknowledged these as lifted by undo. */
  acknowledgeLiftedByUndo(ids: readonly string[]): void;
  /** Replaces the content (e.g. with a flag mark put back); an undoable change like any other. */
  setContent(content: SerializedDoc): void;
}

/** One minutes section's editor: toolbar, rich text, history, lists, links, flags, records, timestamps, clean paste. */
export const MinutesEditor = forwardRef(function MinutesEditor(props: MinutesEditorProps, ref: Ref<MinutesEditorHandle>) {
  return <SectionEditor key={props.sectionKey} {...props} handleRef={ref} />;
});

function SectionEditor(props: MinutesEditorProps & { handleRef: Ref<MinutesEditorHandle> }) {
  // initialContent is deliberately read only here: the editor owns the text from now on.
  const [initialConfig] = useState(() =>
    createMinutesEditorConfig({ initialContent: typeof props.initialContent === 'function' ? props.initialContent() : props.initialContent, readOnly: props.readOnly }),
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EditorBody {...props} />
    </LexicalComposer>
  );
}

function EditorBody(props: MinutesEditorProps & { handleRef: Ref<MinutesEditorHandle> }) {
  const [editor] = useLexicalComposerContext();
  const control = useRef<{ flush: () => void; pending: () => boolean } | null>(null);
  const [wordCount, setWordCount] = useState(0);
  const undone = useRef(new Set<string>());
  const readOnly = props.readOnly ?? false;

  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);

  useImperativeHandle(
    props.handleRef,
    () => ({
      getContent: () => readContent(editor),
      getMeta: () => readMeta(editor.getEditorState()),
      flush: () => control.current?.flush(),
      hasPendingChange: () => control.current?.pending() ?? false,
      focus: () => editor.focus(),
      getEditor: () => editor,
      liftedByUndo: () => [...undone.current],
      acknowledgeLiftedByUndo: (ids) => ids.forEach((id) => undone.current.delete(id)),
      setContent: (content) => editor.setEditorState(editor.parseEditorState(JSON.stringify(content))),
    }),
    [editor],
  );

  return (
    <div className={`tfs-editor${readOnly ? ' tfs-readonly' : ''}`} data-section={props.sectionKey}>
      {!readOnly && <ToolbarPlugin wordCount={wordCount} canFlag={Boolean(props.onRequestFlag)} canCapture={Boolean(props.onCapture)} />}
      <div className="tfs-editor-body">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="tfs-content"
              aria-label={props.ariaLabel}
              aria-multiline
              aria-readonly={readOnly || undefined}
              spellCheck
              aria-placeholder={props.placeholder ?? ''}
              placeholder={<div className="tfs-placeholder">{props.placeholder ?? ''}</div>}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <LinkEditorPlugin onOpenLink={props.onOpenLink} />
      </div>
      {!readOnly && <HintPlugin />}
      {readOnly && (
        <div className="tfs-wordcount tfs-wordcount-ro">
          {wordCount} {wordCount === 1 ? 'word' : 'words'}
        </div>
      )}
      <HistoryPlugin />
      <ListPlugin />
      <TablePlugin hasCellBackgroundColor={false} hasNestedTables={false} />
      <LinkPlugin validateUrl={isNormalLinkUrl} />
      <LinkClickGuardPlugin onOpenLink={props.onOpenLink} />
      <PastePlugin isMeetingFlag={props.isMeetingFlag} />
      <FlagUndoPlugin undone={undone} onLifted={props.onFlagsUndone} />
      <MinutesCommandsPlugin onCapture={props.onCapture} onRequestFlag={props.onRequestFlag} />
      <ChangePlugin
        controlRef={control}
        debounceMs={props.changeDebounceMs ?? 400}
        onDirty={props.onDirty}
        onChange={props.onChange}
        onMeta={(meta) => {
          setWordCount(meta.wordCount);
          props.onMetaChange?.(meta);
        }}
      />
    </div>
  );
}
