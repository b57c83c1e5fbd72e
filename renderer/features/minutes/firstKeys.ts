/**
 * The moment the rest of the minutes page may start its work (issue 16): opened, the page shows the first section's
 * editor first, and the officer's first click and keys into it must not wait behind the other sections' loading and
 * mounting (each a long task on the page's thread, and calls to the host). Resolves after the first key pressed on the
 * page has been handled and painted, or `quietMs` after it was asked for when no key comes, or at once when `wake` is
 * called (the officer jumped to, or scrolled to, a section that is not there yet).
 */
export function afterFirstKeys(quietMs: number, signal: { wake?: () => void }): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      window.clearTimeout(timer);
      document.removeEventListener('keydown', onKey, true);
      signal.wake = undefined;
      resolve();
    };
    // After the key's own work (Lexical's input handling, its render) and the frame that shows it.
    const onKey = () => window.setTimeout(() => requestAnimationFrame(() => window.setTimeout(finish, 0)), 0);
    const timer = window.setTimeout(finish, quietMs);
    document.addEventListener('keydown', onKey, true);
    // A task later: the render that records what was asked for (the near sections) comes first.
    signal.wake = () => window.setTimeout(finish, 0);
  });
}
