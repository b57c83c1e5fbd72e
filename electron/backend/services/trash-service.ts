import { AppError } from '../../../shared/errors';
import { trashKeptSince } from './flagged-elsewhere';
import { TRASH_DAYS, type RestoreOutcome, type TrashEntry, type TrashKind } from '../../../shared/contract/trash';
import { formatLongDate } from '../../../shared/format/dates';
import { GraphRepo, type Dump } from '../repositories/graph-repo';
import { TrashRepo, type TrashRow } from '../repositories/trash-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import { iso, type ServiceContext } from './context';
import type { MeetingsService } from './meetings-service';
import type { MembersService } from './members-service';
import { notFound } from './members-service';
import type { SearchService } from './search-service';

const DAY_MS = 86_400_000;

const TABLE_OF: Record<TrashKind, string> = { meeting: 'meetings', agenda_item: 'agenda_items', organisation: 'organisations' };

interface Payload {
  format: 'tfs-trash';
  version: 1;
  dump: Dump;
}

/**
 * The trash: deleting a meeting, an agenda item or an organisation first keeps everything it holds (one dump, in
 * the same transaction as the delete), for 30 days. Restoring writes it all back as it was, in one transaction;
 * emptying is explicit.
 */
export class TrashService {
  readonly graph: GraphRepo;
  private readonly repo: TrashRepo;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly deps: { meetings: MeetingsService; members: MembersService; search: SearchService },
  ) {
    this.graph = new GraphRepo(ctx.db);
    this.repo = new TrashRepo(ctx.db);
  }

  deleteMeeting(id: string): { ok: true } {
    return this.ctx.db.transaction(() => {
      const m = this.deps.meetings.mustGet(id);
      const dump = this.graph.dump('meetings', id);
      this.keep('meeting', id, meetingTrashLabel(m), describe(dump), null, dump);
      return this.deps.meetings.delete(id);
    })();
  }

  removeAgendaItem(id: string) {
    return this.ctx.db.transaction(() => {
      const item = this.deps.meetings.agenda.get(id);
      if (!item) throw notFound('agenda item');
      const meeting = this.deps.meetings.mustGet(item.meetingId);
      const numbered = this.deps.meetings.agendaOf(item.meetingId).find((a) => a.id === id);
      const dump = this.graph.dump('agenda_items', id);
      const label = `${numbered ? `${numbered.number} ` : ''}${item.title} (${meeting.title}, ${formatLongDate(meeting.startsAt)})`;
      this.keep('agenda_item', id, label, describe(dump), item.meetingId, dump);
      return this.deps.meetings.removeItem(id);
    })();
  }

  deleteOrganisation(id: string): { ok: true } {
    return this.ctx.db.transaction(() => {
      const org = this.deps.members.list().find((o) => o.id === id);
      if (!org) throw notFound('organisation');
      const dump = this.graph.dump('organisations', id);
      this.keep('organisation', id, org.name, describe(dump), null, dump);
      return this.deps.members.deleteOrganisation(id);
    })();
  }

  private keep(kind: TrashKind, entityId: string, label: string, detail: string, meetingId: string | null, dump: Dump) {
    this.repo.insert({
      id: this.ctx.newId(),
      kind,
      entityId,
      label,
      detail,
      meetingId,
      deletedAt: iso(this.ctx.now()),
      deletedBy: this.ctx.user,
      payloadJson: trashPayloadJson(dump),
    });
  }

  /** Entries of the last 30 days; older ones are removed for good first. */
  list(): TrashEntry[] {
    this.purgeExpired();
    // A removed item's kept words are in its History, not in the entry's dump: named here, as a deleted meeting's are.
    const keptForItems = this.repo.keptCopiesOfRemovedItems();
    return this.repo.list().map((r) => {
      const kept = keptForItems.get(r.id) ?? 0;
      const detail = kept === 0 ? r.detail : r.detail === NOTHING_ELSE ? keptCopies(kept) : `${keptCopies(kept)}, ${r.detail}`;
      return this.entry(r, detail);
    });
  }

  private entry(r: Omit<TrashRow, 'payloadJson'>, detail: string): TrashEntry {
    return {
      id: r.id,
      kind: r.kind,
      label: r.label,
      detail,
      keptWords: detail.includes(KEPT_NOWHERE_ELSE),
      deletedAt: r.deletedAt,
      deletedBy: r.deletedBy,
      expiresAt: new Date(Date.parse(r.deletedAt) + TRASH_DAYS * DAY_MS).toISOString(),
    };
  }

  purgeExpired(): number {
    return this.ctx.db.transaction(() => {
      const removed = this.repo.deleteOlderThan(trashKeptSince(this.ctx.now()));
      if (removed > 0) this.repo.deleteUnreachableRevisions();
      return removed;
    })();
  }

  restore(id: string): RestoreOutcome {
    return this.ctx.db.transaction((): RestoreOutcome => {
      this.purgeExpired();
      const entry = this.repo.get(id);
      if (!entry) throw new AppError('not_found', 'That item is no longer in the trash (it may have been restored, or removed after 30 days).');
      const payload = JSON.parse(entry.payloadJson) as Payload;
      const dump = payload.dump;
      if (dump.root.table !== TABLE_OF[entry.kind]) throw new AppError('internal', 'This trash entry is damaged and cannot be restored.');
      if (this.graph.exists(dump.root.table, dump.root.id))
        throw new AppError('conflict', `“${entry.label}” already exists again (it was restored or imported since). Nothing was changed.`);
      let clash = this.graph.collisions(dump);
      // A deleted meeting from another data file (one made since a restored backup, kept in the trash by the restore:
      // carry-confidentiality.ts) may have numbered rows (its record of events) whose numbers are taken here: they
      // take new numbers, as a package's do. Otherwise everything comes back exactly as it was.
      let renumber = false;
      if (clash.length > 0 && entry.kind === 'meeting') {
        const numbered = this.graph.collisions(dump, { renumber: true });
        if (numbered.length === 0) [renumber, clash] = [true, numbered];
      }
      if (clash.length > 0) throw new AppError('conflict', `Part of “${entry.label}” exists again (e.g. in ${clash[0]!.table}). Nothing was changed.`);
      let meetingId: string | null = null;
      if (entry.kind === 'agenda_item') {
        const root = dump.tables.agenda_items!.find((r) => r.id === dump.root.id)!;
        meetingId = String(root.meeting_id);
        if (!this.graph.exists('meetings', meetingId))
          throw new AppError('conflict', `The meeting of “${entry.label}” was deleted. Restore the meeting first.`);
        this.makeRoomFor(root);
      }
      try {
        this.graph.restore(dump, (fk) => {
          if (fk.parent === 'meetings') return new AppError('conflict', `The meeting of “${entry.label}” was deleted. Restore the meeting first.`);
          return new AppError('conflict', `“${entry.label}” refers to something deleted since (${fk.parent}). Restore that first.`);
        }, { renumber });
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (code === 'SQLITE_CONSTRAINT_UNIQUE' && entry.kind === 'organisation')
          throw new AppError('conflict', `An organisation named “${entry.label}” exists now. Rename or remove it, then restore this one.`);
        throw err;
      }
      if (entry.kind === 'meeting') {
        meetingId = entry.entityId;
        this.deps.search.reindexMeeting(meetingId);
      }
      // An older copy (the meeting was back meanwhile, from a backup or a package, and saved on): its sections go above
      // every rev a page may hold of them (migration 020). A copy as it was deleted is back at its marks and unchanged.
      if (meetingId !== null) new MinutesRepo(this.ctx.db).liftBehindMarks(meetingId);
      this.repo.delete(id);
      return { kind: entry.kind, entityId: entry.entityId, meetingId, label: entry.label };
    })();
  }

  /**
   * An agenda item goes back to its place: the siblings from its old position move down by one. A sub-item whose item
   * is gone comes back at the top level WITHHELD from publication: whether it was withheld with its item can no longer
   * be known (that item is in the trash or removed for good), so it stays confidential until the officer releases it
   * (fail-closed, as moving a sub-item out of a withheld item does; the meeting's record says why).
   */
  private makeRoomFor(root: Record<string, unknown>) {
    const parentId = (root.parent_id as string | null) ?? null;
    const meetingId = String(root.meeting_id);
    const parentAlive = parentId === null || this.deps.meetings.agenda.get(parentId) !== undefined;
    const siblings = this.deps.meetings
      .agendaOf(meetingId)
      .filter((a) => a.parentId === (parentAlive ? parentId : null))
      .sort((a, b) => a.position - b.position);
    const at = Math.min(Number(root.position), siblings.length);
    root.position = at;
    if (!parentAlive) {
      root.parent_id = null;
      if (root.for_publication) {
        root.for_publication = 0;
        this.deps.meetings.meetings.recordEvent(meetingId, iso(this.ctx.now()), 'agenda_kept_withheld', { itemId: String(root.id), from: parentId, to: null, restored: true });
      }
    }
    this.deps.meetings.agenda.place(siblings.map((s, i) => ({ id: s.id, parentId: s.parentId, position: i < at ? i : i + 1 })));
  }

  purge(id: string): { ok: true } {
    return this.ctx.db.transaction(() => {
      if (this.repo.delete(id) === 0) throw new AppError('not_found', 'That item is no longer in the trash.');
      this.repo.deleteUnreachableRevisions();
      return { ok: true as const };
    })();
  }

  empty(): { removed: number } {
    return this.ctx.db.transaction(() => {
      const removed = this.repo.deleteAll();
      this.repo.deleteUnreachableRevisions();
      return { removed };
    })();
  }
}

/** How a deleted meeting is named in the trash: "Second plenary — 2 March 2026". */
export function meetingTrashLabel(m: { title: string; startsAt: string }): string {
  return `${m.title} — ${formatLongDate(m.startsAt)}`;
}

/** How describe() names kept words; an entry whose text has it holds some (TrashEntry.keptWords). */
const KEPT_NOWHERE_ELSE = 'kept nowhere else';
const NOTHING_ELSE = 'nothing else';
const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
/** "1 copy of words a save refused, kept nowhere else": first in what an entry holds. */
const keptCopies = (k: number) => plural(k, `copy of words a save refused, ${KEPT_NOWHERE_ELSE}`, `copies of words saves refused, ${KEPT_NOWHERE_ELSE}`);

/** What a trash entry keeps of a dump. */
export function trashPayloadJson(dump: Dump): string {
  const payload: Payload = { format: 'tfs-trash', version: 1, dump };
  return JSON.stringify(payload);
}

/**
 * What a dump holds, in words: "3 agenda items, minutes (4 sections), 2 decisions, 1 action item". First, when there
 * are any, the words a save refused and kept here (kept-in-trash.ts, migration 017): they are saved nowhere else, so
 * the officer reads it before removing the entry for good (the Trash page's question repeats this text).
 */
export function describe(dump: Dump): string {
  const n = (t: string) => dump.tables[t]?.length ?? 0;
  const parts: string[] = [];
  const kept = (dump.tables.minutes_revisions ?? []).filter((r) => r.reason === 'conflict_copy' || r.reason === 'refused_copy').length;
  if (kept) parts.push(keptCopies(kept));
  const items = n('agenda_items') - (dump.root.table === 'agenda_items' ? 1 : 0);
  if (items > 0) parts.push(plural(items, dump.root.table === 'agenda_items' ? 'sub-item' : 'agenda item', dump.root.table === 'agenda_items' ? 'sub-items' : 'agenda items'));
  if (n('minutes_sections')) parts.push(`minutes (${plural(n('minutes_sections'), 'section', 'sections')})`);
  if (n('minutes_revisions') > kept) parts.push(plural(n('minutes_revisions') - kept, 'revision', 'revisions'));
  if (n('flags')) parts.push(plural(n('flags'), 'flag', 'flags'));
  if (n('decisions')) parts.push(plural(n('decisions'), 'decision', 'decisions'));
  if (n('action_items')) parts.push(plural(n('action_items'), 'action item', 'action items'));
  if (n('attendance')) parts.push(plural(n('attendance'), 'participant', 'participants'));
  if (n('exports')) parts.push(plural(n('exports'), 'export', 'exports'));
  if (n('representatives')) parts.push(plural(n('representatives'), 'representative', 'representatives'));
  if (dump.relinks.length && dump.root.table === 'organisations') parts.push(plural(dump.relinks.length, 'attendance link', 'attendance links'));
  return parts.join(', ') || NOTHING_ELSE;
}

