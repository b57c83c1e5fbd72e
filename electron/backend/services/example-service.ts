import type { MeetingDetail } from '../../../shared/contract/core';
import { EXAMPLE_AGENDA, EXAMPLE_MEETING, EXAMPLE_ORGANISATIONS } from '../../../shared/example/constitutive-meeting';
import { MembersRepo } from '../repositories/members-repo';
import { ExampleMarksRepo } from '../repositories/trash-repo';
import { iso, type ServiceContext } from './context';
import type { MeetingsService } from './meetings-service';

/**
 * Loads the constitutive meeting of 30 January 2026 (built from the AI Office's public pages) with a few member
 * organisations. The example's rows are marked (example_data, migration 012): the Members page shows its
 * organisations apart from the real roster, and `remove()` takes the example away in one step. An organisation of
 * the same name already in the roster is used as it is (not marked, never changed or removed by the example).
 */
export class ExampleService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly meetings: MeetingsService,
  ) {}

  /** The example meeting if it is already there (same title and day), else a newly loaded one. */
  ensureLoaded(): MeetingDetail {
    const existing = this.meetings.list().find((m) => m.title === EXAMPLE_MEETING.title && m.startsAt === EXAMPLE_MEETING.startsAt);
    return existing ? this.meetings.get(existing.id) : this.load();
  }

  load(): MeetingDetail {
    const members = new MembersRepo(this.ctx.db);
    const marks = new ExampleMarksRepo(this.ctx.db);
    let meetingId = '';
    this.ctx.db.transaction(() => {
      const now = iso(this.ctx.now());
      for (const org of EXAMPLE_ORGANISATIONS) {
        let orgId = members.findOrganisationByName(org.name)?.id;
        if (!orgId) {
          orgId = this.ctx.newId();
          members.insertOrganisation({ id: orgId, name: org.name, shortName: org.shortName, isMember: org.isMember }, now);
          marks.mark('organisations', orgId);
          for (const rep of org.representatives) members.insertRepresentative({ id: this.ctx.newId(), organisationId: orgId, ...rep }, now);
        }
      }
      const detail = this.meetings.create({ ...EXAMPLE_MEETING });
      meetingId = detail.meeting.id;
      marks.mark('meetings', meetingId);
      for (const item of EXAMPLE_AGENDA) {
        const { subItems, ...fields } = item;
        const agenda = this.meetings.addItem({ ...fields, meetingId, parentId: null });
        const parent = agenda.filter((a) => a.parentId === null).at(-1)!;
        for (const sub of subItems ?? []) this.meetings.addItem({ ...sub, meetingId, parentId: parent.id });
      }
    })();
    return this.meetings.get(meetingId);
  }

  status(): { meetingIds: string[]; organisationIds: string[] } {
    const marks = new ExampleMarksRepo(this.ctx.db);
    return { meetingIds: marks.list('meetings'), organisationIds: marks.list('organisations') };
  }

  /** Removes the example meetings and organisations for good (they are example data, not the secretariat's). */
  remove(): { meetings: number; organisations: number } {
    return this.ctx.db.transaction(() => {
      const { meetingIds, organisationIds } = this.status();
      const members = new MembersRepo(this.ctx.db);
      for (const id of meetingIds) this.meetings.meetings.delete(id);
      for (const id of organisationIds) members.deleteOrganisation(id);
      new ExampleMarksRepo(this.ctx.db).unmarkAll();
      return { meetings: meetingIds.length, organisations: organisationIds.length };
    })();
  }
}
