import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, type FlagReason } from '../../../shared/domain/flags-labels';
import { TRASH_DAYS } from '../../../shared/contract/trash';
import { longDate, meetingDate } from '../../../shared/format/zoned';
import type { FlaggedElsewhere } from '../../../shared/redaction/public-model';
import { flaggedLinkUrls } from '../../../shared/redaction/redact';
import { walkSection } from '../../../shared/redaction/walk';
import { flaggedTexts } from '../../../shared/redaction/flagged-texts';
import { withZonedTimestamps } from '../../../shared/format/timestamps';
import { conventionsOf } from '../export/conventions';
import { BodyRepo } from '../repositories/body-repo';
import { addressForms, LINK_ADDRESS } from '../../../shared/redaction/forbidden';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { CLOSING_KEY, OPENING_KEY } from '../../../shared/redaction/publication';
import { AgendaRepo } from '../repositories/agenda-repo';
import { FlagsRepo } from '../repositories/flags-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { TrashRepo } from '../repositories/trash-repo';

/**
 * The passages every OTHER meeting's flags still guard (every meeting's, when `meetingId` is null: the public
 * register's), each with that meeting's title and date. A flag keeps its passage out of every public file, whichever
 * meeting's summary it would be printed in: the public summary's check and its blockers (the export and the live
 * preview) take these besides the meeting's own flags; the register and the member list take them all. They are:
 * - the recorded words of every flag that still guards text (in force, or its text deleted there: guardsText);
 * - every passage a flag mark covers in that meeting's minutes, and the address of every flagged link: the record
 *   holds one passage, while a mark copied to a second place guards that one too; a passage with timestamps also as
 *   the public summary prints it, in the body's zone (forbiddenPassages does the same for the meeting's own);
 * - the same for a deleted meeting kept in the trash (it can be restored with its flags), until it is emptied or its
 *   30 days are over; not for a copy of a meeting that exists again (imported back): its own flags decide, and the
 *   import carried the trashed copy's guarding flags into them (carry-confidentiality.ts).
 * A mark every flag of which a person lifted guards nothing where nobody can edit it (an item removed from the agenda,
 * its minutes kept; the trash). In an item on its meeting's agenda (or its opening or closing) it guards its words
 * whatever its records say: that meeting's summary hides them, so no other may print them (an audit, 2026-12-07: a
 * flag lifted where a copy of part of its passage was, its mark left on the whole passage in the first item, let
 * another meeting publish the passage). A mark of an unknown flag counts.
 */
export function flaggedElsewhere(db: Database, meetingId: string | null, now: Date): Array<FlaggedElsewhere & { reason: FlagReason }> {
  const meetings = new MeetingsRepo(db);
  // Each meeting read once: its name, or null when it does not exist (any more).
  const named = new Map<string, string | null>();
  const liveName = (id: string) => {
    let name = named.get(id);
    if (name === undefined) {
      const m = meetings.get(id);
      name = m ? `“${m.title}” of ${longDate(meetingDate(m.startsAt))}` : null;
      named.set(id, name);
    }
    return name;
  };
  const nameOf = (id: string) => liveName(id) ?? 'another meeting';
  const other = (id: string) => id !== meetingId;
  const flags = new FlagsRepo(db);
  const trash = new TrashRepo(db);
  const since = trashKeptSince(now);
  const guarding = flags.listGuardingText();
  const trashedFlags = trash.guardingFlags(since).filter((f) => liveName(f.meetingId) === null);
  const reasonOf = new Map<string, FlagReason>([
    ...guarding.map((f): [string, FlagReason] => [f.id, f.reason]),
    ...trashedFlags.map((f): [string, FlagReason] => [f.id, isFlagReason(f.reason) ? f.reason : DEFAULT_FLAG_REASON]),
  ]);
  const lifted = flags.liftedIds();
  for (const id of trash.liftedFlagIds(since)) lifted.add(id);

  const out: Array<FlaggedElsewhere & { reason: FlagReason }> = [];
  const seen = new Set<string>();
  const add = (id: string, excerpt: string, reason: FlagReason, meeting: string) => {
    const key = `${meeting}\u0000${excerpt}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ id, excerpt, reason, meeting });
  };
  for (const f of guarding) if (other(f.meetingId)) add(f.id, f.excerpt, f.reason, nameOf(f.meetingId));
  for (const f of trashedFlags) if (other(f.meetingId)) add(f.id, f.excerpt, reasonOf.get(f.id)!, `“${f.label}” (in the trash)`);

  const fromMarks = (passages: readonly SectionPassage[], meeting: string, editable = false) => {
    for (const { ids, text, link } of passages) {
      if (!editable && ids.every((id) => lifted.has(id))) continue;
      const reason = ids.map((id) => reasonOf.get(id)).find((r) => r !== undefined) ?? DEFAULT_FLAG_REASON;
      add(`${ids.join('+')}${link ? LINK_ADDRESS : ''}`, text, reason, meeting);
    }
  };
  const minutes = new MinutesRepo(db);
  const cache = caches.get(db) ?? new Map<string, Cached>();
  // Rebuilt with the sections read now (and those of the meeting left out, read next time): none kept for good.
  const next = new Map<string, Cached>();
  if (meetingId !== null) for (const [key, v] of cache) if (key.startsWith(`${meetingId}\u0000`)) next.set(key, v);
  const zone = conventionsOf(new BodyRepo(db).get()).timeZone;
  const read = (key: string, stored: string, load: () => string | undefined) => {
    const version = `${stored}\u0000${zone}`;
    let hit = cache.get(key);
    if (!hit || hit.version !== version) hit = { version, passages: sectionPassages(load(), zone) };
    next.set(key, hit);
    return hit.passages;
  };
  // The items on each meeting's agenda, read once.
  const agenda = new AgendaRepo(db);
  const items = new Map<string, Set<string>>();
  const onAgenda = (meeting: string, key: string) => {
    if (key === OPENING_KEY || key === CLOSING_KEY) return true;
    let ids = items.get(meeting);
    if (!ids) items.set(meeting, (ids = new Set(agenda.listForMeeting(meeting).map((r) => r.id))));
    return ids.has(key);
  };
  for (const s of minutes.sectionsWithFlags(meetingId)) {
    const passages = read(`${s.meetingId}\u0000${s.sectionKey}`, s.version, () => minutes.section(s.meetingId, s.sectionKey)?.contentJson);
    fromMarks(passages, nameOf(s.meetingId), onAgenda(s.meetingId, s.sectionKey));
  }
  for (const s of trash.sectionsWithFlags(since)) {
    if (!other(s.meetingId) || liveName(s.meetingId) !== null) continue;
    fromMarks(read(`trash\u0000${s.entryId}\u0000${s.index}`, '', () => s.contentJson), `“${s.label}” (in the trash)`);
  }
  caches.set(db, next);
  return out;
}

/** A passage a flag mark covers in a stored section (its text, or the address of a flagged link), with the mark's flag ids. */
interface SectionPassage {
  ids: readonly string[];
  text: string;
  /** The address of a flagged link (not words of the minutes). */
  link?: true;
}

/**
 * The passages the marks of a stored section cover (flaggedTexts, the check's own source), each also with its
 * timestamps in `zone` where that prints it otherwise (a clock set to another zone typed "[09:02]" where the summary
 * prints "[10:02]"), and its flagged links' addresses. Content the redaction cannot judge gives none here: that
 * meeting's own export refuses it, and says so.
 */
function sectionPassages(contentJson: string | undefined, zone: string): SectionPassage[] {
  if (contentJson === undefined) return [];
  let content: SerializedDoc;
  try {
    content = JSON.parse(contentJson) as SerializedDoc;
  } catch {
    return []; // the column is checked as JSON when written
  }
  try {
    const out: SectionPassage[] = flaggedTexts(content).map((f) => ({ ids: f.ids, text: f.text }));
    const stored = new Set(out.map((p) => p.text));
    // Only a section with a timestamp prints otherwise in the zone (most have none: not walked again).
    if (out.length > 0 && contentJson.includes('"timestamp"'))
      for (const f of flaggedTexts(withZonedTimestamps(content, zone))) if (!stored.has(f.text)) out.push({ ids: f.ids, text: f.text });
    walkSection(content, 'section', (_shape, atoms) => {
      for (const { url, flagIds } of flaggedLinkUrls(atoms)) for (const form of addressForms(url)) out.push({ ids: flagIds, text: form, link: true });
    });
    return out;
  } catch {
    return [];
  }
}

/**
 * The passages of each section read, per database: a section is parsed again only when its version changed (a trash
 * entry never changes). Every summary's export and every minutes page reads all the other meetings' marks.
 */
interface Cached {
  version: string;
  passages: SectionPassage[];
}
const caches = new WeakMap<Database, Map<string, Cached>>();

const isFlagReason = (r: string): r is FlagReason => (FLAG_REASONS as readonly string[]).includes(r);

/** The oldest deletion the trash still keeps (older entries are removed for good when the trash is next listed). */
export function trashKeptSince(now: Date): string {
  return new Date(now.getTime() - TRASH_DAYS * 86_400_000).toISOString();
}

/**
 * Entries of the trash whose kept rows cannot be read: their flags cannot be known, so no public summary is made
 * while one is there (fail-closed; the export says so). Zero in a sound database: the column is checked as JSON.
 */
export function unreadableTrash(db: Database, now: Date): number {
  return new TrashRepo(db).unreadableSince(trashKeptSince(now));
}
