import { useEffect, type RefObject } from 'react';

/**
 * A click into a section's text leaves the text under the pointer. The press gives the section's editor the focus,
 * which shows its formatting bar above the text (CSS, `:focus-within`): that moved the clicked text down by the bar's
 * height (~50 px), under the officer's pointer, between the press and the release.
 *
 * At the focus that follows a press on a section's text, the window scrolls by what the text moved, before the frame
 * is painted. The previous current section's bar, hidden a moment later when the clicked section becomes current,
 * moves nothing: Chromium's scroll anchoring holds the focused editor still (test/e2e/live-meeting.test.ts samples
 * every frame, with the previous current section above, at the top of the window and in its middle).
 */
export function useClickedTextStays(sections: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = sections.current;
    if (!root) return;
    let pressed: { text: Element; top: number } | null = null;
    const onPress = (e: PointerEvent) => {
      // Any button: a right or middle press gives the focus too (and the menu or the paste comes at the pointer).
      const text = e.target instanceof Element ? e.target.closest('[contenteditable="true"]') : null;
      // An editor that has the focus already gets none: no bar appears, and no layout is read for it (the officer
      // clicking about in the text being typed).
      pressed = text && !text.contains(document.activeElement) ? { text, top: text.getBoundingClientRect().top } : null;
    };
    const onFocus = (e: FocusEvent) => {
      const p = pressed;
      pressed = null;
      if (!p || !(e.target instanceof Node) || !p.text.contains(e.target)) return;
      const moved = p.text.getBoundingClientRect().top - p.top;
      if (Math.abs(moved) >= 0.5) window.scrollBy(0, moved);
    };
    // A press into an editor that already had the focus brings no focus: forget it at the release, so a later focus
    // (the Tab key) is not taken for this press's.
    const onRelease = () => {
      pressed = null;
    };
    root.addEventListener('pointerdown', onPress, true);
    root.addEventListener('focusin', onFocus);
    window.addEventListener('pointerup', onRelease, true);
    window.addEventListener('pointercancel', onRelease, true);
    return () => {
      root.removeEventListener('pointerdown', onPress, true);
      root.removeEventListener('focusin', onFocus);
      window.removeEventListener('pointerup', onRelease, true);
      window.removeEventListener('pointercancel', onRelease, true);
    };
  }, [sections]);
}
