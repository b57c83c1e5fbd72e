import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, type FlagReason } from '../../../shared/domain/flags-labels';
import { longDate, meetingDate } from '../../../shared/format/zoned';
import type { FlaggedElsewhere } from '../../../shared/redaction/public-model';
import { FlagsRepo } from '../repositories/flags-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { TrashRepo } from '../repositories/trash-repo';

/**
 * The passages every OTHER meeting's flags still guard (in force, or their text deleted there: guardsText), each with
 * that meeting's title and date. A flag keeps its passage out of every public file, whichever meeting's summary it
 * would be printed in: the public summary's check and its blockers (the export and the live preview) take these
 * besides the meeting's own flags, as the public register does. A deleted meeting's flags, kept in the trash with it
 * (it can be restored), count too.
 */
export function flaggedElsewhere(db: Database, meetingId: string): Array<FlaggedElsewhere & { reason: FlagReason }> {
  const meetings = new MeetingsRepo(db);
  const named = new Map<string, string>();
  const nameOf = (id: string) => {
    let name = named.get(id);
    if (name === undefined) {
      const m = meetings.get(id);
      name = m ? `“${m.title}” of ${longDate(meetingDate(m.startsAt))}` : 'another meeting';
      named.set(id, name);
    }
    return name;
  };
  const live = new FlagsRepo(db)
    .listGuardingText()
    .filter((f) => f.meetingId !== meetingId)
    .map((f) => ({ id: f.id, excerpt: f.excerpt, reason: f.reason, meeting: nameOf(f.meetingId) }));
  // A meeting in the trash can be restored with its flags: until it is emptied, they guard their passages too.
  const trashed = new TrashRepo(db)
    .guardingFlags()
    .filter((f) => f.meetingId !== meetingId && typeof f.excerpt === 'string')
    .map((f) => ({ id: f.id, excerpt: f.excerpt, reason: isFlagReason(f.reason) ? f.reason : DEFAULT_FLAG_REASON, meeting: `“${f.label}” (in the trash)` }));
  return [...live, ...trashed];
}

const isFlagReason = (r: string): r is FlagReason => (FLAG_REASONS as readonly string[]).includes(r);
