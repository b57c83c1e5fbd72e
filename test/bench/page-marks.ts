import type { BrowserContext, Page } from 'playwright-core';

/**
 * Where a page load's time goes, on the page's own clock (ms after navigation start), for the start-up part's
 * "where the time goes" table: when the page's script files had arrived, its HTML was parsed, it had run its
 * scripts, showed what the test waits for, received the click, and showed the result. Installed only on loads of their
 * own, apart from the timed ones: the observer that watches for the milestones runs on every change of the page, and
 * the headline figures must not pay for it.
 */

/** The first element that matches `selector` (and whose text matches `text`, when given). */
export interface Milestone {
  selector: string;
  text?: string;
}

/** `done`: an element that shows the result, or `{ grows }`: the element whose text has grown since the click (a key typed). */
export interface MarkSpec {
  shown: Milestone;
  done: Milestone | { grows: string };
}

export interface PageMarks {
  /**
   * The page's last script file had arrived: the latest responseEnd of the `.js` files asked for before its scripts
   * ran (DOMContentLoaded), not of a chunk loaded later (a page opened on demand, a worker); NaN when it has none.
   */
  scripts: number;
  /** The HTML was parsed (domInteractive): module scripts run only after this and after they have arrived. */
  parsed: number;
  /** DOMContentLoaded ended: the page's scripts have run. */
  dcl: number;
  /** What the test first waits for is on the page (the meetings list, the editor, the peer's button). */
  shown: number;
  /** The first pointerdown: the test driver's click has reached the page. */
  click: number;
  /** The result is on the page (the form, the updated button, the typed key's text). */
  done: number;
}

declare global {
  interface Window {
    __benchMarks?: { shown: number; click: number; done: number };
  }
}

/** Records the milestones of every page then opened in `context`. */
export async function installMarks(context: BrowserContext, spec: MarkSpec): Promise<void> {
  await context.addInitScript((s: MarkSpec) => {
    const m = { shown: Number.NaN, click: Number.NaN, done: Number.NaN };
    window.__benchMarks = m;
    const found = (x: Milestone) => {
      for (const el of document.querySelectorAll(x.selector)) if (!x.text || new RegExp(x.text).test(el.textContent ?? '')) return true;
      return false;
    };
    const done = s.done;
    const length = (selector: string) => document.querySelector(selector)?.textContent?.length ?? 0;
    let before = 0;
    new MutationObserver(() => {
      const now = performance.now();
      if (Number.isNaN(m.shown) && found(s.shown)) m.shown = now;
      if (Number.isNaN(m.click) || !Number.isNaN(m.done)) return;
      if ('grows' in done ? length(done.grows) > before : found(done)) m.done = now;
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener(
      'pointerdown',
      () => {
        if (!Number.isNaN(m.click)) return;
        m.click = performance.now();
        if ('grows' in done) before = length(done.grows);
      },
      true,
    );
  }, spec);
}

/** The milestones of `page`'s load (NaN for one that did not happen). */
export function readMarks(page: Page): Promise<PageMarks> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const m = window.__benchMarks ?? { shown: Number.NaN, click: Number.NaN, done: Number.NaN };
    const ran = nav ? nav.domContentLoadedEventStart : Number.POSITIVE_INFINITY;
    const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime <= ran && new URL(e.name).pathname.endsWith('.js'));
    const scripts = js.length > 0 ? Math.max(...js.map((e) => e.responseEnd)) : Number.NaN;
    return { scripts, parsed: nav ? nav.domInteractive : Number.NaN, dcl: nav ? nav.domContentLoadedEventEnd : Number.NaN, shown: m.shown, click: m.click, done: m.done };
  });
}
