/**
 * Code fetched on demand (a page's chunk) that could not be fetched: the app's local server stopped. Two caches stand
 * between a failed fetch and a retry: React.lazy keeps a rejected import (PageBoundary.tsx retryableLazy makes a new
 * one), and the browser keeps the failed module for the document's life (Chromium asks the server for it only once).
 * So a retry that fails while the server answers again is the browser's kept failure: the document is loaded again at
 * the same address, which fetches the code afresh.
 */

/** A page's code that could not be fetched, as the browsers and Vite's preloading say it. */
export function isLoadFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return /dynamically imported module|Importing a module script failed|Unable to preload|Failed to fetch/i.test(err.message) || err.name === 'ChunkLoadError';
}

/** Whether the app's local server answers now: the page's own address, asked past every cache. */
async function serverAnswers(): Promise<boolean> {
  try {
    const r = await fetch(window.location.href.split('#')[0]!, { method: 'HEAD', cache: 'no-store' });
    return r.ok;
  } catch {
    return false;
  }
}

/**
 * After a retry failed with `err`: when the failure can only be the browser's kept one (the server answers), the page
 * is loaded again at the same address (the page that failed never showed, so nothing typed is lost) and the promise
 * never settles; otherwise it rejects with `err`, and the page says the server is not answering. Only ever after a
 * retry the officer asked for (a new document's first load never reloads), so it cannot loop.
 */
export async function reloadForKeptFailure(err: unknown): Promise<never> {
  if (isLoadFailure(err) && !holdsUnsavedWords() && (await serverAnswers())) {
    window.location.reload();
    return new Promise<never>(() => {});
  }
  throw err;
}

/**
 * Whether leaving the document now would lose words: every holder of words not stored yet (the minutes' autosave, keys
 * typed ahead and kept across pages: useTypeAhead.ts) asks before unload by cancelling "beforeunload". Asked the same
 * way here, without leaving: then the page is not reloaded, and says it could not be opened (the officer can save
 * first, or go on working; a reload later fetches the code).
 */
function holdsUnsavedWords(): boolean {
  const probe = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(probe);
  return probe.defaultPrevented;
}
