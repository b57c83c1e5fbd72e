import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route';

export { parseRoute, type Route } from './route';

export function href(route: Route): string {
  switch (route.name) {
    case 'meetings':
      return '#/';
    case 'members':
      return '#/members';
    case 'backups':
      return '#/backups';
    case 'meeting':
      return `#/meetings/${route.id}`;
    case 'minutes':
      return `#/meetings/${route.id}/minutes`;
    case 'search':
      return `#/search/${encodeURIComponent(route.q)}`;
    case 'register':
    case 'trash':
    case 'settings':
      return `#/${route.name}`;
  }
}

/**
 * A page that must not be left without a question (the minutes with words not stored): asked with the hash the app
 * is going to, it answers null to let it go at once, or a promise of whether to go (it saves, or asks in the app).
 */
export interface LeaveGuard {
  /** The page guarded: only leaving it for another route is asked about. */
  route: Route;
  ask: (to: string) => Promise<boolean> | null;
}

let guard: LeaveGuard | null = null;
/** A hash whose departure was already agreed: its navigation is not asked about again. */
let agreed: string | null = null;

const sameRoute = (hash: string, route: Route) => href(parseRoute(hash)) === href(route);

/** Goes to `to` once the guard agreed (or at once when there is none, or nothing to ask). */
function leaveFor(to: string) {
  const held = guard && !sameRoute(to, guard.route) ? guard.ask(to) : null;
  if (!held) {
    window.location.hash = to;
    return;
  }
  void held.then((go) => {
    if (!go || to === window.location.hash) return;
    agreed = to;
    window.location.hash = to;
  });
}

export function navigate(route: Route) {
  leaveFor(href(route));
}

/**
 * Guards the page shown until the returned function is called. Every way out of it is asked about before the page
 * goes: the app's calls to navigate() (the top bar's search box, …), a click on a link of the app (held before the
 * browser follows it), and the browser's Back and Forward or an address typed in (popstate: the browser has moved
 * already, so the guarded page's address is put back at once, in the same task, before anything renders, and the
 * page is left only if the guard agrees). A native "leave the page?" prompt is never used inside the app.
 */
export function guardLeaving(g: LeaveGuard): () => void {
  guard = g;
  agreed = null;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const to = (e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null)?.getAttribute('href');
    if (!to || to === window.location.hash || guard !== g || sameRoute(to, g.route)) return;
    e.preventDefault();
    leaveFor(to);
  };
  const onPopState = () => {
    const to = window.location.hash;
    if (agreed !== null && href(parseRoute(to)) === href(parseRoute(agreed))) {
      agreed = null;
      return;
    }
    if (guard !== g || sameRoute(to, g.route)) return;
    const held = g.ask(to);
    if (!held) return;
    // Back on the guarded page, before React reads the address (useRoute): nothing of it is unmounted meanwhile.
    history.pushState(history.state, '', href(g.route));
    void held.then((go) => {
      if (!go || guard !== g) return;
      agreed = to;
      window.location.hash = to;
    });
  };
  document.addEventListener('click', onClick, true);
  window.addEventListener('popstate', onPopState);
  return () => {
    document.removeEventListener('click', onClick, true);
    window.removeEventListener('popstate', onPopState);
    if (guard === g) guard = null;
  };
}

const onHashChange = (notify: () => void) => {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
};
const currentHash = () => window.location.hash;

/**
 * The route shown, following the URL's hash. An external store, not state set by an effect's listener: React reads the
 * hash again once it listens, so a change between the first render and the effects (a link followed while the app
 * starts on a loaded machine) is not missed — with a listener added by an effect, the app stayed on its first page.
 */
export function useRoute(): Route {
  const hash = useSyncExternalStore(onHashChange, currentHash);
  return useMemo(() => parseRoute(hash), [hash]);
}
