import type * as z from 'zod';
import { withheldItems } from '../../../shared/redaction/redact';
import { AppError } from '../../../shared/errors';
import { orderAndNumber, totalPlannedMinutes, type AgendaItem, type AgendaItemCreate, type AgendaItemMove, type AgendaItemUpdate } from '../../../shared/domain/agenda';
import {
  canStepBack,
  canTransition,
  MEETING_STATUS_LABEL,
  meetingStatusFollowing,
  type MeetingStatus,
  type Meeting,
  type MeetingCreate,
  type MeetingSetStatus,
  type MeetingSummary,
  type MeetingUpdate,
} from '../../../shared/domain/meeting';
import type { MeetingDetail } from '../../../shared/contract/core';
import { AgendaRepo, type AgendaRow } from '../repositories/agenda-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import { FollowupsRepo, TopicsRepo } from '../repositories/procedure-repo';
import { iso, type ServiceContext } from './context';
import { notFound } from './members-service';

type Out<T extends z.ZodType> = z.output<T>;

export class MeetingsService {
  readonly meetings: MeetingsRepo;
  readonly agenda: AgendaRepo;
  private readonly minutesRows: MinutesRepo;
  constructor(private readonly ctx: ServiceContext) {
    this.meetings = new MeetingsRepo(ctx.db);
    this.agenda = new AgendaRepo(ctx.db);
    this.minutesRows = new MinutesRepo(ctx.db);
  }

  /** The status as the one model says it is (a file written before the model may hold a contradicting one). */
  private withTrueStatus(m: Meeting): Meeting {
    const status = meetingStatusFollowing(m.status, this.facts(m.id));
    return status === m.status ? m : { ...m, status };
  }

  /** What the minutes say about the meeting (started? minutes' status and version?), for the one status model. */
  private facts(meetingId: string) {
    const m = this.minutesRows.get(meetingId);
    return { started: Boolean(m?.liveStartedAt), minutes: m ? { status: m.status, version: m.version } : null };
  }

  /**
   * Brings the meeting's status in line with its minutes (called inside the minutes' own transactions: approve,
   * reopen, circulate, start). Records the change, and why, in the meeting's history.
   */
  follow(meetingId: string, now: string, cause: string): Meeting {
    const current = this.mustGet(meetingId);
    const status = meetingStatusFollowing(current.status, this.facts(meetingId));
    if (status === current.status) return current;
    const next = { ...current, status, updatedAt: now };
    this.meetings.update(next);
    this.meetings.recordEvent(meetingId, now, 'status', { from: current.status, to: status, cause });
    return next;
  }

  list(): MeetingSummary[] {
    return this.meetings.listWithItems().map(({ meeting, items }) => ({
      ...this.withTrueStatus(meeting),
      itemCount: items.length,
      plannedMinutes: totalPlannedMinutes(items),
    }));
  }

  get(id: string): MeetingDetail {
    return { meeting: this.withTrueStatus(this.mustGet(id)), agenda: this.agendaOf(id) };
  }

  mustGet(id: string): Meeting {
    const m = this.meetings.get(id);
    if (!m) throw notFound('meeting');
    return m;
  }

  agendaOf(meetingId: string): AgendaItem[] {
    return orderAndNumber(this.agenda.listForMeeting(meetingId));
  }

  create(input: Out<typeof MeetingCreate>): MeetingDetail {
    const { copyAgendaFrom, withheldDisplay, ...fields } = input;
    const now = iso(this.ctx.now());
    const meeting: Meeting = {
      ...fields,
      // Unnamed: as the meeting whose agenda comes along shows its withheld items (MeetingCreate).
      withheldDisplay: withheldDisplay ?? (copyAgendaFrom ? this.mustGet(copyAgendaFrom).withheldDisplay : 'title_only'),
      id: this.ctx.newId(),
      sequence: fields.sequence ?? this.meetings.nextSequence(),
      status: 'planned',
      createdAt: now,
      updatedAt: now,
    };
    this.ctx.db.transaction(() => {
      this.meetings.insert(meeting);
      this.meetings.recordEvent(meeting.id, now, 'created', copyAgendaFrom ? { copiedAgendaFrom: copyAgendaFrom } : {});
      if (copyAgendaFrom) this.copyAgenda(copyAgendaFrom, meeting.id);
    })();
    return this.get(meeting.id);
  }

  /**
   * New ids for every item, same order, same nesting; documents and publication choices come along, and so does what
   * a "Follow-up of actions" item listed: its copy is checked against the actions' words as the original is (an audit,
   * 2026-12-07, found a copy printing an action whose item was withheld afterwards).
   */
  private copyAgenda(fromMeetingId: string, toMeetingId: string) {
    this.mustGet(fromMeetingId);
    const items = orderAndNumber(this.agenda.listForMeeting(fromMeetingId));
    const newIds = new Map<string, string>();
    const followups = new FollowupsRepo(this.ctx.db);
    const topics = new TopicsRepo(this.ctx.db);
    for (const it of items) {
      const id = this.ctx.newId();
      newIds.set(it.id, id);
      this.agenda.insert({ ...it, id, meetingId: toMeetingId, parentId: it.parentId ? newIds.get(it.parentId)! : null });
      followups.copyListed(it.id, id, toMeetingId);
      topics.copyCarried(it.id, id);
    }
  }

  update(input: Out<typeof MeetingUpdate>): Meeting {
    const current = this.mustGet(input.id);
    const next: Meeting = {
      ...current,
      ...input,
      sequence: input.sequence ?? current.sequence,
      updatedAt: iso(this.ctx.now()),
    };
    this.meetings.update(next);
    return next;
  }

  setStatus(input: Out<typeof MeetingSetStatus>): Meeting {
    const current = this.withTrueStatus(this.mustGet(input.id));
    if (current.status === input.status) return current;
    const back = canStepBack(current.status, input.status);
    if (!back && !canTransition(current.status, input.status))
      throw new AppError(
        'invalid_transition',
        `A meeting that is "${MEETING_STATUS_LABEL[current.status]}" cannot become "${MEETING_STATUS_LABEL[input.status]}".`,
      );
    if (back && !input.reason?.trim())
      throw new AppError('bad_request', 'Say why the meeting steps back: the reason is recorded in its history.', { issues: [{ path: 'reason', message: 'is required to step back' }] });
    // The minutes decide where they overlap: no "minutes approved" while they are a draft, no "planned" once held.
    const follows = meetingStatusFollowing(input.status, this.facts(current.id));
    if (follows !== input.status) throw new AppError('invalid_transition', statusConflict(input.status, follows));
    const now = iso(this.ctx.now());
    const next = { ...current, status: input.status, updatedAt: now };
    this.ctx.db.transaction(() => {
      this.meetings.update(next);
      this.meetings.recordEvent(current.id, now, 'status', { from: current.status, to: input.status, ...(back ? { stepBack: true, reason: input.reason!.trim() } : {}) });
    })();
    return next;
  }

  delete(id: string) {
    if (this.meetings.delete(id) === 0) throw notFound('meeting');
    return { ok: true as const };
  }

  // ---- agenda -------------------------------------------------------------------------------------------------

  private mustGetItem(id: string): AgendaRow {
    const it = this.agenda.get(id);
    if (!it) throw notFound('agenda item');
    return it;
  }

  private checkParent(meetingId: string, parentId: string | null, movingId?: string) {
    if (parentId === null) return;
    const parent = this.mustGetItem(parentId);
    if (parent.meetingId !== meetingId) throw new AppError('bad_request', 'A sub-item must belong to the same meeting as its parent.');
    if (parent.parentId !== null) throw new AppError('bad_request', 'Agenda items nest one level only (2 and 2.1, not 2.1.1).');
    if (movingId && parent.id === movingId) throw new AppError('bad_request', 'An item cannot be its own sub-item.');
  }

  addItem(input: Out<typeof AgendaItemCreate>): AgendaItem[] {
    this.mustGet(input.meetingId);
    this.ctx.db.transaction(() => {
      this.checkParent(input.meetingId, input.parentId);
      const siblings = this.siblings(input.meetingId, input.parentId);
      this.agenda.insert({ ...input, id: this.ctx.newId(), position: siblings.length });
      this.touch(input.meetingId);
    })();
    return this.agendaOf(input.meetingId);
  }

  updateItem(input: Out<typeof AgendaItemUpdate>): AgendaItem[] {
    const current = this.mustGetItem(input.id);
    const next: AgendaRow = { ...current };
    for (const [k, v] of Object.entries(input)) if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
    this.ctx.db.transaction(() => {
      this.agenda.update(next);
      this.touch(current.meetingId);
    })();
    return this.agendaOf(current.meetingId);
  }

  moveItem(input: Out<typeof AgendaItemMove>): AgendaItem[] {
    const item = this.mustGetItem(input.id);
    this.ctx.db.transaction(() => {
      this.checkParent(item.meetingId, input.parentId, item.id);
      if (input.parentId !== null && this.siblings(item.meetingId, item.id).length > 0)
        throw new AppError('bad_request', 'An item with sub-items cannot itself become a sub-item.');
      // Withheld is sticky: an item withheld with its parent stays withheld where it goes, until the officer releases it.
      const withheldBefore = withheldItems(this.agenda.listForMeeting(item.meetingId)).has(item.id);
      if (withheldBefore && item.forPublication && item.parentId !== input.parentId) {
        this.agenda.update({ ...item, forPublication: false });
        this.meetings.recordEvent(item.meetingId, iso(this.ctx.now()), 'agenda_kept_withheld', { itemId: item.id, from: item.parentId, to: input.parentId });
      }
      const oldSiblings = this.siblings(item.meetingId, item.parentId).filter((s) => s.id !== item.id);
      const newSiblings = this.siblings(item.meetingId, input.parentId).filter((s) => s.id !== item.id);
      const index = Math.min(input.index, newSiblings.length);
      newSiblings.splice(index, 0, item);
      if (item.parentId !== input.parentId) this.agenda.place(oldSiblings.map((s, i) => ({ id: s.id, parentId: item.parentId, position: i })));
      this.agenda.place(newSiblings.map((s, i) => ({ id: s.id, parentId: input.parentId, position: i })));
      this.touch(item.meetingId);
    })();
    return this.agendaOf(item.meetingId);
  }

  removeItem(id: string): AgendaItem[] {
    const item = this.mustGetItem(id);
    this.ctx.db.transaction(() => {
      this.agenda.delete(id);
      const rest = this.siblings(item.meetingId, item.parentId);
      this.agenda.place(rest.map((s, i) => ({ id: s.id, parentId: item.parentId, position: i })));
      this.touch(item.meetingId);
    })();
    return this.agendaOf(item.meetingId);
  }

  private siblings(meetingId: string, parentId: string | null): AgendaRow[] {
    return this.agenda
      .listForMeeting(meetingId)
      .filter((i) => i.parentId === parentId)
      .sort((a, b) => a.position - b.position);
  }

  private touch(meetingId: string) {
    const m = this.mustGet(meetingId);
    this.meetings.update({ ...m, updatedAt: iso(this.ctx.now()) });
  }
}

function statusConflict(wanted: MeetingStatus, follows: MeetingStatus): string {
  const label = MEETING_STATUS_LABEL[wanted];
  if (follows === 'held') return `The meeting has been started, so it cannot be "${label}".`;
  if (follows === 'minutes_drafted') return `The minutes are not approved, so the meeting cannot be "${label}". Approve the minutes first.`;
  return `The minutes are approved, so the meeting cannot be "${label}". Reopen the minutes first.`;
}
