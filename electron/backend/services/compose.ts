import { LATEST_SCHEMA_VERSION } from '../db/connection';
import { AttendanceService } from './attendance-service';
import type { ServiceContext } from './context';
import { DecisionsService } from './decisions-service';
import { ExampleService } from './example-service';
import { ExportService } from './export-service';
import { FlagsService } from './flags-service';
import { LiveService } from './live-service';
import { MeetingsService } from './meetings-service';
import { MembersService } from './members-service';
import { MinutesService } from './minutes-service';
import { PackageService } from './package-service';
import { ProcedureService } from './procedure-service';
import { RegisterService } from './register-service';
import { SearchService } from './search-service';
import { TrashService } from './trash-service';

/**
 * The composition root: every service of one open data file, each built once, with what it depends on. The backend
 * builds them when it opens (or restores) the file; the handlers only hand calls to them.
 */
export function composeServices(ctx: ServiceContext) {
  const meetings = new MeetingsService(ctx);
  const members = new MembersService(ctx);
  const search = new SearchService(ctx, meetings);
  const flags = new FlagsService(ctx);
  const minutes = new MinutesService(ctx, meetings, flags);
  const procedure = new ProcedureService(ctx, minutes);
  return {
    meetings,
    members,
    search,
    flags,
    minutes,
    procedure,
    live: new LiveService(ctx, minutes),
    attendance: new AttendanceService(ctx, minutes),
    records: new DecisionsService(ctx, minutes),
    exports: new ExportService(
      ctx,
      meetings,
      members,
      (meetingId) => minutes.snapshotBeforeExport(meetingId),
      (meetingId) => procedure.record(meetingId),
      (meetingId) => procedure.confidentialFollowUps(meetingId),
      () => procedure.confidentialTopics(),
    ),
    example: new ExampleService(ctx, meetings),
    trash: new TrashService(ctx, { meetings, members, search }),
    register: new RegisterService(ctx, members),
    packages: new PackageService(ctx, { meetings, search, schemaVersion: LATEST_SCHEMA_VERSION }),
  };
}

export type Services = ReturnType<typeof composeServices>;
