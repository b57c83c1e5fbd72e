import type { CallInput, CallName, CallOutput } from '../../shared/contract/index';
import { api } from '../api';
import { takeBoot } from './boot-calls';

/** A call without input whose answer the whole page shares. */
type SharedCall = 'settings.get' | 'body.get';

/**
 * One read shared by every page of this load (issue 16): the first reader asks (or takes the boot script's answer),
 * the others get the same answer. A write's answer replaces it (`known`), so a page opened afterwards reads it. A
 * failed read is not kept: the next reader asks again.
 */
export function sharedRead<K extends SharedCall & CallName>(name: K) {
  let current: Promise<CallOutput<K>> | null = null;
  /**
   * The answer once it has come: what a render can show at once (`now`) — the app's first render, when the answer's
   * bytes arrived while the app's code ran (boot.js asked for it).
   */
  let answer: { value: CallOutput<K> } | null = null;
  const input = {} as CallInput<K>; // both shared calls take an empty input
  const known = (value: CallOutput<K>): void => {
    answer = { value };
    current = Promise.resolve(value);
  };
  return {
    load: (): Promise<CallOutput<K>> => {
      if (current) return current;
      const asked = (takeBoot(name, input) ?? api.call(name, input)).then(
        (value) => {
          if (current === asked) answer = { value };
          return value;
        },
        (e: unknown) => {
          if (current === asked) current = null;
          throw e;
        },
      );
      current = asked;
      return asked;
    },
    now: (): CallOutput<K> | undefined => answer?.value,
    known,
  };
}
