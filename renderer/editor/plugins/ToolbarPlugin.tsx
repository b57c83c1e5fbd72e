import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { REMOVE_LIST_COMMAND } from '@lexical/list';
import { runShortcut } from '../register';
import { IS_MAC, shortcutText, type ShortcutId } from '../shortcuts';
import { WordCount, type WordCountStore } from './WordCount';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  block: string;
  canUndo: boolean;
  canRedo: boolean;
}

const MOD = IS_MAC ? '⌘' : 'Ctrl+';

/**
 * `p` itself when nothing shown changes, so that a typed key renders nothing: every React commit while the caret is
 * in an editor makes React measure the caret's offset by walking the editor's DOM up to it (its selection save and
 * restore around a commit), and a commit per key cost a walk of the whole section per key (issue 16).
 */
function merged(p: ToolbarState, next: Partial<ToolbarState>): ToolbarState {
  return (Object.keys(next) as Array<keyof ToolbarState>).every((k) => p[k] === next[k]) ? p : { ...p, ...next };
}

/** A compact toolbar; every button has an aria-label and a title with its shortcut, and keeps the editor's focus. */
export function ToolbarPlugin({ words, canFlag, canCapture }: { words: WordCountStore; canFlag: boolean; canCapture: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [s, setS] = useState<ToolbarState>({ bold: false, italic: false, underline: false, block: 'paragraph', canUndo: false, canRedo: false });

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) =>
          editorState.read(() => {
            const sel = $getSelection();
            if (!$isRangeSelection(sel)) return;
            const anchor = sel.anchor.getNode();
            const top = anchor.getTopLevelElement();
            const list = $getNearestNodeOfType(anchor, ListNode);
            const block = $isListNode(list) ? list.getListType() : $isHeadingNode(top) ? top.getTag() : $isQuoteNode(top) ? 'quote' : (top?.getType() ?? 'paragraph');
            setS((p) => merged(p, { bold: sel.hasFormat('bold'), italic: sel.hasFormat('italic'), underline: sel.hasFormat('underline'), block }));
          }),
        ),
        editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (setS((p) => merged(p, { canUndo })), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (setS((p) => merged(p, { canRedo })), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  const bar = useRef<HTMLDivElement>(null);
  const active = useRef(0);
  // One Tab stop for the whole toolbar (roving tabindex): the last used button, else the first; arrows move along.
  useEffect(() => {
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const enabled = buttons.filter((b) => !b.disabled);
    if (!enabled.includes(buttons[active.current]!)) active.current = buttons.indexOf(enabled[0]!);
    buttons.forEach((b, i) => (b.tabIndex = i === active.current ? 0 : -1));
  });
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])].filter((b) => !b.disabled);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = e.key === 'ArrowRight' ? (at + 1) % buttons.length : e.key === 'ArrowLeft' ? (at - 1 + buttons.length) % buttons.length : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    buttons[to]!.focus();
  };
  const onFocus = (e: { target: EventTarget }) => {
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    if (i < 0) return;
    active.current = i;
    buttons.forEach((b, j) => (b.tabIndex = j === i ? 0 : -1));
  };
  const run = (id: ShortcutId) => runShortcut(editor, id);
  const list = (id: 'bullet' | 'numbered') =>
    s.block === (id === 'bullet' ? 'bullet' : 'number') ? editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined) : run(id);

  return (
    <div className="tfs-toolbar" role="toolbar" aria-label="Formatting" ref={bar} onKeyDown={onKeyDown} onFocus={onFocus}>
      <Btn label="Bold" keys={`${MOD}B`} pressed={s.bold} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}>
        <b>B</b>
      </Btn>
      <Btn label="Italic" keys={`${MOD}I`} pressed={s.italic} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}>
        <i>I</i>
      </Btn>
      <Btn label="Underline" keys={`${MOD}U`} pressed={s.underline} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline')}>
        <u>U</u>
      </Btn>
      <span className="tfs-sep" />
      <Btn label="Heading 2" keys={shortcutText('h2')} pressed={s.block === 'h2'} onClick={() => run('h2')}>
        H2
      </Btn>
      <Btn label="Heading 3" keys={shortcutText('h3')} pressed={s.block === 'h3'} onClick={() => run('h3')}>
        H3
      </Btn>
      <Btn label="Bulleted list" keys={shortcutText('bullet')} pressed={s.block === 'bullet'} onClick={() => list('bullet')}>
        •≡
      </Btn>
      <Btn label="Numbered list" keys={shortcutText('numbered')} pressed={s.block === 'number'} onClick={() => list('numbered')}>
        1≡
      </Btn>
      <Btn label="Quote" keys={shortcutText('quote')} pressed={s.block === 'quote'} onClick={() => run('quote')}>
        “”
      </Btn>
      <Btn label="Link" keys={shortcutText('link')} onClick={() => run('link')}>
        Link
      </Btn>
      <span className="tfs-sep" />
      <Btn label="Undo" keys={`${MOD}Z`} disabled={!s.canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        ↶
      </Btn>
      <Btn label="Redo" keys={IS_MAC ? '⌘⇧Z' : 'Ctrl+Y'} disabled={!s.canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        ↷
      </Btn>
      <span className="tfs-sep" />
      <Btn label="Insert timestamp" keys={shortcutText('timestamp')} onClick={() => run('timestamp')}>
        Time
      </Btn>
      {canCapture && (
        <>
          <Btn label="Record a decision" keys={shortcutText('decision')} pressed={s.block === 'decision'} onClick={() => run('decision')}>
            Decision
          </Btn>
          <Btn label="Record an action item" keys={shortcutText('action')} pressed={s.block === 'action'} onClick={() => run('action')}>
            Action
          </Btn>
        </>
      )}
      {canFlag && (
        <Btn label="Flag selection as confidential" keys={shortcutText('flag')} onClick={() => run('flag')}>
          Flag
        </Btn>
      )}
      <span className="tfs-wordcount" aria-live="off">
        <WordCount store={words} />
      </span>
    </div>
  );
}

function Btn(props: { label: string; keys: string; pressed?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="tfs-tb"
      title={`${props.label} (${props.keys})`}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      // Keep the caret and selection in the editor: act on mousedown's default being prevented, click does the work.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
    >
      <span aria-hidden="true">{props.children}</span>
      {/* The name is the label (the glyphs are hidden): no aria-label, so the name never contradicts visible text. */}
      <span className="sr-only">{props.label}</span>
    </button>
  );
}
