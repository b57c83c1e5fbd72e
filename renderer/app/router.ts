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
 * The page sets it (features/minutes/leaveGuard.ts, which also holds the browser's Back and the app's links).
 */
export interface LeaveGuard {
  /** The page guarded: only leaving it for another route is asked about. */
  route: Route;
  ask: (to: string) => Promise<boolean> | null;
}

export const leaving: { guard: LeaveGuard | null; agreed: string | null } = { guard: null, agreed: null };

export const sameRoute = (hash: string, route: Route) => href(parseRoute(hash)) === href(route);

/** Goes to `to` once the guard of the page shown agrees (at once when there is none, or nothing to ask). */
export function leaveFor(to: string) {
  const g = leaving.guard;
  const held = g && !sameRoute(to, g.route) ? g.ask(to) : null;
  if (!held) {
    window.location.hash = to;
    return;
  }
  void held.then((go) => {
    if (!go || to === window.location.hash) return;
    // Its popstate is not asked about again (leaveGuard.ts).
    leaving.agreed = to;
    window.location.hash = to;
  });
}

export function navigate(route: Route) {
  leaveFor(href(route));
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
