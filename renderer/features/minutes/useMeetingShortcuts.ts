import { useEffect } from 'react';
import { matchMeetingShortcut, type MeetingShortcutId } from './meetingShortcuts';
import { useLatest } from '../../ui/useLatest';

/** Listens (capture phase, so it works inside an editor) for the meeting shortcuts and runs the matching handler. */
export function useMeetingShortcuts(handlers: Record<MeetingShortcutId, () => void>, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window) {
  const latest = useLatest(handlers);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const sc = matchMeetingShortcut(e);
      if (!sc) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current[sc]();
    };
    target.addEventListener('keydown', onKey as EventListener, true);
    return () => target.removeEventListener('keydown', onKey as EventListener, true);
  }, [target, latest]);
}
