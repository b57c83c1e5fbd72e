import { useEffect, useRef } from 'react';
import type { MinutesOutline } from '../../../shared/contract/minutes';
import { sectionNow } from './useMinutesData';

/** What tells the page the officer has started on their own: from then on the page moves nothing for them. */
const OWN_START = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * The minutes of a running meeting, opened (a reload, the app restarted during the meeting): once the editor of the
 * item under discussion is on the page (useMinutesData loads it right after the first section), shows it below the
 * meeting bar with the caret in it, as "Next item" does. Once per meeting opened, and not at all once the officer has
 * pressed a key, clicked, touched or scrolled the wheel: their own start wins, and their keys stay where they put them.
 */
export function useOpenAtCurrent(id: string, outline: Pick<MinutesOutline, 'live'> | null, hasEditor: (key: string) => boolean, reveal: (key: string) => void) {
  /** This meeting's section to show, decided from its first outline; null once shown, or when there is none. */
  const plan = useRef<{ id: string; key: string | null } | null>(null);
  /** Stops listening for the officer's own start: once the plan is settled, typing does not call in here any more. */
  const stopListening = useRef(() => {});

  useEffect(() => {
    const ownStart = () => {
      plan.current = { id, key: null };
      stopListening.current();
    };
    for (const e of OWN_START) window.addEventListener(e, ownStart, { capture: true, passive: true });
    stopListening.current = () => {
      for (const e of OWN_START) window.removeEventListener(e, ownStart, { capture: true });
    };
    return () => stopListening.current();
  }, [id]);

  // After every render: the editor may have mounted in it (a ref callback, before this effect).
  useEffect(() => {
    if (!outline) return;
    if (plan.current?.id !== id) plan.current = { id, key: sectionNow(outline) };
    const key = plan.current.key;
    if (!key) {
      stopListening.current(); // not running, shown already, or the officer started first
      return;
    }
    if (!hasEditor(key)) return;
    plan.current.key = null;
    stopListening.current();
    reveal(key);
  });
}
