import type { CallOutput } from '../../shared/contract/index';
import { api } from '../api';
import { loadBody } from './body';
import { dropBootCalls, takeBoot } from './boot-calls';
import { minutesChunk } from './minutes-chunk';
import { minutesStartSettled, prefetchMinutes } from '../features/minutes/prefetch';
import type { Route } from './router';
import { loadSettings } from './settings';

/**
 * The first page's calls, asked for before React renders anything (issue 16). The app shows no page until its
 * start-up check (`backup.status`) has answered, and the meetings list used to ask for its data only then: two round
 * trips, one after the other, each behind a render. Now main.tsx starts the check, the body and — when the first
 * page is the meetings list — the list's own calls together, as soon as the entry chunk runs; each is taken once by
 * the code that would have made it (the shell's check, the list when it mounts), which makes it itself when there is
 * nothing to take.
 *
 * The minutes page opened directly starts its code and its first calls here too (features/minutes/prefetch.ts).
 *
 * Nothing is shown earlier than before: the list still mounts only after the check says the data is not damaged. A
 * call started for the list is dropped, unused, when the first page turns out not to be the list (recovery mode, or
 * the officer went elsewhere first); a later visit to the list asks again.
 */
type EarlyCall = 'backup.status' | 'meetings.list';
const LIST_CALLS: readonly EarlyCall[] = ['meetings.list'];
const started = new Map<EarlyCall, Promise<unknown>>();
/**
 * The answers that have come before the app's first render (asked by boot.js while the app's code was arriving): the
 * page that makes the call renders them in its first render (`earlyAnswer`) instead of a loading state, one render and
 * one frame earlier. Kept only for the app's first render (`dropEarlyAnswers`).
 */
const answered = new Map<EarlyCall, unknown>();

const call = (name: EarlyCall): Promise<unknown> => takeBoot(name, {}) ?? api.call(name, {});

function start(name: EarlyCall): void {
  if (started.has(name)) return;
  const p = call(name);
  // Its answer, the moment it comes: before React's first render when its bytes arrived while the app's code ran. An
  // error is reported by whoever takes the call; unused, it must not surface as an unhandled rejection.
  p.then((v) => started.get(name) === p && answered.set(name, v), () => undefined);
  started.set(name, p);
}

/**
 * How long the first render waits, at most, for the answers of the calls started early. Asked by boot.js while the
 * app's code arrived, they have usually come by the time it has run (a few ms): then the first render shows the page
 * with its data — the list, the body's name, the theme — in one paint, where it used to show "Opening the data…"
 * and render twice more, a frame each, as the answers came. A slow answer delays the first paint by this much at
 * most; the page then renders as before.
 */
const FIRST_RENDER_WAIT_MS = 60;
const MINUTES_FIRST_RENDER_WAIT_MS = 300;

/**
 * main.tsx, before the first render: the calls the first page makes. Resolves when their answers have come, or after
 * FIRST_RENDER_WAIT_MS (never rejects): the moment for the first render.
 */
export function startEarlyCalls(route: Route): Promise<void> {
  // The minutes page opened directly (a link, a reload): its code (~0.5 MB: Lexical and the rest) and its first calls
  // start now, while the entry chunk renders the shell, not after the shell's first render (App's effect would start
  // them ~60 ms later). The code is asked for first: the browser opens at most six connections to the host, and the
  // code is what the page waits for longest. Shown, as before, only once the start-up check has answered; dropped by
  // the shell if not.
  const page: Array<Promise<unknown>> = [];
  if (route.name === 'minutes') page.push(minutesChunk.load());
  start('backup.status');
  const shared = [loadBody(), loadSettings()]; // the shell applies the theme from the settings on every page (app/settings.ts)
  if (route.name === 'meetings') for (const name of LIST_CALLS) start(name);
  if (route.name === 'minutes') {
    prefetchMinutes(route.id);
    page.push(minutesStartSettled());
  }
  dropBootCalls();
  // Errors are reported by whoever takes the answer; here only "has it come".
  const all = Promise.allSettled([...started.values(), ...shared, ...page]).then(() => undefined);
  const wait = route.name === 'minutes' ? MINUTES_FIRST_RENDER_WAIT_MS : FIRST_RENDER_WAIT_MS;
  return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, wait))]);
}

/** The call started early if it is still there (taken once), else the same call made now. */
export function takeEarly<K extends EarlyCall>(name: K): Promise<CallOutput<K>> {
  const p = started.get(name);
  started.delete(name);
  return (p ?? call(name)) as Promise<CallOutput<K>>;
}

/**
 * The answer of a call started early if it had come when the app's code ran, for the first render of the page that
 * makes the call (its `useLoad` initial value); that page then does not ask again, and a later mount of it asks anew.
 */
export function earlyAnswer<K extends EarlyCall>(name: K): CallOutput<K> | undefined {
  if (!answered.has(name)) return undefined;
  started.delete(name);
  return answered.get(name) as CallOutput<K>;
}

/** The shell, once its first render is on the page: the early answers were for that render only. */
export function dropEarlyAnswers(): void {
  answered.clear();
}

/** The shell: the first page is not the meetings list after all; what was asked for it is not used. */
export function dropEarlyListCalls(): void {
  for (const name of LIST_CALLS) {
    started.delete(name);
    answered.delete(name);
  }
}
