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
  const live = new FlagsRepo(db)
    .listGuardingText()
    .filter((f) => f.meetingId !== meetingId)
    .map((f) => ({ id: f.id, excerpt: f.excerpt, reason: f.reason, meeting: nameOf(f.meetingId) }));
  // A meeting in the trash can be restored with its flags: until it is emptied (or its 30 days are over), they guard
  // their passages too. Not a copy of a meeting that exists again (imported back): its own flags decide.
  const trashed = new TrashRepo(db)
    .guardingFlags(trashKeptSince(now))
    .filter((f) => f.meetingId !== meetingId && liveName(f.meetingId) === null)
    .map((f) => ({ id: f.id, excerpt: f.excerpt, reason: isFlagReason(f.reason) ? f.reason : DEFAULT_FLAG_REASON, meeting: `“${f.label}” (in the trash)` }));
  // The address of a flagged link is kept out of every public file too (forbiddenPassages does so in its own
  // meeting): each flagged link of another meeting's minutes, as a passage of its own.
  const reasonOf = new Map(live.map((f) => [f.id, f.reason]));
  const links: Array<FlaggedElsewhere & { reason: FlagReason }> = [];
  for (const s of new MinutesRepo(db).sectionsWithFlagsAndLinks(meetingId)) {
    let content: unknown;
    try {
      content = JSON.parse(s.contentJson);
    } catch {
      continue; // the column is checked as JSON when written
    }
    try {
      walkSection(content, 'section', (_shape, atoms) => {
        for (const { url, flagIds } of flaggedLinkUrls(atoms)) {
          links.push({ id: flagIds.join('+'), excerpt: url, reason: reasonOf.get(flagIds[0]!) ?? DEFAULT_FLAG_REASON, meeting: nameOf(s.meetingId) });
        }
      });
    } catch {
      // Content the redaction cannot judge: that meeting's own export refuses it, and says so.
    }
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
