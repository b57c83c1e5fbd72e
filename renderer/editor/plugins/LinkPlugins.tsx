import { $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, $setSelection, COMMAND_PRIORITY_EDITOR, type RangeSelection } from 'lexical';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { $selectWordAtCaret } from '../caret';
import { OPEN_LINK_EDITOR_COMMAND, SHOW_HINT_COMMAND } from '../commands';
import { useLatest } from '../../ui/useLatest';
import { isCompleteLink, LINK_URL_MAX } from '../../../shared/editor/links';

/** What the user typed as a link address, written out: "example.org" → "https://example.org", "a@b.eu" → "mailto:a@b.eu". */
function writtenOut(input: string): string {
  const s = input.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : /^[^\s@]+@[^\s@]+$/.test(s) ? `mailto:${s}` : `https://${s}`;
}

/**
 * Normalizes what the user typed into a link URL: "example.org" → "https://example.org"; null if not http(s)/mailto,
 * or longer than the minutes store.
 */
export function normalizeLinkUrl(input: string): string | null {
  return linkAddressProblem(input) === null ? writtenOut(input) : null;
}

/** Why what the user typed cannot be a link's address, in words; null when it can. */
export function linkAddressProblem(input: string): string | null {
  if (input.trim() === '') return 'Enter a web address (https://…) or an e-mail address.';
  const url = writtenOut(input);
  if (url.length > LINK_URL_MAX)
    return `This address is too long to keep in the minutes (${url.length.toLocaleString('en-GB')} characters; at most ${LINK_URL_MAX.toLocaleString('en-GB')}). Link a shorter address to the same page, or leave the words without a link.`;
  return isCompleteLink(url) ? null : 'Enter a web address (https://…) or an e-mail address.';
}

/**
 * Links are never followed by a click: a click in the text only places the caret. Ctrl/Cmd+click (or any click when
 * read-only) hands the URL to `onOpenLink`, which asks the user before opening anything.
 */
export function LinkClickGuardPlugin({ onOpenLink }: { onOpenLink?: (url: string) => void }): null {
  const [editor] = useLexicalComposerContext();
  const latest = useLatest(onOpenLink);
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        const onClick = (event: MouseEvent) => {
          const anchor = event.target instanceof Element ? event.target.closest('a') : null;
          if (!anchor) return;
          event.preventDefault();
          const wantsOpen = event.type === 'click' && (event.ctrlKey || event.metaKey || !editor.isEditable());
          const href = anchor.getAttribute('href');
          if (wantsOpen && href) latest.current?.(href);
        };
        if (!root) return;
        root.addEventListener('click', onClick, true);
        root.addEventListener('auxclick', onClick, true);
        return () => {
          root.removeEventListener('click', onClick, true);
          root.removeEventListener('auxclick', onClick, true);
        };
      }),
    [editor, latest],
  );
  return null;
}

/** The small link prompt (Ctrl+K / toolbar): insert, edit, remove, or ask to open the link at the caret. */
export function LinkEditorPlugin({ onOpenLink }: { onOpenLink?: (url: string) => void }) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [existing, setExisting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saved = useRef<RangeSelection | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_LINK_EDITOR_COMMAND,
          () => {
            let selection = $getSelection();
            if (!$isRangeSelection(selection) || !editor.isEditable()) return false;
            const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
            if (!link && selection.isCollapsed()) {
              // Nothing selected: link the word at the caret, else say what to select.
              if ($selectWordAtCaret() === null) {
                editor.dispatchCommand(SHOW_HINT_COMMAND, 'To add a link, select the words to link first (Shift+arrow keys), then press Ctrl+K.');
                return true;
              }
              selection = $getSelection();
              if (!$isRangeSelection(selection)) return false;
            }
            saved.current = selection.clone();
            const url = link ? link.getURL() : null;
            setExisting(url);
            setValue(url ?? '');
            setError(null);
            setOpen(true);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    editor.focus();
  };
  const apply = (url: string | null) => {
    const selection = saved.current;
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      $toggleLink(url, { rel: 'noopener noreferrer' });
    });
    close();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problem = linkAddressProblem(value);
    if (problem) {
      setError(problem);
      return;
    }
    apply(normalizeLinkUrl(value));
  };

  if (!open) return null;
  return (
    <form className="tfs-link-editor" onSubmit={onSubmit} onKeyDown={(e) => e.key === 'Escape' && close()} aria-label="Link">
      <label>
        Link address
        <input ref={input} type="text" inputMode="url" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      {error && <span role="alert">{error}</span>}
      <button type="submit">Apply</button>
      {existing && (
        <>
          <button type="button" onClick={() => apply(null)}>
            Remove link
          </button>
          <button type="button" onClick={() => onOpenLink?.(existing)} disabled={!onOpenLink}>
            Open…
          </button>
        </>
      )}
      <button type="button" onClick={close}>
        Cancel
      </button>
    </form>
  );
}
