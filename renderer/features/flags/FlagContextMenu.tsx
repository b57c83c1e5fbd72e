import { $getSelection, $isRangeSelection, $setSelection, type BaseSelection, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { REQUEST_FLAG_COMMAND } from '../../editor';
import { useLatest } from '../../ui/useLatest';

interface Open {
  x: number;
  y: number;
  editor: LexicalEditor;
  saved: BaseSelection;
}

/**
 * Right-click on selected text in a minutes editor: "Flag as not for publication…", which goes through the same
 * REQUEST_FLAG_COMMAND → FlagDialog path as the shortcut and the toolbar button. Without a selection (or outside the
 * editors) the browser's own menu shows, spelling suggestions included.
 */
export function FlagContextMenu({ editorOf }: { editorOf: (sectionKey: string) => LexicalEditor | undefined }) {
  const [open, setOpen] = useState<Open | null>(null);
  const item = useRef<HTMLButtonElement>(null);
  const editorOfRef = useLatest(editorOf);

  useEffect(() => {
    const onMenu = (e: MouseEvent) => {
      const target = e.target instanceof Node ? e.target : null;
      const content = target ? (target instanceof Element ? target : target.parentElement)?.closest('[contenteditable="true"]') : null;
      const key = content?.closest('[data-section-key]')?.getAttribute('data-section-key');
      if (!content || !key) return;
      const editor = editorOfRef.current(key);
      const dom = window.getSelection();
      if (!editor || !dom || dom.isCollapsed || !content.contains(dom.anchorNode)) return;
      const saved = editor.getEditorState().read(() => {
        const s = $getSelection();
        return $isRangeSelection(s) && !s.isCollapsed() ? s.clone() : null;
      });
      if (!saved) return;
      e.preventDefault();
      setOpen({ x: e.clientX, y: e.clientY, editor, saved });
    };
    document.addEventListener('contextmenu', onMenu);
    return () => document.removeEventListener('contextmenu', onMenu);
  }, [editorOfRef]);

  useEffect(() => {
    if (!open) return;
    item.current?.focus({ preventScroll: true });
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e.target instanceof Node && item.current?.parentElement?.contains(e.target)) return;
      setOpen(null);
    };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('keydown', close, true);
    window.addEventListener('scroll', close, true);
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('keydown', close, true);
      window.removeEventListener('scroll', close, true);
    };
  }, [open]);

  if (!open) return null;
  const flag = () => {
    const { editor, saved } = open;
    setOpen(null);
    // Put back the selection the menu was opened on, then ask for the reason exactly as the shortcut does.
    // (No editor.focus() here: its deferred focus would take the focus back from the dialog's reason picker.)
    editor.update(() => $setSelection(saved.clone()), { discrete: true });
    editor.dispatchCommand(REQUEST_FLAG_COMMAND, undefined);
  };
  return (
    <div className="context-menu" role="menu" aria-label="Minutes" style={{ left: Math.min(open.x, window.innerWidth - 260), top: Math.min(open.y, window.innerHeight - 60) }}>
      <button ref={item} type="button" role="menuitem" onMouseDown={(e) => e.preventDefault()} onClick={flag}>
        Flag as not for publication…
      </button>
    </div>
  );
}
