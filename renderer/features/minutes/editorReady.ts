import type { MutableRefObject } from 'react';
import type { MinutesEditorHandle } from '../../editor';

/** The newest wait for an editor: a later jump supersedes an earlier one still waiting. */
let newest = 0;

/**
 * Runs `then` with the section's editor once it is on the page. In a long meeting an editor mounts only near the
 * viewport, and just after the minutes open the other sections are still loading (MinutesSections): this scrolls the
 * section into view and focuses its placeholder, which asks for the editor (and keeps the keys typed meanwhile), then
 * waits for it (up to `timeoutMs`; `then(undefined)` if it never came).
 *
 * A wait ends without calling `then` when a later jump starts, or when the officer has moved the focus elsewhere
 * meanwhile (outside the section): an editor that arrives late must not take the caret from where the officer now is.
 */
export function withEditor(
  editors: MutableRefObject<Map<string, MinutesEditorHandle>>,
  key: string,
  then: (h: MinutesEditorHandle | undefined) => void,
  timeoutMs = 10_000,
): void {
  const mine = ++newest;
  const now = editors.current.get(key);
  if (now) return then(now);
  const section = document.getElementById(`section-${key}`);
  section?.scrollIntoView({ block: 'start' });
  section?.querySelector<HTMLElement>('.section-placeholder')?.focus({ preventScroll: true });
  const stillWanted = () => {
    if (mine !== newest) return false;
    const at = document.activeElement;
    return !at || at === document.body || Boolean(section?.contains(at));
  };
  const started = Date.now();
  const tick = () => {
    if (!stillWanted()) return;
    const h = editors.current.get(key);
    if (h || Date.now() - started > timeoutMs) return then(h);
    window.setTimeout(tick, 50);
  };
  window.setTimeout(tick, 50);
}

/**
 * Ends every wait still running without calling its `then`: the page that asked has gone (its hooks unmount), so
 * nothing is left polling for an editor that can no longer come.
 */
export function endEditorWaits(): void {
  newest++;
}
