import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  FLAG_REASONS,
  type DismissedSuggestions,
  type DismissSuggestion,
  type Flag,
  type FlagCreate,
  type FlagList,
  type FlagReason,
  type FlagSync,
  type FlagSyncResult,
  type FlagUpdate,
  type SensitiveTerms,
  type SetSensitiveTerms,
} from '../../../shared/domain/flags';
import { FIXED_SECTION_KEYS } from '../../../shared/domain/minutes';
import { AgendaRepo } from '../repositories/agenda-repo';
import { FlagsRepo } from '../repositories/flags-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { iso, type ServiceContext } from './context';
import { notFound } from './members-service';

type Out<T extends z.ZodType> = z.output<T>;

/**
 * Flag records. The redaction never depends on them (it hides whatever a flag node covers); they carry the reason,
 * note, author and history for the side panel and the internal redaction record, so they are retired, never deleted.
 */
export class FlagsService {
  private readonly repo: FlagsRepo;
  private readonly meetings: MeetingsRepo;
  private readonly agenda: AgendaRepo;
  constructor(private readonly ctx: ServiceContext) {
    this.repo = new FlagsRepo(ctx.db);
    this.meetings = new MeetingsRepo(ctx.db);
    this.agenda = new AgendaRepo(ctx.db);
  }

  private mustGetMeeting(id: string) {
    if (!this.meetings.get(id)) throw notFound('meeting');
  }

  private mustGet(id: string): Flag {
    const flag = this.repo.get(id);
    if (!flag) throw notFound('flag');
    return flag;
  }

  /** 'opening', 'closing' or an item of this meeting's agenda. */
  private checkSection(meetingId: string, sectionKey: string) {
    if ((FIXED_SECTION_KEYS as readonly string[]).includes(sectionKey)) return;
    const item = this.agenda.get(sectionKey);
    if (!item || item.meetingId !== meetingId)
      throw new AppError('bad_request', 'That section is not part of this meeting (its agenda item may have been removed).', {
        issues: [{ path: 'sectionKey', message: 'is not a section of this meeting' }],
      });
  }

  create(input: Out<typeof FlagCreate>): Flag {
    this.mustGetMeeting(input.meetingId);
    this.checkSection(input.meetingId, input.sectionKey);
    const now = iso(this.ctx.now());
    const flag: Flag = { ...input, createdBy: input.createdBy || this.ctx.user, id: this.ctx.newId(), createdAt: now, updatedAt: now, retiredAt: null, retiredReason: null };
    this.ctx.db.transaction(() => {
      this.repo.insert(flag);
      this.meetings.recordEvent(flag.meetingId, now, 'flag_created', { flagId: flag.id, reason: flag.reason, sectionKey: flag.sectionKey });
    })();
    return flag;
  }

  update(input: Out<typeof FlagUpdate>): Flag {
    const current = this.mustGet(input.id);
    const next: Flag = { ...current, reason: input.reason ?? current.reason, note: input.note ?? current.note };
    if (next.reason === current.reason && next.note === current.note) return current;
    next.updatedAt = iso(this.ctx.now());
    this.ctx.db.transaction(() => {
      this.repo.update(next);
      if (next.reason !== current.reason) this.meetings.recordEvent(next.meetingId, next.updatedAt, 'flag_reason', { flagId: next.id, from: current.reason, to: next.reason });
    })();
    return next;
  }

  list(meetingId: string): FlagList {
    this.mustGetMeeting(meetingId);
    const flags = this.repo.listForMeeting(meetingId);
    const countsByReason = Object.fromEntries(FLAG_REASONS.map((r) => [r, 0])) as Record<FlagReason, number>;
    for (const f of flags) if (f.retiredAt === null) countsByReason[f.reason]++;
    return { flags, countsByReason };
  }

  /**
   * The editor's report after saving a section: which flag ids its text holds now. Records of the section that are
   * not present are retired (text removed); present ones are put back in force (undo), moved to this section (cut and
   * paste) and given their current excerpt. Present ids with no record at all get one with the default reason, so that
   * every flag in the text is in the redaction record. The section key is not checked against the agenda, so that a
   * section whose item has gone can still retire its records.
   */
  sync(input: Out<typeof FlagSync>): FlagSyncResult {
    this.mustGetMeeting(input.meetingId);
    const present = new Map<string, string>();
    // One flag across paragraphs is one node per block: its pieces are joined as flaggedTexts() joins them.
    for (const p of input.present) present.set(p.id, present.has(p.id) ? `${present.get(p.id)}\n${p.excerpt}` : p.excerpt);
    const result: FlagSyncResult = { flags: [], retiredIds: [], restoredIds: [], adoptedIds: [], ignoredIds: [] };
    this.ctx.db.transaction(() => {
      const now = iso(this.ctx.now());
      for (const rec of this.repo.listForSection(input.meetingId, input.sectionKey)) {
        if (present.has(rec.id) || rec.retiredAt !== null) continue;
        this.repo.update({ ...rec, retiredAt: now, retiredReason: 'text_removed', updatedAt: now });
        result.retiredIds.push(rec.id);
      }
      for (const [id, excerpt] of present) {
        const rec = this.repo.get(id);
        if (!rec) {
          this.repo.insert({
            id,
            meetingId: input.meetingId,
            sectionKey: input.sectionKey,
            reason: 'commercially_confidential',
            note: '',
            createdBy: this.ctx.user,
            createdAt: now,
            updatedAt: now,
            retiredAt: null,
            retiredReason: null,
            excerpt,
          });
          this.meetings.recordEvent(input.meetingId, now, 'flag_adopted', { flagId: id, sectionKey: input.sectionKey });
          result.adoptedIds.push(id);
          continue;
        }
        if (rec.meetingId !== input.meetingId) {
          result.ignoredIds.push(id);
          continue;
        }
        const restored = rec.retiredAt !== null;
        if (!restored && rec.sectionKey === input.sectionKey && rec.excerpt === excerpt) continue;
        this.repo.update({ ...rec, sectionKey: input.sectionKey, excerpt, retiredAt: null, retiredReason: null, updatedAt: now });
        if (restored) result.restoredIds.push(id);
      }
      result.flags = this.repo.listForSection(input.meetingId, input.sectionKey);
    })();
    return result;
  }

  /** A person lifts the flag; the editor removes the node. Lifting twice changes nothing. */
  unflag(id: string): Flag {
    const current = this.mustGet(id);
    if (current.retiredReason === 'unflagged') return current;
    const now = iso(this.ctx.now());
    const next: Flag = { ...current, retiredAt: now, retiredReason: 'unflagged', updatedAt: now };
    this.ctx.db.transaction(() => {
      this.repo.update(next);
      this.meetings.recordEvent(next.meetingId, now, 'flag_unflagged', { flagId: next.id });
    })();
    return next;
  }

  dismissSuggestion(input: Out<typeof DismissSuggestion>): DismissedSuggestions {
    this.mustGetMeeting(input.meetingId);
    this.repo.insertDismissed(input.meetingId, input.text, iso(this.ctx.now()));
    return { texts: this.repo.listDismissed(input.meetingId) };
  }

  dismissedSuggestions(meetingId: string): DismissedSuggestions {
    this.mustGetMeeting(meetingId);
    return { texts: this.repo.listDismissed(meetingId) };
  }

  terms(): SensitiveTerms {
    return { terms: this.repo.listTerms() };
  }

  /** Replaces the list: trimmed (by the contract), empty ones dropped, duplicates (ignoring case) kept once, first wins. */
  setTerms(input: Out<typeof SetSensitiveTerms>): SensitiveTerms {
    const seen = new Set<string>();
    const terms: string[] = [];
    for (const t of input.terms) {
      const key = t.toLowerCase();
      if (t === '' || seen.has(key)) continue;
      seen.add(key);
      terms.push(t);
    }
    this.ctx.db.transaction(() => this.repo.replaceTerms(terms, iso(this.ctx.now())))();
    return this.terms();
  }
}
