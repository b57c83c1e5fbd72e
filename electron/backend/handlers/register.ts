import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { registerCalls } from '../../../shared/contract/register';
import type { packagesCalls } from '../../../shared/contract/packages';
import { LATEST_SCHEMA_VERSION } from '../db/connection';
import { PackageService } from '../services/package-service';
import { RegisterService } from '../services/register-service';

/** Handlers of the register and of meeting packages. */
export function registerHandlers(b: Backend): Pick<Handlers, keyof typeof registerCalls | keyof typeof packagesCalls> {
  const register = new RegisterService(b.ctx, b.services.members);
  const packages = new PackageService(b.ctx, { meetings: b.services.meetings, search: b.services.search, schemaVersion: LATEST_SCHEMA_VERSION });
  return {
    'register.list': () => register.list(),
    'register.export': (i) => register.export(i.document),
    'packages.export': (i) => packages.export(i.meetingId, i.passphrase),
    'packages.import': (i) => packages.import(i.bytesBase64, i.passphrase),
  };
}
