import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { exportsCalls } from '../../../shared/contract/exports';

/** Handlers of the exports feature: each a one-line hand-off to its service. */
export function exportsHandlers(b: Backend): Pick<Handlers, keyof typeof exportsCalls> {
  const { exports } = b.services;
  return {
    'exports.publicOptions': (i) => exports.publicOptions(i.meetingId),
    'exports.create': (i) => exports.create(i),
    'exports.history': (i) => exports.history(i.meetingId),
  };
}
