import { OUTLINE_LABEL } from '../live/LiveOutline';
import { SIDE_PANEL_ID, SIDE_PANEL_LABEL } from './SidePanel';

/**
 * The places of the outline and of the side panel until they come (MinutesPage `sidesShown`): their boxes, busy, as
 * the sections not loaded yet. A press into one asks for them at once.
 */
export function PendingOutline({ onWanted }: { onWanted: () => void }) {
  return (
    <nav className="live-outline pending" aria-label={OUTLINE_LABEL} aria-busy="true" onPointerDown={onWanted}>
      <span className="muted">Loading…</span>
    </nav>
  );
}

export function PendingSide({ onWanted }: { onWanted: () => void }) {
  return (
    <aside className="side" id={SIDE_PANEL_ID} aria-label={SIDE_PANEL_LABEL} aria-busy="true" onPointerDown={onWanted}>
      <div className="panel pending">
        <span className="muted">Loading…</span>
      </div>
    </aside>
  );
}
