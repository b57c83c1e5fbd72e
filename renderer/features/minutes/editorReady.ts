import type { MutableRefObject } from 'react';
import type { MinutesEditorHandle } from '../../editor';

/**
 * Runs `then` with the section's editor once it is on the page. In a long meeting an editor mounts only near the
 * viewport (MinutesSections): this scrolls the section into view and focuses its placeholder, which asks for the
 * editor, then waits for it (up to `timeoutMs`; `then(undefined)` if it never came).
 */
export function withEditor(
  editors: MutableRefObject<Map<string, MinutesEditorHandle>>,
  key: string,
  then: (h: MinutesEditorHandle | undefined) => void,
  timeoutMs = 10_000,
): void {
  const now = editors.current.get(key);
  if (now) return then(now);
  const section = document.getElementById(`section-${key}`);
  section?.scrollIntoView({ block: 'start' });
  section?.querySelector<HTMLElement>('.section-placeholder')?.focus({ preventScroll: true });
  const started = Date.now();
  const tick = () => {
    const h = editors.current.get(key);
    if (h || Date.now() - started > timeoutMs) return then(h);
    window.setTimeout(tick, 50);
  };
  window.setTimeout(tick, 50);
}
