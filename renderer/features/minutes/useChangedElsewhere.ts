import { useEffect, useState } from 'react';
import type { MeetingDetail } from '../../../shared/contract/core';
import type { SectionHead } from '../../../shared/contract/minutes';
import type { AgendaItem } from '../../../shared/domain/agenda';
import { api } from '../../api';
import { useLatest } from '../../ui/useLatest';
import { MEETING_CHANGES, onChangedElsewhere } from '../../window-changes';
import { onComeBack } from './onComeBack';

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
 * polling — when another window of the app says it changed the meeting or its agenda, or what the Trash holds
 * (window-changes.ts: a window side by side is told at once), and when the officer comes back to it (the window
 * regains the focus, or its tab becomes visible: a window of another launch cannot tell it), and says so in the
 * page's notes. For a deletion or a removal nothing is changed on the page: its saves are refused and their words kept
 * as before (autosave.ts); this only says so before the officer types. The meeting as it stands goes to `onDetail`
 * (the page shows items added, moved, renamed, withheld or published there: withFreshAgenda, withFreshOutline).
 * A failed look says nothing (the saves report a host that does not answer). Dismissed, a note stays away until the
 * situation changes.
 */
export function useChangedElsewhere(
  meetingId: string,
  items: readonly ShownItem[],
  /** The meeting and its agenda as they stand, after each look: what changed elsewhere is shown so here at once. */
  onDetail?: (detail: MeetingDetail) => void,
): { note: string | null; dismiss: () => void } {
  const [note, setNote] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const shown = useLatest(items);
  const detailTo = useLatest(onDetail);
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
          detailTo.current?.(detail);
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
    const stopBack = onComeBack(look);
    const stopListening = onChangedElsewhere(MEETING_CHANGES, look);
    return () => {
      alive = false;
      stopListening();
      stopBack();
    };
  }, [meetingId, shown, detailTo]);
  return { note: note !== null && note !== dismissed ? note : null, dismiss: () => setDismissed(note) };
}

/**
 * The page's meeting with its agenda as it now stands (`fresh`: the backend's, after a change in another window): an
 * item withheld, published, renamed, moved or added there is so here, in its switch, its number and in the public
 * preview, which follow the page's agenda. An item removed there stays at the end (its section stays on the page, said
 * by the note, until a reload). The same object comes back when nothing changed (no render, no preview rebuilt, on
 * every focus).
 */
export function withFreshAgenda<T extends { agenda: AgendaItem[] }>(d: T | null, fresh: readonly AgendaItem[]): T | null {
  if (!d) return d;
  const mine = new Map(d.agenda.map((a) => [a.id, a]));
  const freshIds = new Set(fresh.map((a) => a.id));
  const agenda = [...fresh.map((a) => (same(mine.get(a.id), a) ? mine.get(a.id)! : a)), ...d.agenda.filter((a) => !freshIds.has(a.id))];
  return agenda.length === d.agenda.length && agenda.every((a, i) => a === d.agenda[i]) ? d : { ...d, agenda };
}

const same = (a: AgendaItem | undefined, b: AgendaItem) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * The page's sections with the agenda as it now stands: opening, the items in the agenda's order with their number and
 * title as they are now (an item added in another window gets a section, empty until its content is loaded), the items
 * removed there whose section `stays` (by default all: their words may be needed; they stay until a reload), closing,
 * then any orphan. The same array when nothing changed.
 */
export function withFreshOutline(sections: SectionHead[], fresh: readonly AgendaItem[], stays: (key: string) => boolean = () => true): SectionHead[] {
  const items = new Map(sections.filter((s) => s.kind === 'item').map((s) => [s.key, s]));
  const freshIds = new Set(fresh.map((a) => a.id));
  const following = fresh.map((a): SectionHead => {
    const s = items.get(a.id);
    if (!s) return { key: a.id, kind: 'item', number: a.number, title: a.title, rev: 0, updatedAt: null, textLength: 0, lines: 0 };
    return s.number === a.number && s.title === a.title ? s : { ...s, number: a.number, title: a.title };
  });
  const next = [
    ...sections.filter((s) => s.kind === 'opening'),
    ...following,
    ...sections.filter((s) => s.kind === 'item' && !freshIds.has(s.key) && stays(s.key)),
    ...sections.filter((s) => s.kind === 'closing'),
    ...sections.filter((s) => s.kind === 'orphan'),
  ];
  return next.length === sections.length && next.every((s, i) => s === sections[i]) ? sections : next;
}
