/**
 * Chromium builds the machinery of its date and time fields (their inner fields, the locale's date patterns) the
 * first time a page lays one out: 40–60 ms for the first date field and 12–16 ms for the first time field on these
 * machines, against 1–3 ms for the next ones. The meeting form has both, so "New meeting" paid that on the click
 * (issue 16: most of the meetings list's gap to the hello-world after the click). `warmDateInputs` lays out one of
 * each, hidden and off screen, and removes them, so the cost is not paid on the click.
 *
 * When: on the meetings list, boot.js (renderer/boot.ts) does it in the page's next tasks, while the entry chunk is
 * still arriving and the main thread only waits for it: there it costs the officer nothing (an A/B of 40 interleaved
 * loads: the list interactive 0.95× of doing it once the list has shown, where it ran in the moments the officer reads
 * the list and reaches for a button). When boot.js did not run, or the list is reached from another page, the list
 * does it in its first idle moments after it has shown. Once per page load.
 */
type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; __tfsDatesWarmed?: boolean };

/** A task in the page's next idle moment (the app's default: the list has shown). */
function whenIdle(fn: () => void): void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback) w.requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
}

/**
 * `schedule` runs each field's task: the app's next idle moment by default; boot.js passes the next task, while the
 * entry chunk is still arriving and the page's main thread has nothing else to do. Once per page load, whoever calls
 * first (the flag is on the window: boot.js and the app are two scripts).
 */
export function warmDateInputs(schedule: (fn: () => void) => void = whenIdle): void {
  const w = window as IdleWindow;
  if (w.__tfsDatesWarmed) return;
  w.__tfsDatesWarmed = true;
  // One field per task: a click (or the app's code arriving) that comes meanwhile waits for one at most.
  const layOut = (type: 'date' | 'time', then?: () => void) =>
    schedule(() => {
      const input = document.createElement('input');
      input.type = type;
      input.tabIndex = -1;
      input.setAttribute('aria-hidden', 'true');
      input.style.cssText = 'position:fixed;left:-10000px;top:0;visibility:hidden;pointer-events:none';
      // boot.js may run this before the parser has made <body>.
      const parent = document.body ?? document.documentElement;
      parent.appendChild(input);
      input.getBoundingClientRect();
      input.remove();
      then?.();
    });
  layOut('date', () => layOut('time'));
}
