import type { CallOutput } from '../../shared/contract/index';
import { api } from '../api';
import { loadBody } from './body';
import { dropBootCalls, takeBoot } from './boot-calls';
import { loadMinutesChunk } from './minutes-chunk';
import { prefetchMinutes } from '../features/minutes/prefetch';
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

const call = (name: EarlyCall): Promise<unknown> => takeBoot(name, {}) ?? api.call(name, {});

function start(name: EarlyCall): void {
  if (started.has(name)) return;
  const p = call(name);
  // Whoever takes it reports its error; unused, it must not surface as an unhandled rejection.
  p.catch(() => undefined);
  started.set(name, p);
}

/** main.tsx, before the first render: the calls the first page makes. */
export function startEarlyCalls(route: Route): void {
  // The minutes page opened directly (a link, a reload): its code (~0.5 MB: Lexical and the rest) and its first calls
  // start now, while the entry chunk renders the shell, not after the shell's first render (App's effect would start
  // them ~60 ms later). The code is asked for first: the browser opens at most six connections to the host, and the
  // code is what the page waits for longest. Shown, as before, only once the start-up check has answered; dropped by
  // the shell if not.
  if (route.name === 'minutes') void loadMinutesChunk().catch(() => undefined);
  start('backup.status');
  void loadBody().catch(() => undefined);
  // The shell applies the theme from them on every page (shared: app/settings.ts).
  void loadSettings().catch(() => undefined);
  if (route.name === 'meetings') for (const name of LIST_CALLS) start(name);
  if (route.name === 'minutes') prefetchMinutes(route.id);
  dropBootCalls();
}

/** The call started early if it is still there (taken once), else the same call made now. */
export function takeEarly<K extends EarlyCall>(name: K): Promise<CallOutput<K>> {
  const p = started.get(name);
  started.delete(name);
  return (p ?? call(name)) as Promise<CallOutput<K>>;
}

/** The shell: the first page is not the meetings list after all; what was asked for it is not used. */
export function dropEarlyListCalls(): void {
  for (const name of LIST_CALLS) started.delete(name);
}
