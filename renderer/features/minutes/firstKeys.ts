/**
 * The moment the rest of the minutes page may start its work (issue 16): opened, the page shows the first section's
 * editor first, and the officer's first click and keys into it must not wait behind the other sections' loading and
 * mounting (each a long task on the page's thread, and calls to the host). Resolves once the officer pauses after
 * the first keys — `pauseMs` with no key, after the last key has been handled and painted — but at most `maxMs` after
 * the first key (someone typing on without a pause still gets the rest of the page); or `quietMs` after it was asked
 * for when no key comes at all; or at once when `wake` is called (the officer jumped to, or scrolled to, a section that
 * is not there yet).
 */
export function afterFirstKeys(quietMs: number, signal: { wake?: () => void }, pauseMs = 500, maxMs = 3000): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    let timer = window.setTimeout(() => finish(), quietMs);
    let latest = 0;
    const finish = () => {
      if (done) return;
      done = true;
      window.clearTimeout(timer);
      window.clearTimeout(latest);
      document.removeEventListener('keydown', onKey, true);
      signal.wake = undefined;
      resolve();
    };
    let keys = 0;
    const onKey = () => {
      if (latest === 0) latest = window.setTimeout(finish, maxMs);
      const key = ++keys;
      window.clearTimeout(timer);
      // After the key's own work (Lexical's input handling, its render) and the frame that shows it, then the pause;
      // a later key starts the pause again.
      timer = window.setTimeout(() => requestAnimationFrame(() => key === keys && (timer = window.setTimeout(finish, pauseMs))), 0);
    };
    document.addEventListener('keydown', onKey, true);
    // A task later: the render that records what was asked for (the near sections) comes first.
    signal.wake = () => window.setTimeout(finish, 0);
  });
}
