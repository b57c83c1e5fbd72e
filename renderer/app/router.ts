import { useEffect, useState } from 'react';
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

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
