import type { CallInput, CallName, CallOutput } from '../../shared/contract/index';
import { valueOf } from '../api';
import { bootHandover, callKey } from '../transport';

/**
 * The calls boot.js (renderer/boot.ts) started before the app's code arrived: each taken once, by its name and input,
 * while the app starts (early-calls.ts, body.ts, settings.ts, features/minutes/prefetch.ts); `undefined` when boot.js
 * did not start it (then the caller makes the call itself). What is not taken while the app starts is dropped.
 */
export function takeBoot<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> | undefined {
  const calls = bootHandover().__tfsBoot;
  const key = callKey(name, input);
  const answer = calls?.[key];
  if (!answer) return undefined;
  delete calls[key];
  return valueOf<K>(answer);
}

/**
 * The app has started: an answer not taken by now is not used (a later read asks the backend again), and a boot.js
 * that runs only now (it is `async`: it may arrive after the entry chunk) starts nothing: the app has made its calls,
 * and has kept the launch token for itself (boot.js would find it neither in the URL nor, yet, in sessionStorage).
 */
export function dropBootCalls(): void {
  const handover = bootHandover();
  delete handover.__tfsBoot;
  handover.__tfsBootClosed = true;
}
