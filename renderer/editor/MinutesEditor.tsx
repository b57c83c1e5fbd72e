import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { SKIP_DOM_SELECTION_TAG, type LexicalEditor } from 'lexical';
import { forwardRef, memo, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { putFlagBack } from './flag-undo';
import { createMinutesEditorConfig } from './config';
import { readMeta, type ChangeMeta } from './meta';
import { ChangePlugin, readContent } from './plugins/ChangePlugin';
import { FlagUndoPlugin } from './plugins/FlagUndoPlugin';
import { HintPlugin } from './plugins/HintPlugin';
import { LinkClickGuardPlugin, LinkEditorPlugin, normalizeLinkUrl } from './plugins/LinkPlugins';
import { MinutesCommandsPlugin } from './plugins/MinutesCommandsPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { openedHistory, UndoHistoryPlugin } from './plugins/UndoHistoryPlugin';
import { createWordCountStore, WordCount } from './plugins/WordCount';
import { $typeAtEnd } from './typeAtEnd';
import type { MinutesCallbacks } from './register';
import { serializeInSlices, type SavedForm, type SlicedRead } from './serialize';
import { useLatest } from '../ui/useLatest';
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
  /** Serializes the current content now, in one go (before closing, for the preview). */
  getContent(): SerializedDoc;
  /** The same value for as long as the content is unchanged (Lexical's immutable editor state): to reuse a reading. */
  contentToken(): unknown;
  /** The current content for a save: a snapshot now, serialized a few blocks per task (`finishNow` to hurry it). */
  readForSave(): SlicedRead<SavedForm>;
  /** Flags, records and word count of the current content. */
  getMeta(): ChangeMeta;
  /** Delivers a pending onChange now (before leaving the section / exporting). */
  flush(): void;
  /** Whether an onChange is scheduled but not yet delivered. */
  hasPendingChange(): boolean;
  focus(): void;
  /**
   * Types `text` (`\n` starts a new paragraph) where the caret goes when the editor is focused: at the end of the text.
   * The keys an officer typed into the section while its editor was still loading (MinutesSections); a change like any
   * other, done at once (`getMeta()` sees it), and one step of undo. With `focus`, the caret is put after it and the
   * editor takes the focus in that same step; without, the page's own selection (the caret wherever the officer is) is
   * left alone.
   */
  typeAtEnd(text: string, focus: boolean): void;
  /** The Lexical editor, e.g. to dispatch INSERT_TIMESTAMP_COMMAND from a meeting-level button. */
  getEditor(): LexicalEditor;
  /** Flags whose marks an undo removed since they were last acknowledged (they travel with the save). */
  liftedByUndo(): string[];
  /** After a save acknowledged these as lifted by undo. */
  acknowledgeLiftedByUndo(ids: readonly string[]): void;
  /**
   * Replaces the content with the same content and a flag's mark put back ("Flag again"). An undoable change like any
   * other, but an undo of it never lifts that flag: it was in force before (flag-undo.ts, putFlagBack).
   */
  putFlagBack(content: SerializedDoc): void;
}

/** The callbacks of MinutesEditorProps: each reaches the editor through a relay that calls the newest one. */
type CallbackName = 'onChange' | 'onMetaChange' | 'onDirty' | 'onOpenLink' | 'onFlagsUndone' | 'isMeetingFlag' | 'onCapture' | 'onRequestFlag';
type Relayed = Pick<MinutesEditorProps, CallbackName>;

/** What the editor's own tree renders from: the props that change what it shows, and the relays (stable). */
interface BodyProps extends Omit<MinutesEditorProps, CallbackName | 'initialContent'> {
  relay: Relayed;
  handleRef: Ref<MinutesEditorHandle>;
}

/**
 * One minutes section's editor: toolbar, rich text, history, lists, links, flags, records, timestamps, clean paste.
 *
 * The page renders again on every save state, every change of the current section and every answer, each time with
 * new callbacks (closures of that render). The editor's own tree (composer, toolbar, a dozen plugins) renders only
 * when what it shows changes (issue 16): a long meeting has 40 editors on the page, and each of those renders went
 * through all of them. Each callback reaches the tree through a relay that calls the newest one; a callback the page
 * takes away (or gives) changes what the editor offers, so the relays follow which ones are given.
 */
export const MinutesEditor = forwardRef(function MinutesEditor(props: MinutesEditorProps, ref: Ref<MinutesEditorHandle>) {
  const latest = useLatest(props);
  const given = CALLBACKS.filter((name) => props[name] !== undefined).join(' ');
  const relay = useMemo(() => relaysOf(latest, given), [latest, given]);
  const { sectionKey, readOnly, changeDebounceMs, ariaLabel, placeholder } = props;
  return (
    <SectionEditor
      key={sectionKey}
      initialContent={props.initialContent}
      body={{ sectionKey, readOnly, changeDebounceMs, ariaLabel, placeholder, relay, handleRef: ref }}
    />
  );
});

const CALLBACKS: readonly CallbackName[] = ['onChange', 'onMetaChange', 'onDirty', 'onOpenLink', 'onFlagsUndone', 'isMeetingFlag', 'onCapture', 'onRequestFlag'];

/** A stable function for each callback the page gives (`given`), calling the page's newest one. */
function relaysOf(latest: { readonly current: MinutesEditorProps }, given: string): Relayed {
  const names = new Set(given.split(' '));
  const relay: Record<string, unknown> = {};
  for (const name of CALLBACKS) {
    if (names.has(name)) relay[name] = (...args: unknown[]) => (latest.current[name] as ((...a: unknown[]) => unknown) | undefined)?.(...args);
  }
  return relay;
}

const SectionEditor = memo(
  function SectionEditor(props: { initialContent: MinutesEditorProps['initialContent']; body: BodyProps }) {
    // initialContent is deliberately read only here: the editor owns the text from now on.
    const { initialContent, body } = props;
    const [initialConfig] = useState(() =>
      createMinutesEditorConfig({ initialContent: typeof initialContent === 'function' ? initialContent() : initialContent, readOnly: body.readOnly }),
    );
    return (
      <LexicalComposer initialConfig={initialConfig}>
        <EditorBody {...body} />
      </LexicalComposer>
    );
  },
  // What the tree shows: the body's values (the relays and the handle ref are stable); initialContent is read at mount only.
  (a, b) => (Object.keys(b.body) as Array<keyof BodyProps>).every((k) => a.body[k] === b.body[k]),
);

function EditorBody(props: BodyProps) {
  const { relay } = props;
  const [editor] = useLexicalComposerContext();
  const control = useRef<{ flush: () => void; pending: () => boolean } | null>(null);
  const [words] = useState(createWordCountStore);
  const undone = useRef(new Set<string>());
  // One undo history per editor, shared: the flag-undo tracking reads which step an undo pops.
  const [history] = useState(() => openedHistory(editor));
  const readOnly = props.readOnly ?? false;

  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);

  useImperativeHandle(
    props.handleRef,
    () => ({
      getContent: () => readContent(editor),
      contentToken: () => editor.getEditorState(),
      readForSave: () => serializeInSlices(editor.getEditorState()),
      getMeta: () => readMeta(editor.getEditorState()),
      flush: () => control.current?.flush(),
      hasPendingChange: () => control.current?.pending() ?? false,
      focus: () => editor.focus(),
      typeAtEnd: (text, focus) => {
        editor.update(() => $typeAtEnd(text), { tag: focus ? [] : SKIP_DOM_SELECTION_TAG, discrete: true });
        if (focus) editor.getRootElement()?.focus({ preventScroll: true });
      },
      getEditor: () => editor,
      liftedByUndo: () => [...undone.current],
      acknowledgeLiftedByUndo: (ids) => ids.forEach((id) => undone.current.delete(id)),
      putFlagBack: (content) => putFlagBack(editor, content),
    }),
    [editor],
  );

  return (
    <div className={`tfs-editor${readOnly ? ' tfs-readonly' : ''}`} data-section={props.sectionKey}>
      {!readOnly && <ToolbarPlugin words={words} canFlag={Boolean(relay.onRequestFlag)} canCapture={Boolean(relay.onCapture)} />}
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
        <LinkEditorPlugin onOpenLink={relay.onOpenLink} />
      </div>
      {!readOnly && <HintPlugin />}
      {readOnly && (
        <div className="tfs-wordcount tfs-wordcount-ro">
          <WordCount store={words} />
        </div>
      )}
      <UndoHistoryPlugin history={history} />
      <ListPlugin />
      <TablePlugin hasCellBackgroundColor={false} hasNestedTables={false} />
      <LinkPlugin validateUrl={isNormalLinkUrl} />
      <LinkClickGuardPlugin onOpenLink={relay.onOpenLink} />
      <PastePlugin isMeetingFlag={relay.isMeetingFlag} />
      <FlagUndoPlugin history={history} undone={undone} onLifted={relay.onFlagsUndone} />
      <MinutesCommandsPlugin onCapture={relay.onCapture} onRequestFlag={relay.onRequestFlag} />
      <ChangePlugin
        controlRef={control}
        debounceMs={props.changeDebounceMs ?? 400}
        onDirty={relay.onDirty}
        onChange={relay.onChange}
        onMeta={(meta) => {
          words.set(meta.wordCount);
          relay.onMetaChange?.(meta);
        }}
      />
    </div>
  );
}

