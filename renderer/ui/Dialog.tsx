import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLatest } from './useLatest';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab go round the enabled controls of a modal `box` (after the last, the first; before the first, the
 * last), never out of it to the page behind or the browser. For the keydown handler of every dialog.
 */
export function keepTabInside(e: KeyboardEvent, box: HTMLElement | null): void {
  if (e.key !== 'Tab') return;
  const items = [...(box?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
  if (items.length === 0) return e.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (e.shiftKey && at <= 0) {
    e.preventDefault();
    items.at(-1)!.focus();
  } else if (!e.shiftKey && at === items.length - 1) {
    e.preventDefault();
    items[0]!.focus();
  }
}

/** The dialogs open now, the topmost last: only it answers Escape and keeps the focus. */
const openDialogs: HTMLElement[] = [];

/**
 * The app's one modal dialog (the browser's prompt/confirm/alert are never used: Electron does not support prompt,
 * and they block the page). Named by its title, described by its body; focus moves in (first field, else the dialog),
 * Tab stays inside, Escape or a click outside cancels, and focus returns to where it was. While it is the topmost
 * dialog, Escape cancels wherever the focus is and focus that leaves it (an update of the page behind, a click on
 * it) comes back, so that no key meant for the dialog reaches the minutes behind it.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  describedBy?: string;
  /** `alertdialog`: a question about a consequence the officer must read (e.g. publishing a draft). */
  role?: 'dialog' | 'alertdialog';
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onClose = useLatest(props.onClose);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const box = ref.current;
    const first = box?.querySelector<HTMLElement>('[data-autofocus]') ?? box?.querySelector<HTMLElement>('input, textarea, select');
    (first ?? box)?.focus();
    if (!box) return;
    openDialogs.push(box);
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || openDialogs.at(-1) !== box || (e.target instanceof Node && box.contains(e.target))) return;
      e.preventDefault();
      e.stopPropagation();
      onClose.current();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (openDialogs.at(-1) === box && e.target instanceof Node && !box.contains(e.target)) (first ?? box).focus();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      openDialogs.splice(openDialogs.indexOf(box), 1);
      if (previous && document.contains(previous)) previous.focus();
    };
  }, [onClose]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose.current();
    } else keepTabInside(e, ref.current);
  };
  return (
    <div className="overlay" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose.current()}>
      <div
        className={`dialog ${props.className ?? ''}`}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={props.describedBy}
        tabIndex={-1}
        ref={ref}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  /** The button that does it, e.g. "Delete meeting". */
  confirm: string;
  cancel?: string;
  danger?: boolean;
  /** Cancel is the focused button (Enter cancels): for a consequence that must not be confirmed by reflex. */
  cancelByDefault?: boolean;
  /** Announced as an alert dialog (role `alertdialog`). */
  alert?: boolean;
}

/** A yes/no question in the app's dialog. Enter on the confirm button confirms; Escape cancels. */
export function ConfirmDialog(props: ConfirmOptions & { onAnswer: (yes: boolean) => void }) {
  const bodyId = useId();
  return (
    <Dialog title={props.title} onClose={() => props.onAnswer(false)} describedBy={bodyId} role={props.alert ? 'alertdialog' : 'dialog'}>
      <div id={bodyId} className="dialog-message">
        {props.message}
      </div>
      <div className="actions">
        <button type="button" className={props.danger ? 'danger' : 'primary'} data-autofocus={props.cancelByDefault ? undefined : true} onClick={() => props.onAnswer(true)}>
          {props.confirm}
        </button>
        <button type="button" data-autofocus={props.cancelByDefault ? true : undefined} onClick={() => props.onAnswer(false)}>
          {props.cancel ?? 'Cancel'}
        </button>
      </div>
    </Dialog>
  );
}

/** A question that needs a written reason (recorded), e.g. reopening approved minutes. Empty reasons are refused. */
export function ReasonDialog(props: { title: string; message: ReactNode; label: string; confirm: string; onAnswer: (reason: string | null) => void }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const id = useId();
  const empty = reason.trim() === '';
  return (
    <Dialog title={props.title} onClose={() => props.onAnswer(null)}>
      <form
        className="reason-form"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!empty) props.onAnswer(reason.trim());
        }}
      >
        <div className="dialog-message">{props.message}</div>
        <label htmlFor={id}>{props.label}</label>
        <textarea id={id} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={tried && empty} aria-describedby={tried && empty ? `${id}-err` : undefined} />
        {tried && empty && (
          <p className="field-error" id={`${id}-err`} role="alert">
            Please write a reason: it is recorded in the meeting’s history.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {props.confirm}
          </button>
          <button type="button" onClick={() => props.onAnswer(null)}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * `const [dialog, ask] = useConfirm()`: render `{dialog}`, then `if (!(await ask({...}))) return;` — the in-app
 * replacement for `window.confirm`.
 */
export function useConfirm(): [ReactNode, (o: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<(ConfirmOptions & { resolve: (yes: boolean) => void }) | null>(null);
  const ask = useCallback((o: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ ...o, resolve })), []);
  const dialog = pending ? (
    <ConfirmDialog
      {...pending}
      onAnswer={(yes) => {
        pending.resolve(yes);
        setPending(null);
      }}
    />
  ) : null;
  return [dialog, ask];
}
