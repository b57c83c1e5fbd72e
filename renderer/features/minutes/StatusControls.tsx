import { useRef, useState } from 'react';
import type { MinutesInfo } from '../../../shared/domain/minutes';
import { api } from '../../api';
import { ReasonDialog } from '../../ui/Dialog';
import type { ReportError } from '../../ui/errors';

/** What each change of status is called when it did not happen ("The minutes were not …"). */
const NOT_DONE: Record<'circulated' | 'draft' | 'approved', string> = {
  circulated: 'circulated',
  draft: 'taken back to draft',
  approved: 'approved',
};

/** Why a change of status was not made while some words are not stored yet (plain words, for the page). */
function heldBackMessage(status: keyof typeof NOT_DONE, sections: number): string {
  const where = sections === 1 ? 'in one section' : `in ${sections} sections`;
  return `The minutes were not ${NOT_DONE[status]}: some words are not saved yet (${where}). They stay on this page and are tried again by themselves. Try again once the bar says all changes are saved.`;
}

/**
 * The minutes' status buttons: circulate, back to draft, approve, and reopen (asked in the app's own dialog with a
 * reason, which is recorded). Saves everything first; reports failures. Circulate, back to draft and approve do not go
 * ahead while a section's words are not stored (a save failed): the page is told (`onHeld`), and the words stay with
 * their retries. Reopening saves first but is not held back: approved minutes refuse saves, so words refused while
 * they were approved can only be stored once reopened. While the minutes are being approved (their words saved, then
 * the approval sent) the editors are locked (`onApproving`): a word typed in that instant went nowhere but to a
 * refused save, kept on the page until the minutes were reopened.
 */
export function StatusControls(props: {
  meetingId: string;
  minutes: MinutesInfo;
  /** Saves everything now; resolves with how many sections still hold words that are not stored. */
  saveAll: () => Promise<number>;
  onMinutes: (m: MinutesInfo) => void;
  /** Why the last change was not made (null: nothing held back). */
  onHeld: (message: string | null) => void;
  /** The minutes are being approved (true), or no longer (false: approved, held back or failed). */
  onApproving: (approving: boolean) => void;
  report: ReportError;
}) {
  const [asking, setAsking] = useState(false);
  /** A change being made: another click meanwhile does nothing (the buttons stay focusable: no disabled flicker). */
  const busy = useRef(false);
  const { meetingId, minutes } = props;
  const run = async (doing: string, fn: () => Promise<MinutesInfo>, hold?: keyof typeof NOT_DONE) => {
    if (busy.current) return;
    busy.current = true;
    props.onHeld(null);
    const locking = hold === 'approved';
    if (locking) props.onApproving(true);
    try {
      const unsaved = await props.saveAll();
      if (hold && unsaved > 0) props.onHeld(heldBackMessage(hold, unsaved));
      else props.onMinutes(await fn());
    } catch (e) {
      props.report(doing, e);
    } finally {
      busy.current = false;
      if (locking) props.onApproving(false);
    }
  };
  const setStatus = (status: keyof typeof NOT_DONE, doing: string) => run(doing, () => api.call('minutes.setStatus', { meetingId, status }), status);
  return (
    <>
      {minutes.status === 'draft' && (
        <button type="button" onClick={() => setStatus('circulated', 'Circulating the minutes')}>
          Circulate for comments
        </button>
      )}
      {minutes.status === 'circulated' && (
        <>
          <button type="button" onClick={() => setStatus('draft', 'Taking the minutes back to draft')}>
            Back to draft
          </button>
          <button type="button" onClick={() => setStatus('approved', 'Approving the minutes')}>
            Approve minutes
          </button>
        </>
      )}
      {minutes.status === 'approved' && (
        <button type="button" onClick={() => setAsking(true)}>
          Reopen (new version)
        </button>
      )}
      {asking && (
        <ReasonDialog
          title="Reopen the approved minutes?"
          message={`Version ${minutes.version} stays as approved; the minutes become a draft of version ${minutes.version + 1} that can be edited and approved again.`}
          label="Why are they reopened? (recorded in the meeting’s history)"
          confirm="Reopen as a new version"
          onAnswer={(reason) => {
            setAsking(false);
            if (reason) void run('Reopening the minutes', () => api.call('minutes.reopen', { meetingId, reason }));
          }}
        />
      )}
    </>
  );
}
