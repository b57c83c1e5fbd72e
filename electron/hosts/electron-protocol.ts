import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './electron-security';
import { securityHeaders, serveStatic } from './static-files';

/**
 * The renderer is served from dist/renderer through the app:// scheme rather than file://, so that it has a real,
 * checkable origin, a Content-Security-Policy header on every response, and no access to the rest of the disk.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard: relative URLs and web storage work; secure: treated like https; fetch for same-origin assets.
  // Deliberately NOT bypassCSP, NOT allowServiceWorkers.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** Must run before app 'ready' (Electron refuses it later). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export { securityHeaders };

/** The path of an app://renderer/ URL, or null when the URL is not ours. */
function appPathname(requestUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  return u.pathname;
}

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The handler for protocol.handle: GET/HEAD of files under `root`, through the static module both hosts share. */
export function createRendererHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const pathname = appPathname(request.url);
    if (pathname === null) return textResponse(403, 'Forbidden');
    const answer = await serveStatic(root, pathname, { head: request.method === 'HEAD' });
    if (answer.error) return textResponse(answer.status, answer.error.message);
    return new Response(answer.body ? new Uint8Array(answer.body) : null, { status: answer.status, headers: answer.headers });
  };
}

/** After app 'ready': serve dist/renderer on app://renderer/. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(root));
}
