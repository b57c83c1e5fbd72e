import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CarriedConfidentiality } from '../../../shared/contract/carried';
import { guardsText, type Flag, type FlagReason } from '../../../shared/domain/flags';
import { longDate, meetingDate } from '../../../shared/format/zoned';
import { sectionText } from '../../../shared/redaction/plain-text';
import { CLOSING_KEY, OPENING_KEY, withheldItems } from '../../../shared/redaction/publication';
import { normaliseForMatch, PassageMatcher } from '../../../shared/redaction/match-text';
import { AgendaRepo } from '../repositories/agenda-repo';
import { flagOfDumpRow, FlagsRepo } from '../repositories/flags-repo';
import { GraphRepo, type Dump } from '../repositories/graph-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import { TrashRepo } from '../repositories/trash-repo';
import { iso, type ServiceContext } from './context';
import { flaggedElsewhere, trashKeptSince } from './flagged-elsewhere';
import { describe, meetingTrashLabel, trashPayloadJson } from './trash-service';

/**
 * Going back in time never makes confidential text public. When data replaces other data — a backup restored over the
 * data file, a meeting package imported over a deleted copy of its meeting still in the trash — what the replaced data
 * knew of confidentiality is carried into the data that replaces it:
 * - every flag that guarded text there (in force, or its text deleted: guardsText) and that guards nothing here (no
 *   record, or a record retired: its text removed, or lifted) becomes a record here for the same meeting and section,
 *   IN FORCE WITH ITS MARK MISSING, with its recorded words: the public summary is refused wherever those words stand
 *   unmarked (unmarkedFlags), every other public file is checked against them (flaggedElsewhere: a record in force
 *   guards text), and the Flags panel offers "Flag again" or "Lift flag". A person's lift here stands only when the
 *   flag was lifted there too (a lifted flag guards nothing, so it is not carried). A record here in force with other
 *   words keeps them, and the words there get a record of their own;
 * - every agenda item withheld there (itself or with its parent) that is published here is withheld.
 * Nothing is carried where the words are already guarded by a record in force with the same words.
 */
export interface Guarded {
  /** Flag records (only those that guard text are carried). */
  flags: readonly Flag[];
  /** Agenda items: where each stands and whether it is marked for publication (what decides withholding). */
  agenda: ReadonlyArray<{ id: string; meetingId: string; parentId: string | null; forPublication: boolean }>;
  /** Meetings that leave withheld items out of their public summary entirely (their titles were never public). */
  hideTitles: readonly string[];
}

/** Everything a whole data file knows of confidentiality (the data kept aside by a restore: read, never written). */
export function guardedInFile(db: Database): Guarded {
  return { flags: new FlagsRepo(db).listGuardingText(), agenda: new AgendaRepo(db).placements(), hideTitles: new MeetingsRepo(db).leavingWithheldOut() };
}

/** What a deleted meeting kept in the trash knows of confidentiality; null when its kept rows cannot be read. */
export function guardedInDump(dump: Dump): Guarded | null {
  const flags: Flag[] = [];
  for (const row of dump.tables.flags ?? []) {
    const f = flagOfDumpRow(row);
    if (!f) return null;
    flags.push(f);
  }
  const agenda: Array<Guarded['agenda'][number]> = [];
  for (const r of dump.tables.agenda_items ?? []) {
    if (typeof r.id !== 'string' || typeof r.meeting_id !== 'string') return null;
    agenda.push({ id: r.id, meetingId: r.meeting_id, parentId: typeof r.parent_id === 'string' ? r.parent_id : null, forPublication: r.for_publication === 1 });
  }
  const hideTitles = (dump.tables.meetings ?? []).filter((r) => r.withheld_display === 'omit').map((r) => String(r.id));
  return { flags, agenda, hideTitles };
}

/** The dump kept in a trash entry, or null when it cannot be read. */
export function dumpOfTrashPayload(payloadJson: string): Dump | null {
  try {
    const p = JSON.parse(payloadJson) as { dump?: Dump };
    return p.dump && typeof p.dump === 'object' && p.dump.tables && typeof p.dump.tables === 'object' ? p.dump : null;
  } catch {
    return null;
  }
}

interface Tally {
  flags: number;
  withheld: number;
  titlesHidden: number;
  /** Meetings something was carried into. */
  meetings: Set<string>;
  /** Meetings whose guarding flags could not be carried: they do not exist here. */
  absent: Set<string>;
}

const emptyTally = (): Tally => ({ flags: 0, withheld: 0, titlesHidden: 0, meetings: new Set(), absent: new Set() });

/**
 * Carries `from` into the data of `ctx` (inside the caller's transaction): into every meeting that exists here, or into
 * `only` alone. `event` names the meetings' record of each change.
 */
export function carryGuarded(ctx: ServiceContext, from: Guarded, event: 'kept_at_restore' | 'kept_from_trash', only: string | null = null, tally: Tally = emptyTally()): Tally {
  const flags = new FlagsRepo(ctx.db);
  const meetings = new MeetingsRepo(ctx.db);
  const agenda = new AgendaRepo(ctx.db);
  const now = iso(ctx.now());
  const exists = new Map<string, boolean>();
  const here = (id: string) => {
    let e = exists.get(id);
    if (e === undefined) exists.set(id, (e = meetings.get(id) !== undefined));
    return e;
  };
  for (const f of from.flags) {
    if (!guardsText(f) || f.excerpt.trim() === '' || (only !== null && f.meetingId !== only)) continue;
    if (!here(f.meetingId)) {
      tally.absent.add(f.meetingId);
      continue;
    }
    // The same words already guarded by a record in force here (marked, or its mark missing): nothing to carry.
    if (flags.listForMeeting(f.meetingId).some((r) => r.retiredAt === null && r.excerpt === f.excerpt)) continue;
    const same = flags.get(f.id);
    const next: Flag = { ...f, createdAt: f.createdAt || now, updatedAt: now, retiredAt: null, retiredReason: null, retiredBy: '', unmarkedSince: now };
    let id = f.id;
    if (same && same.meetingId === f.meetingId && same.retiredAt !== null) flags.update(next);
    else {
      // A record of that id here in force with other words (or of another meeting) keeps them: these get their own.
      if (same) id = ctx.newId();
      flags.insert({ ...next, id });
    }
    meetings.recordEvent(f.meetingId, now, `flag_${event}`, { flagId: id, sectionKey: f.sectionKey, keptFrom: f.id });
    tally.flags++;
    tally.meetings.add(f.meetingId);
  }
  const wanted = withheldItems(from.agenda);
  const explicit = new Set(from.agenda.filter((a) => !a.forPublication).map((a) => a.id));
  // Items withheld there by themselves first, then those withheld there with their parent and still published here.
  for (const pass of [explicit, wanted]) {
    const current = agenda.placements().filter((a) => only === null || a.meetingId === only);
    const withheldHere = withheldItems(current);
    for (const a of current) {
      if (!pass.has(a.id) || withheldHere.has(a.id)) continue;
      const item = agenda.get(a.id)!;
      agenda.update({ ...item, forPublication: false });
      meetings.recordEvent(a.meetingId, now, `agenda_withheld_${event}`, { itemId: a.id });
      tally.withheld++;
      tally.meetings.add(a.meetingId);
    }
  }
  // A meeting that left withheld items out entirely: their titles were never public, so it leaves them out again.
  for (const id of from.hideTitles) {
    if ((only !== null && id !== only) || !here(id)) continue;
    const m = meetings.get(id)!;
    if (m.withheldDisplay === 'omit') continue;
    meetings.update({ ...m, withheldDisplay: 'omit', updatedAt: now });
    meetings.recordEvent(id, now, `withheld_omitted_${event}`, {});
    tally.titlesHidden++;
    tally.meetings.add(id);
  }
  return tally;
}

/**
 * The agenda items deleted in `aside` since the trash keeps them, as their trash entries hold them: an item withheld
 * and then deleted is known withheld only there. An entry that cannot be read stands for its item withheld (fail-closed).
 */
function trashedAgendaItems(aside: Database, since: string): Guarded['agenda'] {
  return new TrashRepo(aside).agendaItemEntries(since).flatMap((entry) => {
    const dump = dumpOfTrashPayload(entry.payloadJson);
    const guarded = dump && guardedInDump(dump);
    return guarded ? guarded.agenda : [{ id: entry.entityId, meetingId: entry.meetingId ?? '', parentId: null, forPublication: false }];
  });
}

/**
 * After a restore, inside one transaction on the restored data: what the data kept aside (`aside`, read-only)
 * knew of confidentiality and the restored data does not.
 * - Its flags and withheld items, carried into the meetings the restored data holds (carryGuarded).
 * - A meeting the restored data does not hold (made since the backup) whose flags guard text or whose minutes hold flag
 *   marks is put in the restored data's trash, as deleting it would: there its flags keep guarding their passages in
 *   every other meeting's public files (flaggedElsewhere), as long as a deleted meeting's do, and it can be restored.
 *   (A flag record cannot stand without its meeting: the schema ties it to one.)
 * - A deleted meeting in its trash the restored data does not have: copied into the restored trash as it is (its
 *   flags guard as they did), or, when the restored data holds that meeting (deleted since the backup), its flags and
 *   withheld items carried into it like the import of a package does.
 */
export function keepConfidentialityAtRestore(ctx: ServiceContext, aside: Database): CarriedConfidentiality {
  const since = trashKeptSince(ctx.now());
  const inFile = guardedInFile(aside);
  // The live agenda kept aside and the items deleted from it, together: an item's parent may be in either.
  const tally = carryGuarded(ctx, { ...inFile, agenda: [...inFile.agenda, ...trashedAgendaItems(aside, since)] }, 'kept_at_restore');
  const targetTrash = new TrashRepo(ctx.db);
  const targetMeetings = new MeetingsRepo(ctx.db);
  const asideTrash = new TrashRepo(aside);
  for (const entry of asideTrash.meetingEntries(since)) {
    if (targetTrash.get(entry.id)) continue;
    if (targetMeetings.get(entry.entityId)) {
      const dump = dumpOfTrashPayload(entry.payloadJson);
      const guarded = dump && guardedInDump(dump);
      // Unreadable: the copy goes into the trash as it is, where it blocks every public summary until it is emptied.
      if (guarded) carryGuarded(ctx, guarded, 'kept_at_restore', entry.entityId, tally);
      else targetTrash.insert(entry);
    } else targetTrash.insert(entry);
  }
  const asideMeetings = new MeetingsRepo(aside);
  const marked = new Set(new MinutesRepo(aside).sectionsWithFlags(null).map((s) => s.meetingId));
  const inTrash: CarriedConfidentiality['inTrash'] = [];
  const graph = new GraphRepo(aside);
  for (const id of asideMeetings.ids()) {
    if (targetMeetings.get(id) || !(tally.absent.has(id) || marked.has(id))) continue;
    const m = asideMeetings.get(id)!;
    const dump = graph.dump('meetings', id);
    targetTrash.insert({
      id: ctx.newId(),
      kind: 'meeting',
      entityId: id,
      label: meetingTrashLabel(m),
      detail: describe(dump),
      meetingId: null,
      deletedAt: iso(ctx.now()),
      deletedBy: ctx.user,
      payloadJson: trashPayloadJson(dump),
    });
    inTrash.push({ title: m.title, startsAt: m.startsAt });
  }
  const named = [...tally.meetings].map((id) => targetMeetings.get(id)!).map((m) => ({ title: m.title, startsAt: m.startsAt }));
  const carried = { flags: tally.flags, withheld: tally.withheld, titlesHidden: tally.titlesHidden, meetings: named, inTrash, unreadable: false };
  return { ...carried, message: describeCarried(carried, 'restore') };
}

/**
 * Nothing carried at a restore: there was no data file to keep aside, or (`unreadable`) the one kept aside could not
 * be read, and the officer is told to check.
 */
export function nothingCarried(unreadable: boolean): CarriedConfidentiality {
  const carried = { flags: 0, withheld: 0, titlesHidden: 0, meetings: [], inTrash: [], unreadable };
  return { ...carried, message: describeCarried(carried, 'restore') };
}

/**
 * On the import of a meeting package (inside its transaction): the flags and withheld items of every deleted copy of
 * that meeting kept in the trash, carried into the imported meeting. Throws `unreadable()` when such a copy cannot be
 * read (its flags cannot be known: fail-closed).
 */
export function keepConfidentialityOfTrashedCopies(ctx: ServiceContext, meetingId: string, unreadable: () => Error): CarriedConfidentiality {
  const tally = emptyTally();
  for (const entry of new TrashRepo(ctx.db).meetingEntries(trashKeptSince(ctx.now()), meetingId)) {
    const dump = dumpOfTrashPayload(entry.payloadJson);
    const guarded = dump && guardedInDump(dump);
    if (!guarded) throw unreadable();
    carryGuarded(ctx, guarded, 'kept_from_trash', meetingId, tally);
  }
  const m = new MeetingsRepo(ctx.db).get(meetingId)!;
  const carried = { flags: tally.flags, withheld: tally.withheld, titlesHidden: tally.titlesHidden, meetings: tally.meetings.size ? [{ title: m.title, startsAt: m.startsAt }] : [], inTrash: [], unreadable: false };
  return { ...carried, message: describeCarried(carried, 'import') };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const named = (ms: CarriedConfidentiality['meetings']) => ms.map((m) => `“${m.title}” of ${longDate(meetingDate(m.startsAt))}`).join(', ');

/** What the officer is told, in words: '' when nothing was carried over. */
export function describeCarried(c: Omit<CarriedConfidentiality, 'message'>, after: 'restore' | 'import'): string {
  const out: string[] = [];
  if (c.flags + c.withheld > 0) {
    const what = [c.flags ? count(c.flags, 'flag', 'flags') : '', c.withheld ? count(c.withheld, 'withheld item', 'withheld items') : ''].filter(Boolean).join(' and ');
    const one = c.flags + c.withheld === 1;
    const todo = [
      c.flags ? 'mark the flagged passages again in the minutes (Flags panel: “Flag again”), or lift a flag if its passage may be published' : '',
      c.withheld ? 'publish an item again only if it may be published' : '',
    ]
      .filter(Boolean)
      .join('; ');
    out.push(
      after === 'restore'
        ? `${what} set since this backup ${one ? 'was' : 'were'} kept (${named(c.meetings)}): ${one ? 'its' : 'their'} passages stay out of the public summary. To go on, ${todo}.`
        : `The deleted copy of this meeting in the trash had ${what} that this package does not have: ${one ? 'it was' : 'they were'} kept, so ${one ? 'its' : 'their'} passages stay out of the public summary. To go on, ${todo}.`,
    );
  }
  if (c.titlesHidden > 0) {
    const one = c.titlesHidden === 1;
    out.push(
      `${one ? 'A meeting' : `${c.titlesHidden} meetings`} ${after === 'restore' ? 'set since this backup' : 'of the deleted copy'} to leave withheld items out of the public summary entirely ${one ? 'leaves' : 'leave'} them out again${c.flags + c.withheld > 0 ? '' : ` (${named(c.meetings)})`}: their titles were never public.`,
    );
  }
  if (c.inTrash.length > 0) {
    const one = c.inTrash.length === 1;
    out.push(
      `${named(c.inTrash)}, made since this backup, ${one ? 'is' : 'are'} in the trash, so that ${one ? 'its' : 'their'} flags keep ${one ? 'its' : 'their'} passages out of every other meeting’s public files; restore ${one ? 'it' : 'them'} from the trash if needed.`,
    );
  }
  if (c.unreadable)
    out.push(
      'The data kept aside could not be read, so the flags set and items withheld since this backup could not be kept: check the minutes of every meeting changed since the backup before publishing. Until then publication is on hold: every public file is refused until you release the hold on the Backups page.',
    );
  return out.join(' ');
}

/**
 * A passage another meeting keeps confidential that a meeting's minutes hold, as that meeting's package carries it:
 * the words (only those this meeting holds), the flag's reason, and the first section of the meeting holding them.
 */
interface PassageGuardedElsewhere {
  excerpt: string;
  reason: FlagReason;
  sectionKey: string;
}

/**
 * The passages other meetings' flags guard (flaggedElsewhere: in force, text deleted, marks, the trash) that stand in
 * a meeting's stored sections or its agenda's titles and descriptions, searched as the redaction check searches
 * (figures, dates and names written otherwise too: an audit, 2026-12-07, found those printed on the other machine). On this machine they keep the meeting's public
 * summary from printing them; a package of the meeting carries them, so that a machine holding none of those meetings
 * keeps them out too. Of a passage of several lines only the lines this meeting holds are carried: the others are the
 * other meeting's confidential words, not this one's. Withheld sections count (they may be published later). Throws
 * `unreadable()` when a stored section cannot be read: what it holds cannot be known (fail-closed).
 */
export function guardedElsewhereIn(ctx: ServiceContext, meetingId: string, unreadable: () => Error): PassageGuardedElsewhere[] {
  const elsewhere = flaggedElsewhere(ctx.db, meetingId, ctx.now());
  if (elsewhere.length === 0) return [];
  // Where the words may stand: the minutes, section by section, then the agenda's titles and descriptions (printed in
  // the agenda and the summary; a passage held only there is carried under that item's section).
  const places = [
    ...sectionTextsInOrder(ctx.db, meetingId, unreadable),
    ...new AgendaRepo(ctx.db).listForMeeting(meetingId).map((a) => ({ key: a.id, text: `${a.title}\n${a.description}` })),
  ].map((p) => ({ key: p.key, norm: normaliseForMatch(p.text) }));
  // Every line of every passage searched as the redaction check searches (its figures, dates and names written
  // otherwise too), by one matcher: each place is read once. A hit's id is "passage:line"; its first place is kept.
  const lines = elsewhere.map((passage) => passage.excerpt.split('\n').filter((line) => line.trim() !== ''));
  const matcher = new PassageMatcher(lines.flatMap((ls, p) => ls.map((text, l) => ({ id: `${p}:${l}`, text }))));
  const heldIn = new Map<string, string>();
  for (const place of places) for (const hit of matcher.search(place.norm)) if (!heldIn.has(hit.passageId)) heldIn.set(hit.passageId, place.key);
  const out = new Map<string, PassageGuardedElsewhere>();
  elsewhere.forEach((passage, p) => {
    const held = lines[p]!.flatMap((_, l) => (heldIn.has(`${p}:${l}`) ? [l] : []));
    if (held.length === 0) return;
    const excerpt = held.map((l) => lines[p]![l]!).join('\n');
    if (!out.has(excerpt)) out.set(excerpt, { excerpt, reason: passage.reason, sectionKey: heldIn.get(`${p}:${held[0]!}`)! });
  });
  return [...out.values()];
}

/** The plain text of each stored section of a meeting: opening, the agenda's items, closing, then any other. */
function sectionTextsInOrder(db: Database, meetingId: string, unreadable: () => Error): Array<{ key: string; text: string }> {
  const order = [OPENING_KEY, ...new AgendaRepo(db).listForMeeting(meetingId).map((a) => a.id), CLOSING_KEY];
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  const stored = new MinutesRepo(db).sections(meetingId).sort((a, b) => rank(a.sectionKey) - rank(b.sectionKey) || a.sectionKey.localeCompare(b.sectionKey));
  return stored.map((s) => {
    try {
      return { key: s.sectionKey, text: sectionText(JSON.parse(s.contentJson)) };
    } catch {
      throw unreadable();
    }
  });
}

/** The note of a flag a package brought (the officer reads it in the Flags panel). */
const CARRIED_FROM_PACKAGE_NOTE =
  'Came with the meeting package: another meeting keeps these words confidential. Flag them here too, or lift this flag if they may be published in this meeting.';

/**
 * On the import of a meeting package (inside its transaction): each passage the package carries because another
 * meeting keeps it confidential becomes a flag of the imported meeting IN FORCE WITH ITS MARK MISSING, like the flags
 * carried from a trashed copy (carryGuarded): the public summary is refused wherever the words stand unmarked
 * (unmarkedFlags), the live preview lists it, and the Flags panel offers "Flag again" or "Lift flag". Nothing is made
 * where a flag of the meeting in force already holds the same words. Returns how many flags were made.
 */
export function keepGuardedElsewhereOfPackage(ctx: ServiceContext, meetingId: string, passages: readonly PassageGuardedElsewhere[]): number {
  const flags = new FlagsRepo(ctx.db);
  const meetings = new MeetingsRepo(ctx.db);
  const now = iso(ctx.now());
  let made = 0;
  for (const p of passages) {
    if (p.excerpt.trim() === '') continue;
    if (flags.listForMeeting(meetingId).some((r) => r.retiredAt === null && r.excerpt === p.excerpt)) continue;
    const id = freeFlagId(ctx, flags);
    flags.insert({
      id,
      meetingId,
      sectionKey: p.sectionKey,
      reason: p.reason,
      note: CARRIED_FROM_PACKAGE_NOTE,
      createdBy: ctx.user,
      createdAt: now,
      updatedAt: now,
      retiredAt: null,
      retiredReason: null,
      retiredBy: '',
      unmarkedSince: now,
      excerpt: p.excerpt,
    });
    meetings.recordEvent(meetingId, now, 'flag_kept_from_package', { flagId: id, sectionKey: p.sectionKey });
    made++;
  }
  return made;
}

/**
 * A new id no flag record holds: the package brought records of another machine, whose ids this machine's generator
 * may give again (an existing record must never be overwritten: it may be one a person lifted).
 */
function freeFlagId(ctx: ServiceContext, flags: FlagsRepo): string {
  for (let i = 0; i < 1000; i++) {
    const id = ctx.newId();
    if (!flags.get(id)) return id;
  }
  throw new Error('No free id for a flag record.');
}

/** What the officer is told of the passages a package brought as flags ('' when none). */
export function describeGuardedElsewhere(made: number): string {
  if (made === 0) return '';
  const one = made === 1;
  return (
    `This package brought ${count(made, 'passage', 'passages')} that another meeting keeps confidential and that ${one ? 'stands' : 'stand'} in these minutes: ` +
    `${one ? 'it is a flag' : 'they are flags'} of this meeting now, so ${one ? 'it stays' : 'they stay'} out of the public summary. ` +
    `To go on, flag ${one ? 'it' : 'them'} in the minutes (Flags panel: “Flag again”), or lift the flag if the passage may be published in this meeting.`
  );
}
