import { useEffect, useRef, useState } from 'react';

/** What an in-app confirmation asks. */
export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
}

type Pending = ConfirmRequest & { resolve: (ok: boolean) => void };
let show: ((p: Pending) => void) | null = null;

/**
 * Asks the officer in an in-app dialog (never window.confirm, which the desktop app cannot style or test and which
 * blocks the page). Resolves false when no <ConfirmHost/> is mounted.
 */
export function confirmInApp(req: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    if (!show) return resolve(false);
    show({ ...req, resolve });
  });
}

/** Mounted once by the app: shows one confirmation at a time. */
export function ConfirmHost() {
  const [pending, setPending] = useState<Pending | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const back = useRef<Element | null>(null);
  useEffect(() => {
    show = (p) => {
      back.current = document.activeElement;
      setPending(p);
    };
    return () => {
      show = null;
    };
  }, []);
  useEffect(() => {
    // Focus the safe choice: Enter on a reflex does not delete.
    if (pending) cancel.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const done = (ok: boolean) => {
    pending.resolve(ok);
    setPending(null);
    (back.current as HTMLElement | null)?.focus?.();
  };
  return (
    <div className="overlay" role="presentation" onKeyDown={(e) => e.key === 'Escape' && done(false)}>
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-message">
        <h2 id="confirm-title">{pending.title}</h2>
        <p id="confirm-message" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {pending.message}
        </p>
        <div className="form-actions">
          <button type="button" className={pending.danger ? 'danger' : 'primary'} onClick={() => done(true)}>
            {pending.confirmLabel}
          </button>
          <button type="button" ref={cancel} onClick={() => done(false)}>
            {pending.cancelLabel ?? 'Cancel'}
          </button>
        </div>
      </div>
    </div>
  );
}
