import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { registerCalls } from '../../../shared/contract/register';
import { RegisterService } from '../services/register-service';

/** Handlers of the register. */
export function registerHandlers(b: Backend): Pick<Handlers, keyof typeof registerCalls> {
  const register = new RegisterService(b.ctx, b.services.members);
  return {
    'register.list': () => register.list(),
    'register.export': (i) => register.export(i.document),
  };
}
