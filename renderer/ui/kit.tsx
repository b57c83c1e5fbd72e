import { useCallback, useEffect, useId, useRef, useState, type ReactNode, type SelectHTMLAttributes } from 'react';
import { ApiError } from '../api';

/**
 * What went wrong, said plainly. A refused input's issues are each a sentence that names its field in the form's words
 * (the dispatcher makes them: electron/backend/issue-words.ts); their paths are code names and are never shown. One
 * issue is the message itself, said once; several are listed instead of the message, which joins them.
 */
export function ErrorNote({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const message = e ? e.message : error instanceof Error ? error.message : typeof error === 'string' ? error : 'Something went wrong.';
  // A service's own issues may be ends of sentences ("already exists"): its message says them, so only sentences are listed.
  const listed = e?.issues && e.issues.length > 1 && e.issues.every((i) => /^[A-Z]/.test(i.message)) ? [...new Set(e.issues.map((i) => i.message))] : null;
  return (
    <div className="error-note" role="alert">
      {listed ? (
        <ul>
          {listed.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : (
        <span>{message}</span>
      )}
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss the error">
          Dismiss
        </button>
      )}
    </div>
  );
}

/** A labelled control. `wide`: a row of its own in a `form-grid`; `double`: twice a field's room in a `form-row`. */
export function Field({ label, hint, children, wide, double }: { label: string; hint?: string; children: (id: string) => ReactNode; wide?: boolean; double?: boolean }) {
  const id = useId();
  return (
    <div className={wide ? 'field wide' : double ? 'field double' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <small className="hint">{hint}</small>}
    </div>
  );
}

/** A select of a fixed set of choices (a domain enum), each shown by its label. */
export function Choice<T extends string>({
  value,
  choices,
  labels,
  onChoose,
  ...rest
}: { value: T; choices: readonly T[]; labels: Record<T, string>; onChoose: (v: T) => void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select {...rest} value={value} onChange={(e) => onChoose(e.target.value as T)}>
      {choices.map((c) => (
        <option key={c} value={c}>
          {labels[c]}
        </option>
      ))}
    </select>
  );
}

/** Loads once (and again on `reload()`), keeping the last good value while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], initial?: () => T | undefined) {
  // `initial`: a value already at hand for the first render (an answer that came before the app's code ran, issue 16):
  // shown at once, and not asked for again on mount; a later change of `deps` (or `reload`) asks as usual.
  const [first] = useState(() => {
    const v = initial?.();
    return v === undefined ? null : { v };
  });
  const [value, setValue] = useState<T | undefined>(first?.v);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(first === null);
  const skipFirstLoad = useRef(first !== null);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const n = ++seq.current;
    setLoading(true);
    try {
      const v = await load();
      if (n === seq.current) {
        setValue(v);
        setError(null);
      }
    } catch (e) {
      if (n === seq.current) setError(e);
    } finally {
      if (n === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- useLoad takes its caller's dependency list, as useEffect does
  }, deps);
  useEffect(() => {
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    void reload();
  }, [reload]);
  return { value, setValue, error, loading, reload };
}

/** Runs an action, keeps its error for display, and never throws into React. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
