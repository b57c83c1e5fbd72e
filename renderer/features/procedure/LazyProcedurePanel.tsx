import { useEffect, useState, type ComponentProps } from 'react';
import type { ProcedurePanel as ProcedurePanelType } from './ProcedurePanel';

/**
 * The Procedure tab of the minutes page, its code loaded on demand (issue 16): the rules, votes and follow-up forms and
 * the procedure's schemas (full zod) are not needed to open the minutes, and loading them with the page put ~95 KB of
 * zod on the way to the first editable editor. The page asks for the code once its other sections load
 * (`preloadProcedurePanel`), so the tab is normally there at once; opened sooner, it says "Loading…" until it is.
 * Not React.lazy: a tab revealed inside a Suspense boundary waits up to 300 ms after its fallback (React batches
 * reveals).
 */
type Module = { ProcedurePanel: typeof ProcedurePanelType };
let loaded: Module | null = null;
let loading: Promise<Module> | null = null;

export function preloadProcedurePanel(): Promise<Module> {
  loading ??= import('./ProcedurePanel').then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = null; // a later open tries again
      throw err;
    },
  );
  return loading;
}

export function LazyProcedurePanel(props: ComponentProps<typeof ProcedurePanelType>) {
  const [mod, setMod] = useState<Module | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (mod) return;
    let alive = true;
    preloadProcedurePanel().then(
      (m) => alive && setMod(m),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [mod]);
  if (failed) return <p role="alert">The procedure panel could not be opened. Reload the app (Ctrl+R) to try again.</p>;
  if (!mod) return <p className="muted">Loading…</p>;
  return <mod.ProcedurePanel {...props} />;
}
