import { useEffect, useState } from 'react';
import type { AgendaItem } from '../../../shared/domain/agenda';
import { api } from '../../api';
import { useLatest } from '../../ui/useLatest';
import { onChangedElsewhere } from '../../window-changes';

/** An agenda item the page shows as one of the meeting's, by its section key and as the officer reads it. */
export interface ShownItem {
  key: string;
  label: string;
}

export const MEETING_DELETED_ELSEWHERE =
  'This meeting was deleted in another window. Nothing typed here is lost: what this window saves from now on is kept with it in the Trash. Restore the meeting from the Trash to go on with it.';

export function itemsRemovedElsewhere(labels: readonly string[]): string {
  const named = labels.map((l) => `“${l}”`).join(', ');
  const one = labels.length === 1;
  return (
    `${named} ${one ? 'was' : 'were'} removed from the agenda in another window. What you type in ${one ? 'it' : 'them'} is kept in ${one ? 'its' : 'their'} History; ` +
    `restore ${one ? 'it' : 'them'} from the Trash to go on. Reload the page (Ctrl+R) to see the agenda as it now stands.`
  );
}

/**
 * What another window changed under this page: the meeting deleted, or items removed from its agenda. A window that
 * is not typing used to learn it only from its next save's refusal, or a reload. It looks — one `meetings.get`, no
 * polling — when another window of the app says it deleted, removed or restored something (window-changes.ts: a
 * window side by side is told at once), and when the officer comes back to it (the window regains the focus, or its
 * tab becomes visible: a window of another launch cannot tell it), and says so in the page's notes. Nothing is
 * changed on the page: its saves are refused and their words kept as before (autosave.ts); this only says so before
 * the officer types.
 * A failed look says nothing (the saves report a host that does not answer). Dismissed, a note stays away until the
 * situation changes.
 */
export function useChangedElsewhere(
  meetingId: string,
  items: readonly ShownItem[],
  /** The agenda as it stands, after each look: an item withheld or published elsewhere is shown so here at once. */
  onAgenda?: (agenda: AgendaItem[]) => void,
): { note: string | null; dismiss: () => void } {
  const [note, setNote] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const shown = useLatest(items);
  const agendaTo = useLatest(onAgenda);
  useEffect(() => {
    let alive = true;
    // One look at a time (a focus and a visibility change come together); a change announced during a look is looked
    // at once more after it: the look under way may have read the state before that change.
    let looking = false;
    let again = false;
    const look = () => {
      if (looking) return void (again = true);
      looking = true;
      api.call('meetings.get', { id: meetingId }).then(
        (detail) => {
          if (!alive) return;
          const ids = new Set(detail.agenda.map((a) => a.id));
          const gone = shown.current.filter((i) => !ids.has(i.key)).map((i) => i.label);
          setNote(gone.length > 0 ? itemsRemovedElsewhere(gone) : null);
          agendaTo.current?.(detail.agenda);
        },
        (e: unknown) => {
          if (alive && (e as { code?: unknown } | null)?.code === 'not_found') setNote(MEETING_DELETED_ELSEWHERE);
        },
      ).finally(() => {
        looking = false;
        if (again && alive) {
          again = false;
          look();
        }
      });
    };
    const onVisible = () => document.visibilityState === 'visible' && look();
    window.addEventListener('focus', look);
    document.addEventListener('visibilitychange', onVisible);
    const stopListening = onChangedElsewhere(look);
    return () => {
      alive = false;
      stopListening();
      window.removeEventListener('focus', look);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [meetingId, shown, agendaTo]);
  return { note: note !== null && note !== dismissed ? note : null, dismiss: () => setDismissed(note) };
}

/**
 * The page's meeting with the agenda items it shows as they now stand (`fresh`: the backend's, after a change in
 * another window): an item withheld or published there is withheld or published here, in its switch and in the public
 * preview, which follow the page's agenda. Only the items the page has are replaced — one added elsewhere has no
 * section here until a reload, one removed elsewhere stays, said by the note — and the same object comes back when
 * nothing changed (no render, no preview rebuilt, on every focus).
 */
export function withFreshAgenda<T extends { agenda: AgendaItem[] }>(d: T | null, fresh: readonly AgendaItem[]): T | null {
  if (!d) return d;
  const byId = new Map(fresh.map((a) => [a.id, a]));
  let changed = false;
  const agenda = d.agenda.map((a) => {
    const now = byId.get(a.id);
    if (!now || JSON.stringify(now) === JSON.stringify(a)) return a;
    changed = true;
    return now;
  });
  return changed ? { ...d, agenda } : d;
}
