import { href, leaveFor, leaving, parseRoute, sameRoute, type LeaveGuard } from '../../app/router';

/**
 * Guards the page shown until the returned function is called. Every way out of it is asked about before the page
 * goes: the app's calls to navigate() (the top bar's search box, …; app/router.ts leaveFor), a click on a link of the
 * app (held before the browser follows it), and the browser's Back and Forward or an address typed in (popstate: the
 * browser has moved already, so the guarded page's address is put back at once, in the same task, before anything
 * renders, and the page is left only if the guard agrees). A native "leave the page?" prompt is never used in the app.
 */
export function guardLeaving(g: LeaveGuard): () => void {
  leaving.guard = g;
  leaving.agreed = null;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const to = (e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null)?.getAttribute('href');
    if (!to || to === window.location.hash || leaving.guard !== g || sameRoute(to, g.route)) return;
    e.preventDefault();
    leaveFor(to);
  };
  const onPopState = () => {
    const to = window.location.hash;
    const agreed = leaving.agreed;
    if (agreed !== null && href(parseRoute(to)) === href(parseRoute(agreed))) {
      leaving.agreed = null;
      return;
    }
    if (leaving.guard !== g || sameRoute(to, g.route)) return;
    const held = g.ask(to);
    if (!held) return;
    // Back on the guarded page, before React reads the address (useRoute): nothing of it is unmounted meanwhile.
    history.pushState(history.state, '', href(g.route));
    void held.then((go) => {
      if (!go || leaving.guard !== g) return;
      leaving.agreed = to;
      window.location.hash = to;
    });
  };
  document.addEventListener('click', onClick, true);
  window.addEventListener('popstate', onPopState);
  return () => {
    document.removeEventListener('click', onClick, true);
    window.removeEventListener('popstate', onPopState);
    if (leaving.guard === g) leaving.guard = null;
  };
}
