import type { MouseEvent } from 'react';
import { SIDE_PANEL_ID } from './SidePanel';

/**
 * Skip links, first in the Tab order and shown when focused: straight to the current item's text, to the meeting
 * controls (Start / End meeting), or to the side panel (attendance, records, flags, preview).
 */
export function SkipLinks(props: { toCurrent: () => void; toBar: () => void; toSide: () => void }) {
  const go = (fn: () => void) => (e: MouseEvent) => {
    e.preventDefault();
    fn();
  };
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a href="#sections" onClick={go(props.toCurrent)}>
        Skip to the current item
      </a>
      <a href="#meeting-bar" onClick={go(props.toBar)}>
        Skip to the meeting controls
      </a>
      <a href={`#${SIDE_PANEL_ID}`} onClick={go(props.toSide)}>
        Skip to the side panel
      </a>
    </nav>
  );
}
