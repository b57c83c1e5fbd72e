import { nodeCrypto } from '../../node-crypto';
import type * as z from 'zod';
import { AppError } from '../../../shared/errors';
import {
  DEFAULT_FLAG_REASON,
  FLAG_REASONS,
  type DismissedSuggestions,
  type DismissSuggestion,
  type Flag,
  type FlagCreate,
  type FlagList,
  type FlagReason,
  type FlagUpdate,
  type SensitiveTerms,
  type SetSensitiveTerms,
} from '../../../shared/domain/flags';
import { FIXED_SECTION_KEYS } from '../../../shared/domain/minutes';
import { ID_PATTERN } from '../../../shared/domain/common';
import type { SerializedDoc, SerializedNode } from '../../../shared/editor/doc-model';
import { applyFlags } from '../../../shared/redaction/apply-flags';
import { carryFlags } from '../../../shared/redaction/carry-flags';
import { excerptIn, excerptWithin, flagIdsOfJson } from '../../../shared/redaction/flag-state';
import { foldAsCheck } from '../../../shared/text/look-alikes';
import { flaggedTexts } from '../../../shared/redaction/flagged-texts';
import type { ReadSection } from '../../../shared/redaction/walk';
import { AgendaRepo } from '../repositories/agenda-repo';
import { flaggedElsewhere } from './flagged-elsewhere';
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
    const flag = inForce({ ...input, createdBy: input.createdBy || this.ctx.user, id: this.ctx.newId() }, now);
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
    return { flags, countsByReason, elsewhere: flaggedElsewhere(this.ctx.db, meetingId, this.ctx.now()) };
  }

  /**
   * Marks that carry another meeting's flag id, made this meeting's own: each such id is replaced by an id of this
   * meeting's (`ownFlagId`: the same one for the same id, every time). That meeting's record guards that meeting's
   * text only (a save reconciles its own meeting's records); were such a mark lost here, nothing would keep its words
   * confidential. The page re-keys what is pasted from another meeting (renderer/editor/paste.ts); this catches the
   * rest, fail-closed: sections stored by an earlier build, a page from before, any client. Applied to a section as it
   * is read (minutes.section), saved and restored; the save then adopts the own id as a record of this meeting with
   * the other record's reason and note (`from`). The content comes back unchanged (the same object) when it has none.
   */
  ownMarks(meetingId: string, content: SerializedDoc, json?: string): { content: SerializedDoc; from: Map<string, Flag> } {
    const from = new Map<string, Flag>();
    const text = json ?? JSON.stringify(content);
    if (!text.includes('"ids":[')) return { content, from };
    const rename = new Map<string, string>();
    for (const id of flagIdsOfJson(text, content)) {
      // An id no answer could carry (a client other than the page saved "a b" or "x:1"): adopted under an own id, or
      // the meeting's Flags panel could not load its record (an audit, 2026-12-07).
      if (!ID_PATTERN.test(id)) {
        rename.set(id, ownFlagId(meetingId, id));
        continue;
      }
      const rec = this.repo.get(id);
      if (!rec || rec.meetingId === meetingId) continue;
      const own = ownFlagId(meetingId, id);
      rename.set(id, own);
      from.set(own, rec);
    }
    if (rename.size === 0) return { content, from };
    const map = (n: SerializedNode): SerializedNode => {
      const ids = n.type === 'flag' && Array.isArray(n.ids) ? { ids: [...new Set((n.ids as string[]).map((id) => rename.get(id) ?? id))] } : {};
      return Array.isArray(n.children) ? { ...n, ...ids, children: (n.children as SerializedNode[]).map(map) } : { ...n, ...ids };
    };
    return { content: { ...content, root: map(content.root) } as SerializedDoc, from };
  }

  /**
   * The flag records of one section after its save, derived from the marks in the saved content. Runs INSIDE the
   * save's transaction, before the content is written (it reads the section as it stood through `previous`, and
   * only the other sections' text), so content and records commit together (no separate call).
   * - A mark present: its record is in force (restored from any state, moved to this section, excerpt updated);
   *   a mark with no record anywhere gets one with the default reason ("adopted"), or with the reason and note of the
   *   other meeting's record it was made from (`adoptedFrom`, see `ownMarks`, which the caller applies first); a mark
   *   still carrying another meeting's id is left to that meeting.
   * - A record of this section in force whose mark is absent: lifted by undo if the editor says so; else it STAYS IN
   *   FORCE with its mark missing (the export is refused until the officer acts) while any of its text is still
   *   there: its whole text anywhere in this section or any other of the meeting, or any of its words that survive
   *   the edit where they stood (carried from the section as it stood, `previous`; the record's excerpt becomes
   *   what survives). Only when its text is verifiably gone is it retired as "text removed".
   * - A record retired as "text removed" whose text is back in this section is in force again, mark missing.
   * - One record per id, but its marks may stand in two sections (a flagged passage copied with its mark, a restore)
   *   or come back over other words: the record follows the mark saved last. What the record guarded before is never
   *   left unguarded by that. When a record whose mark was missing is marked again while its recorded text is not all
   *   under the new mark (or still stands in another section), and when this section loses a mark of a record kept
   *   for another section while some of its words stay, those words get a record of their own (same reason and
   *   note), in force with its mark missing: the export is refused until the officer flags them again or lifts that
   *   flag. An undo reported here does not lift a record that is in force elsewhere: fail closed.
   * Returns the records it changed.
   */
  reconcile(input: {
    meetingId: string;
    sectionKey: string;
    content: SerializedDoc;
    /** `content` as the caller has read it already (the same words and marks): its flagged passages are taken from it. */
    read?: ReadSection;
    /** Plain text of the saved section. */
    text: string;
    liftedByUndo: readonly string[];
    /** The plain text of the meeting's other sections, read only if needed. */
    otherTexts: () => string[];
    /** The section as it stands before this save (null: not stored yet); read only when a mark went with words. */
    previous: () => SerializedDoc | null;
    /** Which of these ids the section as it stands before this save has marks of (asked only when some are kept elsewhere). */
    heldBefore: (ids: readonly string[]) => readonly string[];
    /** Another section of the meeting holding a mark of `id`, with the text it marks there (asked only for an undo). */
    markedElsewhere: (id: string) => { sectionKey: string; text: string } | null;
    /** Own ids made from another meeting's (ownMarks): a new record takes that record's reason and note. */
    adoptedFrom?: ReadonlyMap<string, Flag>;
    now: string;
  }): Flag[] {
    const { meetingId, sectionKey, now } = input;
    const present = new Map<string, string>();
    /** Every text each id marks here (a flag overlapping others is cut into several). */
    const marked = new Map<string, string[]>();
    for (const f of flaggedTexts(input.read ?? input.content))
      for (const id of f.ids) {
        if (!present.has(id)) present.set(id, f.text);
        marked.set(id, [...(marked.get(id) ?? []), f.text]);
      }
    let others: string[] | null = null;
    const elsewhere = (excerpt: string) => (others ??= input.otherTexts()).some((t) => excerptIn(excerpt, t, foldAsCheck));
    const changed: Flag[] = [];
    const write = (next: Flag, event: string | null) => {
      this.repo.update(next);
      if (event) this.meetings.recordEvent(meetingId, now, event, { flagId: next.id, sectionKey });
      changed.push(next);
    };
    /** A new record guarding what `rec` guarded in `where`: in force, mark missing since `since`. */
    const keep = (rec: Flag, where: string, excerpt: string, since: string) => {
      const copy: Flag = { ...inForce({ ...rec, id: this.ctx.newId(), sectionKey: where, excerpt }, now), unmarkedSince: since };
      this.repo.insert(copy);
      this.meetings.recordEvent(meetingId, now, 'flag_mark_missing', { flagId: copy.id, sectionKey: where, keptFrom: rec.id });
      changed.push(copy);
    };
    for (const [id, excerpt] of present) {
      const rec = this.repo.get(id);
      if (!rec) {
        const source = input.adoptedFrom?.get(id);
        const adopted = inForce({ id, meetingId, sectionKey, reason: source?.reason ?? DEFAULT_FLAG_REASON, note: source?.note ?? '', createdBy: this.ctx.user, excerpt }, now);
        this.repo.insert(adopted);
        this.meetings.recordEvent(meetingId, now, 'flag_adopted', source ? { flagId: id, sectionKey, madeFrom: source.id } : { flagId: id, sectionKey });
        changed.push(adopted);
        continue;
      }
      if (rec.meetingId !== meetingId) continue;
      if (rec.retiredAt === null && rec.unmarkedSince === null && rec.sectionKey === sectionKey && rec.excerpt === excerpt) continue;
      // Marked again (here or in another section) while its recorded text, mark missing, is not all under the new
      // mark, or still stands in another section: that text keeps a record of its own.
      if (rec.retiredAt === null && rec.unmarkedSince !== null && (!excerptWithin(rec.excerpt, marked.get(id)!, foldAsCheck) || (rec.sectionKey !== sectionKey && elsewhere(rec.excerpt))))
        keep(rec, rec.sectionKey, rec.excerpt, rec.unmarkedSince);
      // Its mark still here but now on other words, while a piece (line) of its recorded text still stands in this
      // section, not under the mark (new words typed or pasted over part of the passage went outside the mark; a
      // restore marked a stray word of it): those pieces keep a record of their own, in force with their mark missing,
      // so they never lose their guard. A piece still marked, or no longer there (edited, deleted), is no reason.
      // (Text in another section is not judged here: it may be under this flag's mark there.)
      else if (rec.retiredAt === null && rec.unmarkedSince === null) {
        const stray = rec.excerpt.split('\n').filter((line) => !excerptWithin(line, marked.get(id)!, foldAsCheck) && excerptIn(line, input.text, foldAsCheck));
        if (stray.length > 0) keep(rec, sectionKey, stray.join('\n'), now);
      }
      const event = rec.retiredAt !== null ? 'flag_restored' : rec.unmarkedSince !== null ? 'flag_marked_again' : null;
      write({ ...rec, sectionKey, excerpt, retiredAt: null, retiredReason: null, retiredBy: '', unmarkedSince: null, updatedAt: now }, event);
    }
    const undone = new Set(input.liftedByUndo);
    const open = this.repo.listForSection(meetingId, sectionKey).filter((rec) => !present.has(rec.id) && rec.retiredAt === null);
    // Records in force kept for another section whose mark this section held before the save and has lost.
    const away = this.repo.listForMeeting(meetingId).filter((rec) => rec.retiredAt === null && rec.sectionKey !== sectionKey && !present.has(rec.id));
    const held = new Set(away.length ? input.heldBefore(away.map((rec) => rec.id)) : []);
    const lost = away.filter((rec) => held.has(rec.id));
    let survivors: Map<string, string> | null = null;
    const kept = (rec: Flag) => (survivors ??= survivingWords(input.previous(), input.content, [...open, ...lost])).get(rec.id);
    for (const rec of lost) {
      const words = kept(rec);
      if (words !== undefined) keep(rec, sectionKey, words, now);
    }
    for (const rec of open) {
      if (undone.has(rec.id)) {
        // Undone here while its mark stands in another section (a flagged passage copied with its mark): the flag
        // stays in force there, kept for that section (fail-closed: it guards that passage, whatever happens to it).
        const other = input.markedElsewhere(rec.id);
        if (other) write({ ...rec, sectionKey: other.sectionKey, excerpt: other.text, unmarkedSince: null, updatedAt: now }, null);
        else write({ ...rec, retiredAt: now, retiredReason: 'undo', retiredBy: this.ctx.user, unmarkedSince: null, updatedAt: now }, 'flag_lifted_by_undo');
        continue;
      }
      // The whole passage still in the section; else the words of it that survived here (what the export must then
      // look for: they are also in any whole copy elsewhere); else a whole copy elsewhere in the meeting.
      const excerpt = excerptIn(rec.excerpt, input.text, foldAsCheck) ? rec.excerpt : (kept(rec) ?? (elsewhere(rec.excerpt) ? rec.excerpt : null));
      if (excerpt === null) write({ ...rec, retiredAt: now, retiredReason: 'text_removed', retiredBy: '', unmarkedSince: null, updatedAt: now }, 'flag_text_removed');
      else if (rec.unmarkedSince === null) write({ ...rec, excerpt, unmarkedSince: now, updatedAt: now }, 'flag_mark_missing');
      else if (rec.excerpt !== excerpt) write({ ...rec, excerpt, updatedAt: now }, null);
    }
    for (const rec of this.repo.listTextRemoved(meetingId))
      if (!present.has(rec.id) && excerptIn(rec.excerpt, input.text, foldAsCheck))
        write({ ...rec, sectionKey, retiredAt: null, retiredReason: null, unmarkedSince: now, updatedAt: now }, 'flag_mark_missing');
    return changed;
  }

  /** A person lifts the flag; the editor removes the mark. Lifting twice changes nothing. */
  unflag(id: string): Flag {
    const current = this.mustGet(id);
    if (current.retiredReason === 'unflagged') return current;
    const now = iso(this.ctx.now());
    const next: Flag = { ...current, retiredAt: now, retiredReason: 'unflagged', retiredBy: this.ctx.user, unmarkedSince: null, updatedAt: now };
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

/**
 * This meeting's own id for a flag id of another meeting's (FlagsService.ownMarks): derived from both, so the same
 * mark saved again gets the same id (one record, not one per save), and another meeting gets another.
 */
export function ownFlagId(meetingId: string, flagId: string): string {
  return `f${nodeCrypto().createHash('sha256').update(`${meetingId}\0${flagId}`).digest('base64url').slice(0, 26)}`;
}

/**
 * For records whose mark is gone and whose whole text is not in the saved section: the words of each that survive the
 * edit where they stood, joined as an excerpt ("\n" between pieces). Where the record was marked before the save,
 * its mark says where; where it was already missing, its recorded text in the section before the save does.
 */
function survivingWords(previous: SerializedDoc | null, content: SerializedDoc, recs: readonly Flag[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!previous) return out;
  const before = applyFlags(previous, recs.map((r) => ({ id: r.id, excerpt: r.excerpt }))).content;
  const carried = carryFlags(before, content, new Set(recs.map((r) => r.id)));
  // One text per flag id (flaggedTexts joins the pieces of one flag); ids of other marks are never asked for.
  for (const f of flaggedTexts(carried.content)) for (const id of f.ids) out.set(id, f.text);
  return out;
}

/** A new record, in force from `now`. */
function inForce(f: Pick<Flag, 'id' | 'meetingId' | 'sectionKey' | 'reason' | 'note' | 'createdBy' | 'excerpt'>, now: string): Flag {
  return { ...f, createdAt: now, updatedAt: now, retiredAt: null, retiredReason: null, retiredBy: '', unmarkedSince: null };
}
