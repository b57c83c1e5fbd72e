/**
 * Chromium builds the machinery of its date and time fields (their inner fields, the locale's date patterns) the
 * first time a page lays one out: 40–60 ms for the first date field and 12–16 ms for the first time field on these
 * machines, against 1–3 ms for the next ones. The meeting form has both, so "New meeting" paid that on the click
 * (issue 16: most of the meetings list's gap to the hello-world after the click). `warmDateInputs` lays out one of
 * each, hidden and off screen, in the page's first idle moments after it has shown what it came for, and removes
 * them: the cost is paid while the officer reads the list, not when they click. It starts at once: the two fields
 * take ~35–60 ms, one task each, done within ~0.1 s of the list showing, long before a person has read the list and
 * reached for a button (half a second at the least). It used to wait those half a second first, which put it just
 * where a quick officer's first click lands. Once per page load.
 */
let warmed = false;

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };

export function warmDateInputs(): void {
  if (warmed) return;
  warmed = true;
  const w = window as IdleWindow;
  const idle = (fn: () => void) => (w.requestIdleCallback ? w.requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));
  // One field per idle moment: each is a task of its own, so a click that comes meanwhile waits for one at most.
  const layOut = (type: 'date' | 'time', then?: () => void) =>
    idle(() => {
      const input = document.createElement('input');
      input.type = type;
      input.tabIndex = -1;
      input.setAttribute('aria-hidden', 'true');
      input.style.cssText = 'position:fixed;left:-10000px;top:0;visibility:hidden;pointer-events:none';
      document.body.appendChild(input);
      input.getBoundingClientRect();
      input.remove();
      then?.();
    });
  layOut('date', () => layOut('time'));
}
