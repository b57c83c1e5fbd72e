import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api';

/**
 * Every failed call a page makes, kept until dismissed (a later success does not hide an earlier failure). Each says
 * what was being done in the officer's words — never a call name, an id or a stack trace. Failures with the same
 * message are one note naming each thing that failed (the local server down: every control pressed fails alike, and
 * a note each stacked over the item being typed in, an audit of 2026-12-07).
 */
export interface PageError {
  id: number;
  /** What was being done, e.g. "Saving the owner of an action"; each once, in the order they failed. */
  doing: string[];
  message: string;
}

/** "Keeping a revision, moving the meeting to the next item and starting the timer": one sentence of what failed. */
export function whatFailed(doing: readonly string[]): string {
  const [first, ...rest] = doing;
  if (first === undefined) return '';
  const more = rest.map((d) => d.charAt(0).toLowerCase() + d.slice(1));
  return more.length === 0 ? first : `${[first, ...more.slice(0, -1)].join(', ')} and ${more.at(-1)}`;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function useErrorList() {
  const [errors, setErrors] = useState<PageError[]>([]);
  const seq = useRef(0);
  const report = useCallback((doing: string, e: unknown) => {
    const message = errorMessage(e);
    setErrors((list) => {
      const same = list.find((x) => x.message === message);
      if (!same) return [...list, { id: ++seq.current, doing: [doing], message }];
      return same.doing.includes(doing) ? list : list.map((x) => (x === same ? { ...x, doing: [...x.doing, doing] } : x));
    });
  }, []);
  const dismiss = useCallback((id: number) => setErrors((list) => list.filter((x) => x.id !== id)), []);
  return { errors, report, dismiss };
}

export type ReportError = (doing: string, e: unknown) => void;

/**
 * The page's notes, together under its top bar. On the minutes page the list stays in view under the meeting bar while
 * the text scrolls (styles.css `.error-list`): a note added while the officer types far down the page is seen where
 * they are, without moving the page or taking the focus from the editor. `children`: the page's other notes of the
 * same kind (e.g. why a status change was held back), shown in the same place.
 */
export function ErrorList({ errors, onDismiss, children }: { errors: PageError[]; onDismiss: (id: number) => void; children?: ReactNode }) {
  if (errors.length === 0 && !children) return null;
  return (
    <div className="error-list">
      {children}
      {errors.map((e) => (
        <div className="error-note" role="alert" key={e.id}>
          <span>
            <strong>{whatFailed(e.doing)} failed.</strong> {e.message}
          </span>
          <button type="button" className="link" onClick={() => onDismiss(e.id)} aria-label={`Dismiss: ${whatFailed(e.doing)} failed`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
