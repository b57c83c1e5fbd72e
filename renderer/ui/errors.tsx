import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api';

/**
 * Every failed call a page makes, kept until dismissed (a later success does not hide an earlier failure). Each says
 * what was being done in the officer's words — never a call name, an id or a stack trace.
 */
export interface PageError {
  id: number;
  /** What was being done, e.g. "Saving the owner of an action". */
  doing: string;
  message: string;
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
    setErrors((list) => (list.some((x) => x.doing === doing && x.message === message) ? list : [...list, { id: ++seq.current, doing, message }]));
  }, []);
  const dismiss = useCallback((id: number) => setErrors((list) => list.filter((x) => x.id !== id)), []);
  return { errors, report, dismiss };
}

export type ReportError = (doing: string, e: unknown) => void;

export function ErrorList({ errors, onDismiss }: { errors: PageError[]; onDismiss: (id: number) => void }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-list">
      {errors.map((e) => (
        <div className="error-note" role="alert" key={e.id}>
          <span>
            <strong>{e.doing} failed.</strong> {e.message}
          </span>
          <button type="button" className="link" onClick={() => onDismiss(e.id)} aria-label={`Dismiss: ${e.doing} failed`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
