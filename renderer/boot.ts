import { parseRoute, type Route } from './app/route';
import { openPreferencesEarly } from './features/suggestions/preference';
import { warmDateInputs } from './ui/warmDateInputs';
import { bootHandover, bridge, callKey, launchToken, rawCall, rawCalls, type BootCalls } from './transport';

/**
 * The boot script ("boot.js"): ~2 KB that the page runs while the app's code (the entry chunk, ~240 KB) is still
 * arriving and compiling (issue 16). Built by scripts/build.mjs (esbuild, one classic script, inline in index.html's
 * head, allowed by the page's policy through its SHA-256: electron/hosts/static-files.ts pagePolicy), not by Vite.
 * It starts the first page's calls at once — the start-up check, the body, the settings, and the meetings
 * list or the minutes page's first calls — so their answers are there when the app asks for them
 * (app/boot-calls.ts), instead of being asked for only once the entry chunk has run; and on the minutes page it has the
 * browser fetch and compile that page's code (modulepreload) beside the entry chunk, not after it.
 *
 * It shows nothing and changes no data: only reads (the app keeps the launch token for the tab). The app takes each answer once, while it starts
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
  // Run after the app has started (app/boot-calls.ts dropBootCalls): too late to be a head start.
  if (bootHandover().__tfsBootClosed) return;
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
  // The meetings list's form has date and time fields, whose first layout costs Chromium 40-60 ms: laid out now, while
  // the entry chunk is arriving and the main thread waits for it, not after the list has shown (ui/warmDateInputs.ts).
  if (route.name === 'meetings') warmDateInputs((fn) => setTimeout(fn, 0));
  // The minutes page reads the officer's suggestions switch in its first render; the storage is opened now, in the next
  // task, while the main thread waits for the app's code (features/suggestions/preference.ts).
  if (route.name === 'minutes') setTimeout(openPreferencesEarly, 0);
  // The launch token: boot.js only uses it; the app keeps it for the tab (transport.ts keepToken), off the start path.
  const token = launchToken();
  // No launch token and no Electron bridge (a page opened without the launch URL): the app says so itself.
  if (!token && !bridge()) return;
  // One request for all of them (transport.ts rawCalls): each fetch the page starts costs its main thread and the
  // browser's network code a few ms while the entry chunk is arriving, four of them ~30 ms measured (issue 16). The
  // first section of the minutes page goes on its own: a long section must not hold up the page's other answers.
  const first: Array<[string, unknown]> = [
    ['backup.status', {}],
    ['body.get', {}],
    ['settings.get', {}],
  ];
  if (route.name === 'meetings') first.push(['meetings.list', {}]);
  if (route.name === 'minutes') first.push(['minutes.outline', { meetingId: route.id }], ['meetings.get', { id: route.id }], ['members.list', {}]);
  const calls: BootCalls = {};
  rawCalls(first, token).forEach((answer, i) => {
    const [name, input] = first[i]!;
    calls[callKey(name, input)] = answer;
  });
  if (route.name === 'minutes') {
    const input = { meetingId: route.id, sectionKey: 'opening' };
    calls[callKey('minutes.section', input)] = rawCall('minutes.section', input, token);
  }
  bootHandover().__tfsBoot = calls;
}

try {
  boot();
} catch {
  // Only a head start: the app makes every call itself.
}
