import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { exportsCalls } from '../../../shared/contract/exports';
import { ExportService } from '../services/export-service';
import { MinutesService } from '../services/minutes-service';

/** Handlers of the exports feature: each a one-line hand-off to its service. */
export function exportsHandlers(b: Backend): Pick<Handlers, keyof typeof exportsCalls> {
  const minutes = new MinutesService(b.ctx, b.services.meetings);
  const exports = new ExportService(b.ctx, b.services.meetings, b.services.members, (meetingId) => minutes.snapshotBeforeExport(meetingId));
  return {
    'exports.publicOptions': (i) => exports.publicOptions(i.meetingId),
    'exports.create': (i) => exports.create(i),
    'exports.history': (i) => exports.history(i.meetingId),
  };
}
