/**
 * `fn` runs when the officer comes back to this window: it regains the focus, or its tab becomes visible. What a window
 * that is not told by the others (window-changes.ts: another launch of the browser, a nudge lost) learns from; returns
 * the way to stop listening. Here, not in window-changes.ts: only the minutes page listens, and the first page's
 * chunks carry window-changes.ts (issue 16's budget).
 */
export function onComeBack(fn: () => void): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') fn();
  };
  window.addEventListener('focus', fn);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('focus', fn);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
