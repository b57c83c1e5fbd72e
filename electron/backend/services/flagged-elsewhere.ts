import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, type FlagReason } from '../../../shared/domain/flags-labels';
import { TRASH_DAYS } from '../../../shared/contract/trash';
import { longDate, meetingDate } from '../../../shared/format/zoned';
import type { FlaggedElsewhere } from '../../../shared/redaction/public-model';
import { flaggedLinkUrls } from '../../../shared/redaction/redact';
import { walkSection } from '../../../shared/redaction/walk';
import { FlagsRepo } from '../repositories/flags-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { TrashRepo } from '../repositories/trash-repo';

/**
 * The passages every OTHER meeting's flags still guard (in force, or their text deleted there: guardsText), each with
 * that meeting's title and date. A flag keeps its passage out of every public file, whichever meeting's summary it
 * would be printed in: the public summary's check and its blockers (the export and the live preview) take these
 * besides the meeting's own flags, as the public register does. A deleted meeting's flags, kept in the trash with it
 * (it can be restored), count too.
 */
export function flaggedElsewhere(db: Database, meetingId: string, now: Date): Array<FlaggedElsewhere & { reason: FlagReason }> {
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
  const guarding = new FlagsRepo(db).listGuardingText();
  const live = guarding
    .filter((f) => f.meetingId !== meetingId)
    .map((f) => ({ id: f.id, excerpt: f.excerpt, reason: f.reason, meeting: nameOf(f.meetingId) }));
  // A meeting in the trash can be restored with its flags: until it is emptied (or its 30 days are over), they guard
  // their passages too. Not a copy of a meeting that exists again (imported back): its own flags decide.
  const trash = new TrashRepo(db);
  const since = trashKeptSince(now);
  const trashedFlags = trash.guardingFlags(since).filter((f) => liveName(f.meetingId) === null);
  const trashed = trashedFlags
    .filter((f) => f.meetingId !== meetingId)
    .map((f) => ({ id: f.id, excerpt: f.excerpt, reason: isFlagReason(f.reason) ? f.reason : DEFAULT_FLAG_REASON, meeting: `“${f.label}” (in the trash)` }));
  // The address of a flagged link is kept out of every public file too (forbiddenPassages does so in its own
  // meeting): each flagged link of another meeting's minutes, as a passage of its own, and of a deleted meeting's
  // minutes kept in the trash (restored, the link is flagged again). Not a link whose every flag a person lifted: its
  // mark may remain where nobody can edit it (an item deleted, its minutes kept). A mark of an unknown flag counts.
  const reasonOf = new Map<string, FlagReason>([
    ...guarding.map((f): [string, FlagReason] => [f.id, f.reason]),
    ...trashedFlags.map((f): [string, FlagReason] => [f.id, isFlagReason(f.reason) ? f.reason : DEFAULT_FLAG_REASON]),
  ]);
  const lifted = new FlagsRepo(db).liftedIds();
  for (const id of trash.liftedFlagIds(since)) lifted.add(id);
  const links: Array<FlaggedElsewhere & { reason: FlagReason }> = [];
  const linksOf = (contentJson: string, meeting: string) => {
    let content: unknown;
    try {
      content = JSON.parse(contentJson);
    } catch {
      return; // the column is checked as JSON when written
    }
    try {
      walkSection(content, 'section', (_shape, atoms) => {
        for (const { url, flagIds } of flaggedLinkUrls(atoms)) {
          if (flagIds.every((id) => lifted.has(id))) continue;
          const reason = flagIds.map((id) => reasonOf.get(id)).find((r) => r !== undefined) ?? DEFAULT_FLAG_REASON;
          links.push({ id: flagIds.join('+'), excerpt: url, reason, meeting });
        }
      });
    } catch {
      // Content the redaction cannot judge: that meeting's own export refuses it, and says so.
    }
  };
  for (const s of new MinutesRepo(db).sectionsWithFlagsAndLinks(meetingId)) linksOf(s.contentJson, nameOf(s.meetingId));
  for (const s of trash.sectionsWithFlagsAndLinks(since)) {
    if (s.meetingId !== meetingId && liveName(s.meetingId) === null) linksOf(s.contentJson, `“${s.label}” (in the trash)`);
  }
  return [...live, ...trashed, ...links];
}

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
