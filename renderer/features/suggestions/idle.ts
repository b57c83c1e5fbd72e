/** How long the browser may wait for an idle moment before the callback runs anyway. */
const IDLE_TIMEOUT_MS = 1500;

export type IdleHandle = { cancel: () => void };
export type IdleDeadline = { timeRemaining: () => number };

/** requestIdleCallback, or a short timeout where it is missing. */
export function whenIdle(fn: (deadline: IdleDeadline) => void): IdleHandle {
  const w = window as Window & { requestIdleCallback?: (cb: (d: IdleDeadline) => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const h = w.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return { cancel: () => w.cancelIdleCallback?.(h) };
  }
  const t = setTimeout(() => fn({ timeRemaining: () => 12 }), 50);
  return { cancel: () => clearTimeout(t) };
}
