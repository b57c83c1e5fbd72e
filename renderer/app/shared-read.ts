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
  const input = {} as CallInput<K>; // both shared calls take an empty input
  return {
    load: (): Promise<CallOutput<K>> => {
      current ??= (takeBoot(name, input) ?? api.call(name, input)).catch((e: unknown) => {
        current = null;
        throw e;
      });
      return current;
    },
    known: (value: CallOutput<K>): void => {
      current = Promise.resolve(value);
    },
  };
}
