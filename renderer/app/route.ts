// The routes, without React: read by boot.js (renderer/boot.ts) before the app's code has arrived, and by router.ts.

/**
 * Hash routes: #/ (meetings), #/meetings/:id, #/meetings/:id/minutes, #/members, #/search/:query, #/register,
 * #/trash, #/backups, #/settings.
 */
export type Route =
  | { name: 'meetings' }
  | { name: 'meeting'; id: string }
  | { name: 'minutes'; id: string }
  | { name: 'members' }
  | { name: 'backups' }
  | { name: 'search'; q: string }
  | { name: 'register' }
  | { name: 'trash' }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'members') return { name: 'members' };
  if (parts[0] === 'backups') return { name: 'backups' };
  if (parts[0] === 'search') return { name: 'search', q: safeDecode(parts[1] ?? '') };
  if (parts[0] === 'register' || parts[0] === 'trash' || parts[0] === 'settings') return { name: parts[0] };
  if (parts[0] === 'meetings' && parts[1]) return parts[2] === 'minutes' ? { name: 'minutes', id: parts[1] } : { name: 'meeting', id: parts[1] };
  return { name: 'meetings' };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

