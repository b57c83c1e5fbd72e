import { useCallback, useEffect, useState } from 'react';
import { reloadForKeptFailure } from './codeLoad';

/**
 * Code loaded on demand (a route's or a tab's chunk, issue 16): asked for once, however many ask; a failed load is not
 * kept, so a later ask tries again. `now()` is the code if it has come, for a render that can show it at once.
 */
export interface OnDemand<T> {
  load(): Promise<T>;
  now(): T | null;
}

export function onDemand<T>(importer: () => Promise<T>): OnDemand<T> {
  let loading: Promise<T> | null = null;
  let loaded: T | null = null;
  return {
    load: () =>
      (loading ??= importer().then(
        (m) => (loaded = m),
        (err: unknown) => {
          loading = null;
          throw err;
        },
      )),
    now: () => loaded,
  };
}

/**
 * The code for a component to render: at once if it has come, else once it does (`failed` if it could not be loaded).
 * Not React.lazy: what is revealed inside a Suspense boundary waits until 300 ms after its fallback was shown (React
 * batches reveals), and for the minutes page the officer opens during a meeting that wait was most of the time to an
 * editable editor.
 */
export function useOnDemand<T>(code: OnDemand<T>): { value: T | null; failed: boolean; retry: () => void } {
  const [value, setValue] = useState<T | null>(() => code.now());
  const [failed, setFailed] = useState(false);
  // Each try asks again (a failed load is not kept by onDemand): `retry` starts the next one.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (value !== null) return;
    let alive = true;
    // A retry the browser's kept failure refuses reloads the page (codeLoad.ts); the first failure is only said.
    code
      .load()
      .catch((err: unknown) => {
        if (attempt > 0) return reloadForKeptFailure(err);
        throw err;
      })
      .then(
        (v) => alive && setValue(() => v),
        () => alive && setFailed(true),
      );
    return () => {
      alive = false;
    };
  }, [code, value, attempt]);
  const retry = useCallback(() => {
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);
  return { value, failed, retry };
}
