import { useState } from 'react';
import type { MinutesInfo } from '../../../shared/domain/minutes';
import { api } from '../../api';
import { ReasonDialog } from '../../ui/Dialog';
import type { ReportError } from '../../ui/errors';

/**
 * The minutes' status buttons: circulate, back to draft, approve, and reopen (asked in the app's own dialog with a
 * reason, which is recorded). Saves everything first; reports failures.
 */
export function StatusControls(props: {
  meetingId: string;
  minutes: MinutesInfo;
  flushAll: () => Promise<void>;
  onMinutes: (m: MinutesInfo) => void;
  report: ReportError;
}) {
  const [asking, setAsking] = useState(false);
  const { meetingId, minutes } = props;
  const run = async (doing: string, fn: () => Promise<MinutesInfo>) => {
    await props.flushAll();
    try {
      props.onMinutes(await fn());
    } catch (e) {
      props.report(doing, e);
    }
  };
  const setStatus = (status: MinutesInfo['status'], doing: string) => run(doing, () => api.call('minutes.setStatus', { meetingId, status }));
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
