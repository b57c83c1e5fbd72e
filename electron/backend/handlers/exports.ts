import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { exportsCalls } from '../../../shared/contract/exports';

/** Handlers of the exports feature: each a one-line hand-off to its service. */
export function exportsHandlers(_b: Backend): Pick<Handlers, keyof typeof exportsCalls> {
  return {};
}
