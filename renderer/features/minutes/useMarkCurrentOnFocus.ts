import { startTransition, useCallback, useEffect, useRef } from 'react';
import type { LiveState, Section } from '../../../shared/domain/minutes';
import { meetingRunning } from '../live/timing';
import { afterFirstKeys } from './firstKeys';

/** What the hook reads of the page's minutes outline (the page's `stateRef`). */
type PageOf = {
  readonly current: { live: Pick<LiveState, 'startedAt' | 'endedAt' | 'currentSection'>; sections: ReadonlyArray<Pick<Section, 'key'>> } | null;
};

/** How long the officer pauses (no key) before a section they went to is marked current. */
export const MARK_CURRENT_PAUSE_MS = 400;

/**
 * What a section's focus does in a meeting that is not running: marks that section current (the outline, the bar and
 * the procedure panel follow it). That re-renders the whole page, so it is not urgent: it waits until the officer
 * pauses (no key for MARK_CURRENT_PAUSE_MS after the focus or the last key; at most 3 s of typing on), then runs as a
 * transition. Before, it came between the click and the first key, and the key waited behind it (issue 16: the
 * minutes page's time to the first typed key in `npm run bench`). The last section focused is the one marked.
 */
export function useMarkCurrentOnFocus(stateRef: PageOf, setCurrentLocally: (key: string) => void): (key: string) => void {
  const waiting = useRef<{ key: string; stop: () => void } | null>(null);
  useEffect(() => () => waiting.current?.stop(), []);
  return useCallback(
    (key: string) => {
      const live = stateRef.current?.live;
      if (!live || meetingRunning(live)) return;
      if (waiting.current) {
        waiting.current.key = key;
        return;
      }
      if (live.currentSection === key) return;
      const signal: { wake?: () => void } = {};
      let stopped = false;
      const entry = { key, stop: () => ((stopped = true), signal.wake?.()) };
      waiting.current = entry;
      void afterFirstKeys(MARK_CURRENT_PAUSE_MS, signal, MARK_CURRENT_PAUSE_MS).then(() => {
        if (waiting.current === entry) waiting.current = null;
        const now = stateRef.current;
        // Not when the meeting has started meanwhile (Next item moves the current item then), nor for a section no
        // longer on the page (removed from the agenda, or another meeting's minutes opened in this page).
        if (stopped || !now || meetingRunning(now.live) || now.live.currentSection === entry.key || !now.sections.some((s) => s.key === entry.key)) return;
        startTransition(() => setCurrentLocally(entry.key));
      });
    },
    [stateRef, setCurrentLocally],
  );
}
