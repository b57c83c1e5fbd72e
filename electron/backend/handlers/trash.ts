import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { trashCalls } from '../../../shared/contract/trash';

/** Handlers of the trash. */
export function trashHandlers(b: Backend): Pick<Handlers, keyof typeof trashCalls> {
  const { trash } = b.services;
  return {
    'trash.list': () => trash.list(),
    'trash.restore': (i) => trash.restore(i.id),
    'trash.purge': (i) => trash.purge(i.id),
    'trash.empty': () => trash.empty(),
  };
}
