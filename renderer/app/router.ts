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

export function navigate(route: Route) {
  window.location.hash = href(route);
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
