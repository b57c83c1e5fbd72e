/** How long the browser may wait for an idle moment before the callback runs anyway. */
const IDLE_TIMEOUT_MS = 1500;

/**
 * How long after the officer's last key the page's suggestions work may run. While the officer types, nothing of it
 * runs on the page's thread: no reading of a section, no placing of the engine's answer, no repaint of the underlines
 * (the Custom Highlight API repaints the whole page, 25–55 ms at 10,000 paragraphs). It all waits for a pause.
 */
export const TYPING_PAUSE_MS = 1000;

/**
 * How long after the page's last key the engine in its worker may go on (engine-host.ts afterTypingPause): shorter
 * than TYPING_PAUSE_MS, so that its answer is ready when the page places it.
 */
export const ENGINE_TYPING_PAUSE_MS = 500;

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

/** What a pause gate needs from the page: where keys are noticed, a clock, idle callbacks. */
export interface PauseEnvironment {
  /** Calls `note` on every key and every input (capturing, before the editor sees them). Called once, on first use. */
  listen(note: () => void): void;
  now(): number;
  idle(fn: (deadline: IdleDeadline) => void): IdleHandle;
  pauseMs: number;
}

/**
 * `whenPaused(fn)`: runs `fn` in an idle moment once no key has come for `pauseMs`; a key that comes while it waits
 * (also after the idle moment was asked for) makes it wait for the next pause.
 */
export function createPauseGate(env: PauseEnvironment) {
  let last = Number.NEGATIVE_INFINITY;
  let listening = false;
  const quiet = () => env.now() - last;
  return function whenPaused(fn: (deadline: IdleDeadline) => void): IdleHandle {
    if (!listening) {
      listening = true;
      env.listen(() => (last = env.now()));
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inner: IdleHandle | undefined;
    const wait = () => {
      const left = env.pauseMs - quiet();
      if (left > 0) {
        timer = setTimeout(wait, left);
        return;
      }
      inner = env.idle((d) => {
        if (cancelled) return;
        if (quiet() < env.pauseMs) wait();
        else fn(d);
      });
    };
    wait();
    return {
      cancel: () => {
        cancelled = true;
        clearTimeout(timer);
        inner?.cancel();
      },
    };
  };
}

/** The page's gate: keys and input anywhere in the window hold the suggestions' work back until a pause. */
export const whenPaused = createPauseGate({
  listen: (note) => {
    window.addEventListener('keydown', note, true);
    window.addEventListener('beforeinput', note, true);
  },
  now: () => performance.now(),
  idle: whenIdle,
  pauseMs: TYPING_PAUSE_MS,
});
