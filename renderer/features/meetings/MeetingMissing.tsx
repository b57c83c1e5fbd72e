import { ID_PATTERN } from '../../../shared/domain/id-pattern';
import { href } from '../../app/router';

/** The backend's own sentence for a meeting it does not have (its not_found), said here for any address naming none. */
const MEETING_MISSING = 'That meeting does not exist (it may have been deleted).';

/**
 * Whether the meeting page's or the minutes page's load failed because its address names no meeting: an id of none
 * (not_found), or a text no id could be — mistyped, or pasted with quotes or markup — which the backend refuses before
 * looking (bad_request, "The meeting must be an id.": a validation message that tells the officer nothing to do).
 * Both are the same to the officer: there is no such meeting.
 */
export function namesNoMeeting(id: string, error: unknown): boolean {
  return !ID_PATTERN.test(id) || (error as { code?: unknown } | null)?.code === 'not_found';
}

/** In place of a page whose address names no meeting: what happened, and the way back to the meetings. */
export function MeetingMissing() {
  return (
    <div className="error-note" role="alert">
      <span>{MEETING_MISSING} </span>
      <a href={href({ name: 'meetings' })}>Go to Meetings</a>
    </div>
  );
}
