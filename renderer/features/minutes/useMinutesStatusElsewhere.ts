import { useEffect } from 'react';
import type { MinutesInfo } from '../../../shared/domain/minutes';
import { api } from '../../api';
import { useLatest } from '../../ui/useLatest';
import { onChangedElsewhere } from '../../window-changes';

/**
 * The minutes circulated, approved or reopened in another window of the app (window-changes.ts): this window takes
 * their status and version at once — its editors turn read-only when they are approved, editable again in the new
 * version when they are reopened — instead of learning it from its next save's refusal. Words typed here and not yet
 * stored are kept as ever (`onMinutes` is the page's own handling of a status change: useAutosave resetAll keeps them,
 * and a save refused because the minutes were approved keeps them in the section's History). The last answer wins: a
 * look started earlier never takes back a later one.
 */
export function useMinutesStatusElsewhere(meetingId: string, current: MinutesInfo | null, onMinutes: (m: MinutesInfo) => void): void {
  const shown = useLatest(current);
  const to = useLatest(onMinutes);
  useEffect(() => {
    let alive = true;
    let asked = 0;
    const stop = onChangedElsewhere((call) => {
      if (call !== 'minutes.setStatus' && call !== 'minutes.reopen') return;
      const n = ++asked;
      api.call('minutes.outline', { meetingId }).then(
        ({ minutes }) => {
          const now = shown.current;
          if (!alive || n !== asked || !now) return;
          if (now.status !== minutes.status || now.version !== minutes.version) to.current(minutes);
        },
        // Only a nudge: a save refused meanwhile says the same, and keeps its words.
        () => undefined,
      );
    });
    return () => {
      alive = false;
      stop();
    };
  }, [meetingId, shown, to]);
}
