/**
 * The places of the outline and of the side panel until they come (MinutesPage `sidesShown`): their boxes, busy, as
 * the sections not loaded yet. A press into one asks for them at once.
 */
export function PendingOutline({ onWanted }: { onWanted: () => void }) {
  return (
    <nav className="live-outline pending" aria-label="Sections of the minutes" aria-busy="true" onPointerDown={onWanted}>
      <span className="muted">Loading…</span>
    </nav>
  );
}

export function PendingSide({ onWanted }: { onWanted: () => void }) {
  return (
    <aside className="side" id="side-panel" aria-label="Side panel" aria-busy="true" onPointerDown={onWanted}>
      <div className="panel pending">
        <span className="muted">Loading…</span>
      </div>
    </aside>
  );
}
