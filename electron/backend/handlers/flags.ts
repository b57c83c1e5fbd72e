import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { flagsCalls } from '../../../shared/contract/flags';

/** Handlers of the flags feature: each a one-line hand-off to its service. */
export function flagsHandlers(_b: Backend): Pick<Handlers, keyof typeof flagsCalls> {
  return {};
}
