import type * as z from 'zod';
import type { ActionCreate, ActionItem, ActionUpdate, Decision, DecisionCreate, DecisionUpdate } from '../../../shared/domain/decisions';
import { ActionsRepo } from '../repositories/actions-repo';
import { DecisionsRepo } from '../repositories/decisions-repo';
import { iso, type ServiceContext } from './context';
import { notFound } from './members-service';
import type { MinutesService } from './minutes-service';

type Out<T extends z.ZodType> = z.output<T>;

/**
 * Decisions and action items as structured records. They are part of the minutes, so approved minutes freeze them,
 * with one exception: an action item's status is follow-up after the meeting and may still change.
 */
export class DecisionsService {
  private readonly decisions: DecisionsRepo;
  private readonly actions: ActionsRepo;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly minutes: MinutesService,
  ) {
    this.decisions = new DecisionsRepo(ctx.db);
    this.actions = new ActionsRepo(ctx.db);
  }

  listDecisions(meetingId: string): Decision[] {
    this.minutes.meetings.mustGet(meetingId);
    return this.decisions.list(meetingId);
  }

  createDecision(input: Out<typeof DecisionCreate>): Decision {
    const now = iso(this.ctx.now());
    const d: Decision = { id: this.ctx.newId(), ...input, createdAt: now, updatedAt: now };
    this.inTransaction(() => {
      this.minutes.requireEditable(input.meetingId, now);
      this.minutes.requireSection(input.meetingId, input.sectionKey);
      this.decisions.insert(d);
    });
    return d;
  }

  updateDecision(input: Out<typeof DecisionUpdate>): Decision {
    const now = iso(this.ctx.now());
    return this.inTransaction(() => {
      const current = this.decisions.get(input.id);
      if (!current) throw notFound('decision');
      this.minutes.requireEditable(current.meetingId, now);
      if (input.sectionKey !== undefined) this.minutes.requireSection(current.meetingId, input.sectionKey);
      const next: Decision = { ...current, ...defined(input), updatedAt: now };
      this.decisions.update(next);
      return next;
    });
  }

  deleteDecision(id: string) {
    this.inTransaction(() => {
      const current = this.decisions.get(id);
      if (!current) throw notFound('decision');
      this.minutes.requireEditable(current.meetingId, iso(this.ctx.now()));
      this.decisions.delete(id);
    });
    return { ok: true as const };
  }

  listActions(meetingId: string): ActionItem[] {
    this.minutes.meetings.mustGet(meetingId);
    return this.actions.list(meetingId);
  }

  createAction(input: Out<typeof ActionCreate>): ActionItem {
    const now = iso(this.ctx.now());
    const a: ActionItem = { id: this.ctx.newId(), ...input, createdAt: now, updatedAt: now };
    this.inTransaction(() => {
      this.minutes.requireEditable(input.meetingId, now);
      this.minutes.requireSection(input.meetingId, input.sectionKey);
      this.actions.insert(a);
    });
    return a;
  }

  updateAction(input: Out<typeof ActionUpdate>): ActionItem {
    const now = iso(this.ctx.now());
    return this.inTransaction(() => {
      const current = this.actions.get(input.id);
      if (!current) throw notFound('action item');
      const { id: _id, status, ...minuted } = defined(input);
      const changesMinutedText = Object.entries(minuted).some(([k, v]) => current[k as keyof ActionItem] !== v);
      if (changesMinutedText) this.minutes.requireEditable(current.meetingId, now);
      else this.minutes.meetings.mustGet(current.meetingId);
      if (input.sectionKey !== undefined) this.minutes.requireSection(current.meetingId, input.sectionKey);
      const next: ActionItem = { ...current, ...minuted, ...(status ? { status } : {}), updatedAt: now };
      this.actions.update(next);
      return next;
    });
  }

  deleteAction(id: string) {
    this.inTransaction(() => {
      const current = this.actions.get(id);
      if (!current) throw notFound('action item');
      this.minutes.requireEditable(current.meetingId, iso(this.ctx.now()));
      this.actions.delete(id);
    });
    return { ok: true as const };
  }

  private inTransaction<T>(fn: () => T): T {
    return this.ctx.db.transaction(fn).immediate();
  }
}

/** The fields the caller actually gave (partial updates). */
function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
