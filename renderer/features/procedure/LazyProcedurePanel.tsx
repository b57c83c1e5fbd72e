import type { ComponentProps } from 'react';
import { onDemand, useOnDemand } from '../../ui/onDemand';
import type { ProcedurePanel as ProcedurePanelType } from './ProcedurePanel';

/**
 * The Procedure tab of the minutes page, its code loaded on demand (issue 16): the rules, votes and follow-up forms and
 * the procedure's schemas (full zod) are not needed to open the minutes, and loading them with the page put ~95 KB of
 * zod on the way to the first editable editor. The page asks for the code once its other sections load
 * (`preloadProcedurePanel`), so the tab is normally there at once; opened sooner, it says "Loading…" until it is.
 */
const procedurePanel = onDemand(() => import('./ProcedurePanel'));

export const preloadProcedurePanel = () => procedurePanel.load();

export function LazyProcedurePanel(props: ComponentProps<typeof ProcedurePanelType>) {
  const { value: mod, failed } = useOnDemand(procedurePanel);
  if (failed) return <p role="alert">The procedure panel could not be opened. Reload the app (Ctrl+R) to try again.</p>;
  if (!mod) return <p className="muted">Loading…</p>;
  return <mod.ProcedurePanel {...props} />;
}
