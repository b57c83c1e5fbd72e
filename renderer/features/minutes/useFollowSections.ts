import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import type { FlagList } from '../../../shared/domain/flags';
import { api } from '../../api';
import { whenPaused, type IdleHandle } from '../suggestions/idle';
import { useLatest } from '../../ui/useLatest';
import { SECTION_CHANGES, onChangedElsewhere } from '../../window-changes';
import { onComeBack } from './onComeBack';

type StoredSection = CallOutput<'minutes.section'>;

/** What a section here is doing when newer words of it come from another window (FollowSections `standing`). */
export type Standing = 'free' | 'busy' | 'unsaved';

const NONE: ReadonlySet<string> = new Set();

/**
 * The sections another window has saved past what this page holds: those whose content this page has loaded (its rev
 * is known here) and whose stored rev is newer. A section not loaded here yet loads its newest words anyway.
 */
export function sectionsBehind(stored: ReadonlyArray<{ key: string; rev: number }>, revOf: (key: string) => number | undefined): string[] {
  return stored.filter((s) => {
    const mine = revOf(s.key);
    return mine !== undefined && s.rev > mine;
  }).map((s) => s.key);
}

export interface FollowSections {
  meetingId: string;
  /** The rev the page's content of a section is at (useMinutesData's `sectionRev`); undefined before it has loaded. */
  revOf: (key: string) => number | undefined;
  /**
   * Whether a section may take newer words now (asked right before `follow`, in the same task): `free` when every word
   * typed here is stored, the caret is not in it and no dialog is about it; `busy` when the caret or a dialog is in it;
   * `unsaved` when words typed here are not stored yet or being stored.
   */
  standing: (key: string) => Standing;
  /** Shows the section as stored (its editor starts again from it, its autosave from its rev). */
  follow: (key: string, section: StoredSection) => void;
  /** The meeting's flag records as stored (useMeetingFlags' `merge`). */
  takeFlags: (list: FlagList) => void;
  /**
   * Runs `fn` when this window's officer pauses typing (by default suggestions/idle.ts `whenPaused`: a second without a
   * key, then an idle moment): the words of another window never hold up a key typed here.
   */
  defer?: (fn: () => void) => IdleHandle;
}

const afterPause = (fn: () => void): IdleHandle => whenPaused(() => fn());

/**
 * A minutes page follows the words and flags saved in another window of the app (window-changes.ts SECTION_CHANGES):
 * on each nudge, and when the officer comes back to the window (a window of another launch of the browser is never
 * nudged), it reads the outline (each section's rev) and the flag records, then each section saved past this
 * page's rev; a section that is `free` is shown as stored — its words, its flag marks, and so the public preview — and
 * one that is not is left as it is:
 * - `unsaved`, words typed here not stored yet (or being stored): their save is refused as a conflict and kept in the
 *   item's History, and the item says so, as before (autosave.ts); nothing here is replaced;
 * - `busy`, the caret in it (an officer about to type) or a dialog about it (a flag being set): it waits, and is looked
 *   at again when the focus moves, so the words do not change under the caret. The sections waiting are given back
 *   (`waiting`): each says so, for what is typed there meanwhile is not saved over the newer words.
 * A look starts, and each section is shown anew, once this window's officer pauses typing (`defer`); one look at a
 * time, and a nudge during a look makes one more after it. A failed look says nothing (only a nudge: the page's own
 * calls report a host that does not answer).
 */
export function useFollowSections(o: FollowSections): { waiting: ReadonlySet<string> } {
  const latest = useLatest(o);
  const { meetingId } = o;
  /** What the page shows of `waiting` (a note in each such section: SectionBlock). */
  const [shown, setShown] = useState<{ meetingId: string; keys: ReadonlySet<string> }>(() => ({ meetingId, keys: new Set() }));
  useEffect(() => {
    let alive = true;
    let looking = false;
    let again = false;
    /** Sections saved elsewhere past this page that were busy when their words came. */
    const waiting = new Set<string>();
    /** The pause waited for (one at a time), cancelled with the page. */
    let gate: IdleHandle | null = null;
    const paused = () => new Promise<void>((resolve) => (gate = (latest.current.defer ?? afterPause)(() => ((gate = null), resolve()))));
    const show = () =>
      setShown((s) => (s.meetingId === meetingId && s.keys.size === waiting.size && [...waiting].every((k) => s.keys.has(k)) ? s : { meetingId, keys: new Set(waiting) }));
    const look = async () => {
      if (looking) return void (again = true);
      looking = true;
      try {
        await paused();
        if (!alive) return;
        const [outline, flags] = await Promise.all([api.call('minutes.outline', { meetingId }), api.call('flags.list', { meetingId })]);
        if (!alive) return;
        latest.current.takeFlags(flags);
        for (const key of sectionsBehind(outline.sections, latest.current.revOf)) {
          const section = await api.call('minutes.section', { meetingId, sectionKey: key });
          if (!alive) return;
          await paused();
          if (!alive) return;
          const mine = latest.current.revOf(key);
          const standing = mine === undefined || section.rev <= mine ? null : latest.current.standing(key);
          if (standing === 'busy') waiting.add(key);
          else waiting.delete(key);
          if (standing === 'free') latest.current.follow(key, section);
        }
      } catch {
        // Only a nudge: the next one, or a reload, shows the newer words.
      } finally {
        if (alive) show();
        looking = false;
        if (again && alive) {
          again = false;
          void look();
        }
      }
    };
    const stop = onChangedElsewhere(SECTION_CHANGES, () => void look());
    // After the focus has moved (focusout comes before it does).
    const onFocusOut = () => {
      if (waiting.size > 0) setTimeout(() => alive && [...waiting].some((k) => latest.current.standing(k) !== 'busy') && void look(), 0);
    };
    // A window of another launch of the browser is never nudged, and one that missed a nudge catches up.
    const stopBack = onComeBack(() => void look());
    document.addEventListener('focusout', onFocusOut);
    return () => {
      alive = false;
      gate?.cancel();
      stop();
      stopBack();
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [meetingId, latest]);
  return { waiting: shown.meetingId === meetingId ? shown.keys : NONE };
}
