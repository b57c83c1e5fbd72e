import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { registerCalls } from '../../../shared/contract/register';
import type { packagesCalls } from '../../../shared/contract/packages';

/** Handlers of the register and of meeting packages. */
export function registerHandlers(b: Backend): Pick<Handlers, keyof typeof registerCalls | keyof typeof packagesCalls> {
  const { register, packages } = b.services;
  return {
    'register.list': () => register.list(),
    'register.export': (i) => register.export(i.document),
    'packages.export': (i) => packages.export(i.meetingId, i.passphrase),
    'packages.import': (i) => packages.import(i.bytesBase64, i.passphrase),
  };
}
