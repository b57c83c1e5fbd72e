import { useEffect, useState } from 'react';
import type { PublicSummaryOptions } from '../../../shared/contract/exports';
import { api } from '../../api';
import { useLatest } from '../../ui/useLatest';

/**
 * The options the public summary is laid out with (conventions, place and date of issue, draft marking), as the
 * export computes them: fetched while the preview is shown and again when the minutes' status or version changes,
 * so that the preview prints what the DOCX prints. Null until known (the preview then waits for them).
 */
export function usePublicOptions(meetingId: string, visible: boolean, minutesKey: string, onError: (e: unknown) => void): PublicSummaryOptions | null {
  const [options, setOptions] = useState<PublicSummaryOptions | null>(null);
  const fail = useLatest(onError);
  useEffect(() => {
    if (!visible) return;
    let alive = true;
    api.call('exports.publicOptions', { meetingId }).then(
      (o) => alive && setOptions(o),
      (e) => alive && fail.current(e),
    );
    return () => {
      alive = false;
    };
  }, [meetingId, visible, minutesKey, fail]);
  return options;
}
