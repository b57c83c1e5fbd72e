import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { minutesCalls } from '../../../shared/contract/minutes';

/** Handlers of the minutes feature: each a one-line hand-off to its service. */
export function minutesHandlers(_b: Backend): Pick<Handlers, keyof typeof minutesCalls> {
  return {};
}
