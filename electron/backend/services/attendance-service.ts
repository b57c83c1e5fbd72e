import type * as z from 'zod';
import { AppError } from '../../../shared/errors';
import {
  isPresent,
  summarise,
  type Attendance,
  type AttendanceMove,
  type AttendanceSet,
  type AttendanceStatus,
  type Participant,
  type PersonAdd,
  type PersonUpdate,
} from '../../../shared/domain/attendance';
import { AttendanceRepo, type ParticipantRow } from '../repositories/attendance-repo';
import { MembersRepo } from '../repositories/members-repo';
import { iso, type ServiceContext } from './context';
import { notFound } from './members-service';
import type { MinutesService } from './minutes-service';

type Out<T extends z.ZodType> = z.output<T>;

/** Who attended a meeting, how, and when they arrived and left. Part of the minutes: read-only once approved. */
export class AttendanceService {
  private readonly repo: AttendanceRepo;
  private readonly members: MembersRepo;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly minutes: MinutesService,
  ) {
    this.repo = new AttendanceRepo(ctx.db);
    this.members = new MembersRepo(ctx.db);
  }

  list(meetingId: string): Attendance {
    this.minutes.meetings.mustGet(meetingId);
    const participants = this.repo.list(meetingId).map(toParticipant);
    return { participants, summary: summarise(participants) };
  }

  /**
   * Sets a status, timed: the change is recorded as a 'status' event; someone who becomes attending (in person or
   * remote) from excused/absent is also recorded as arriving now.
   */
  set(input: Out<typeof AttendanceSet>): Participant {
    return this.participant(this.write(input.meetingId, (now) => {
      const existing = input.participantId ?? (input.representativeId ? this.repo.findByRepresentative(input.meetingId, input.representativeId) : undefined);
      const before = existing ? this.repo.get(existing)?.status : undefined;
      const id = this.resolve(input, input.status);
      if (before === input.status) return id;
      this.repo.setStatus(id, input.status);
      this.repo.addStatusEvent(id, input.status, now);
      const attending = (s: AttendanceStatus | undefined) => s === 'in_person' || s === 'remote';
      if (attending(input.status) && !attending(before)) this.repo.addEvent(id, 'arrive', now);
      return id;
    }));
  }

  /** Timed arrival; also marks the person attending (in person unless told remote or already remote). */
  arrive(input: Out<typeof AttendanceMove>): Participant {
    return this.participant(this.write(input.meetingId, (now) => {
      const id = this.resolve(input, input.mode ?? 'in_person');
      const current = this.repo.get(id)!.status;
      const attending = current === 'in_person' || current === 'remote';
      this.repo.setStatus(id, input.mode ?? (attending ? current : 'in_person'));
      this.repo.addEvent(id, 'arrive', now);
      return id;
    }));
  }

  /** Timed departure. The status stays: they attended. */
  leave(input: Out<typeof AttendanceMove>): Participant {
    return this.participant(this.write(input.meetingId, (now) => {
      const id = this.resolve(input, input.mode ?? 'in_person');
      const p = this.repo.get(id)!;
      if (p.status !== 'in_person' && p.status !== 'remote')
        throw new AppError('bad_request', `${p.name} is recorded as ${p.status}, so cannot leave. Record an arrival first.`);
      this.repo.addEvent(id, 'leave', now);
      return id;
    }));
  }

  addPerson(input: Out<typeof PersonAdd>): Participant {
    return this.participant(this.write(input.meetingId, (now) => {
      const id = this.ctx.newId();
      this.repo.insert(
        { id, meetingId: input.meetingId, category: input.category, representativeId: null, organisationId: null, name: input.name, organisation: input.organisation, status: input.status },
        now,
      );
      return id;
    }));
  }

  updatePerson(input: Out<typeof PersonUpdate>): Participant {
    const p = this.mustGet(input.participantId);
    return this.participant(this.write(p.meetingId, () => {
      if (p.category === 'representative')
        throw new AppError('bad_request', 'A representative’s name and organisation come from the members list; change them there.');
      this.repo.updatePerson(p.id, { category: input.category ?? p.category, name: input.name ?? p.name, organisation: input.organisation ?? p.organisation });
      return p.id;
    }));
  }

  remove(participantId: string) {
    const p = this.mustGet(participantId);
    this.write(p.meetingId, () => {
      this.repo.delete(p.id);
      return p.id;
    });
    return { ok: true as const };
  }

  private mustGet(id: string): ParticipantRow {
    const p = this.repo.get(id);
    if (!p) throw notFound('participant');
    return p;
  }

  /** The participant row for the target, adding a representative to the meeting on first mention. */
  private resolve(t: { meetingId: string; representativeId?: string | undefined; participantId?: string | undefined }, status: AttendanceStatus): string {
    if (t.participantId !== undefined) {
      const p = this.repo.get(t.participantId);
      if (!p || p.meetingId !== t.meetingId) throw notFound('participant');
      return p.id;
    }
    const existing = this.repo.findByRepresentative(t.meetingId, t.representativeId!);
    if (existing) return existing;
    const rep = this.members.getRepresentative(t.representativeId!);
    if (!rep) throw notFound('representative');
    const org = this.members.getOrganisation(rep.organisationId);
    const id = this.ctx.newId();
    this.repo.insert(
      {
        id,
        meetingId: t.meetingId,
        category: 'representative',
        representativeId: rep.id,
        organisationId: rep.organisationId,
        name: rep.name,
        organisation: org?.name ?? '',
        status,
      },
      iso(this.ctx.now()),
    );
    return id;
  }

  private write(meetingId: string, fn: (now: string) => string): string {
    const now = iso(this.ctx.now());
    return this.ctx.db
      .transaction(() => {
        this.minutes.requireEditable(meetingId, now);
        return fn(now);
      })
      .immediate();
  }

  private participant(id: string): Participant {
    return toParticipant(this.mustGet(id));
  }
}

function toParticipant(p: ParticipantRow): Participant {
  return { ...p, present: isPresent(p.status, p.events) };
}
