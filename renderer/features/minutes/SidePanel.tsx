import type { KeyboardEvent, ReactNode } from 'react';

/** The side panel's id (the skip link's target) and name, also its place's while it waits (PendingSides.tsx). */
export const SIDE_PANEL_ID = 'side-panel';
export const SIDE_PANEL_LABEL = 'Side panel';

export type Panel = 'attendance' | 'records' | 'procedure' | 'flags' | 'preview';

/**
 * The side panel's tabs: one Tab stop (the selected tab), arrow keys, Home and End move between tabs and show them
 * (WAI-ARIA tabs pattern); the panel is labelled by its tab.
 */
export function SidePanel(props: { panel: Panel; onPanel: (p: Panel) => void; tabs: Array<{ id: Panel; label: string }>; children: ReactNode }) {
  const ids = props.tabs.map((t) => t.id);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = ids.indexOf(props.panel);
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? ids[(at + 1) % ids.length]
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? ids[(at - 1 + ids.length) % ids.length]
          : e.key === 'Home'
            ? ids[0]
            : e.key === 'End'
              ? ids.at(-1)
              : undefined;
    if (!to) return;
    e.preventDefault();
    props.onPanel(to);
    document.getElementById(`side-tab-${to}`)?.focus();
  };
  return (
    <aside className="side" id={SIDE_PANEL_ID} aria-label={SIDE_PANEL_LABEL}>
      <div className="tabs" role="tablist" aria-label={SIDE_PANEL_LABEL} onKeyDown={onKeyDown}>
        {props.tabs.map((t) => (
          <button
            key={t.id}
            id={`side-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={props.panel === t.id}
            aria-controls="side-tabpanel"
            tabIndex={props.panel === t.id ? 0 : -1}
            onClick={() => props.onPanel(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="side-tabpanel" aria-labelledby={`side-tab-${props.panel}`} tabIndex={-1}>
        {props.children}
      </div>
    </aside>
  );
}
