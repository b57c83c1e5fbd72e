import { useEffect, useState } from 'react';
import { useLatest } from '../../ui/useLatest';
import { MEETING_CHANGES, onChangedElsewhere } from '../../window-changes';

export const AGENDA_CHANGED_ELSEWHERE = 'This meeting or its agenda was changed in another window.';
export const MEETING_PAGE_DELETED_ELSEWHERE = 'This meeting was deleted in another window. It is in the Trash, from where it can be restored.';

/**
 * The meeting page of a window follows what another window of the app changes in the meeting or its agenda
 * (window-changes.ts): it reads the meeting again at once. Not while the officer has a form of the page open (the
 * meeting's details, an item being edited or added under another): what they are typing stays as it is, and the page
 * says the meeting changed, with a way to show it (`showNow`); it reads it by itself once the form closes.
 */
export function useFollowElsewhere(reload: () => Promise<unknown>, formOpen: boolean): { changed: boolean; showNow: () => void } {
  const [changed, setChanged] = useState(false);
  const held = useLatest(formOpen);
  const again = useLatest(reload);
  useEffect(
    () =>
      onChangedElsewhere(MEETING_CHANGES, () => {
        if (held.current) setChanged(true);
        else void again.current();
      }),
    [held, again],
  );
  // The form closed (saved or cancelled) with a change waiting: shown now.
  useEffect(() => {
    if (!formOpen && changed) void again.current().finally(() => setChanged(false));
  }, [formOpen, changed, again]);
  return {
    changed,
    showNow: () => {
      setChanged(false);
      void again.current();
    },
  };
}
