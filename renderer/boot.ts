import { parseRoute, type Route } from './app/route';
import { callKey, launchToken, rawCall, TOKEN_KEY, type BootCalls } from './transport';

/**
 * boot.js (built as assets/boot-<hash>.js): ~1 KB that the page runs while the app's code (the entry chunk, ~240 KB) is still arriving
 * and compiling (issue 16). Built by scripts/build.mjs (esbuild, one classic script, `async` in index.html's head), not
 * by Vite. It starts the first page's calls at once — the start-up check, the body, the settings, and the meetings
 * list or the minutes page's first calls — so their answers are there when the app asks for them
 * (app/boot-calls.ts), instead of being asked for only once the entry chunk has run; and on the minutes page it has the
 * browser fetch and compile that page's code (modulepreload) beside the entry chunk, not after it.
 *
 * It shows nothing and changes no data: only reads (it keeps the launch token for the tab, as the app does). The app takes each answer once, while it starts
 * (app/early-calls.ts) — what it does not take is dropped — and makes every call itself when boot.js did not run.
 */
declare const __MINUTES_FILES__: string[];

/** The route the app will show first: the launch URL (`#token=…[&meeting=…]`) becomes the list or that meeting. */
function firstRoute(hash: string): Route {
  if (!/(?:^#|&)token=/.test(hash)) return parseRoute(hash);
  const meeting = /[#&]meeting=([^&]+)/.exec(hash);
  return meeting ? { name: 'meeting', id: decodeURIComponent(meeting[1]!) } : { name: 'meetings' };
}

function boot() {
  const route = firstRoute(window.location.hash);
  if (route.name === 'minutes') {
    for (const file of __MINUTES_FILES__) {
      const link = document.createElement('link');
      if (file.endsWith('.css')) {
        link.rel = 'preload';
        link.as = 'style';
      } else link.rel = 'modulepreload';
      link.crossOrigin = ''; // as Vite's own links and module scripts: the same request, so the app's import reuses it
      link.href = `./${file}`;
      document.head.appendChild(link);
    }
  }
  const token = launchToken();
  // As the app will (api.ts takeLaunchParams): the token of a launch URL is kept for this tab. The page's first use of
  // sessionStorage opens it (8-23 ms measured): here, while the entry chunk is still arriving, not on its path.
  if (token && /(?:^#|&)token=/.test(window.location.hash)) sessionStorage.setItem(TOKEN_KEY, token);
  const calls: BootCalls = {};
  const start = (name: string, input: unknown) => {
    calls[callKey(name, input)] = rawCall(name, input, token);
  };
  start('backup.status', {});
  start('body.get', {});
  start('settings.get', {});
  if (route.name === 'meetings') start('meetings.list', {});
  if (route.name === 'minutes') {
    start('minutes.outline', { meetingId: route.id });
    start('meetings.get', { id: route.id });
    start('members.list', {});
    start('minutes.section', { meetingId: route.id, sectionKey: 'opening' });
  }
  (window as unknown as { __tfsBoot?: BootCalls }).__tfsBoot = calls;
}

try {
  boot();
} catch {
  // Only a head start: the app makes every call itself.
}
