import { useCallback, useEffect, useRef } from 'react';
import { api } from '../../api';
import type { ReportError } from '../../ui/errors';

export const PERIODIC_SNAPSHOT_MS = 5 * 60_000;

/**
 * Revisions kept while the meeting runs: every few minutes, one of each section saved since the last round; and one
 * of a section when the meeting leaves it. A failure is reported (the text itself is saved; only the revision is not).
 */
export function useSnapshots(meetingId: string, report: ReportError, periodMs = PERIODIC_SNAPSHOT_MS) {
  const due = useRef(new Set<string>());
  const take = useCallback(
    (sectionKey: string, reason: 'leave' | 'periodic') =>
      api.call('minutes.snapshot', { meetingId, sectionKey, reason }).then(
        () => undefined,
        (e) => report('Keeping a revision of the section', e),
      ),
    [meetingId, report],
  );
  useEffect(() => {
    const t = setInterval(() => {
      for (const key of due.current) void take(key, 'periodic');
      due.current.clear();
    }, periodMs);
    return () => clearInterval(t);
  }, [take, periodMs]);
  /** A save of `key` was acknowledged: it is due for the next periodic revision. */
  const saved = useCallback((key: string) => void due.current.add(key), []);
  const leave = useCallback((key: string) => void take(key, 'leave'), [take]);
  return { saved, leave };
}
