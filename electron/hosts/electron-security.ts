import type { Event as ElectronEvent, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';

/**
 * The app's own origin. The renderer is loaded only from here (see electron-protocol.ts); every IPC sender, every
 * navigation and every served file is checked against it. Node's URL gives custom schemes an opaque "null" origin,
 * so the checks compare protocol and host instead of `origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Sent with every response of the app protocol: the one policy of both hosts (static-files.ts). */
export { CONTENT_SECURITY_POLICY } from './static-files';

/** True when `url` is a page or file of the app itself (app://renderer/...). */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** Links the user may open in the system browser: http(s) only, never file:, javascript:, custom schemes. */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** Exactly the web preferences of every window; tests compare against this object. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  } as const;
}

/**
 * Schemes that could fetch something from outside the app. The renderer is self-contained; a request for any of
 * these can only be a mistake or an injection, and is cancelled before it leaves (no remote content, no leaks).
 */
const REMOTE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRequestUrl(url: string): boolean {
  try {
    return REMOTE_SCHEMES.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

/** Navigation guards for one webContents: it may only ever show the app's own pages, and opens no windows. */
export function guardWebContents(contents: GuardedContents): void {
  const stayHome = (event: ElectronEvent, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  // A <webview> could host anything; the tag is disabled in webPreferences and refused here as a second lock.
  contents.on('will-attach-webview', (event: ElectronEvent) => event.preventDefault());
  // External links go through the preload's openExternal after the user confirms; window.open is never honoured.
  contents.setWindowOpenHandler((_details: HandlerDetails): WindowOpenHandlerResponse => ({ action: 'deny' }));
}

/** Session-wide locks: no permission (camera, notifications, geolocation …) is ever granted; no remote request. */
export function installSessionGuards(session: GuardedSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequestUrl(details.url) }));
}
