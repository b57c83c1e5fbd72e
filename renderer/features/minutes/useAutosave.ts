import { startTransition, useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { MinutesPageState as MinutesState } from '../../../shared/contract/minutes';
import type { Flag } from '../../../shared/domain/flags';
import { callPrepared, onTokenRenewed } from '../../api';
import { useConfirm } from '../../ui/Dialog';
import type { ReportError } from '../../ui/errors';
import type { MinutesEditorHandle, SavedForm, SlicedRead } from '../../editor';
import { SectionAutosave, type AutosaveStatus } from './autosave';
import { guardLeaving } from './leaveGuard';
import { useLatest } from '../../ui/useLatest';

/**
 * Which page sends a save (random, one per page load): a save committed whose answer was lost does not leave the next
 * save of this page in conflict (MinutesService.answerLost). getRandomValues: available in every context the app runs in.
 */
const PAGE_WRITER = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

/** What a save sends, read at one moment. */
type SaveRead = { content: SavedForm; liftedByUndo: string[] };

/**
 * The autosave path of the minutes page: one SectionAutosave per section, made on first change. Only a real change
 * of an editable section starts one — loading, approved minutes and sections of removed items save nothing.
 * `saved(key)` hears about every acknowledged save (the periodic revision uses it).
 *
 * A section's current rev has one home, kept by the page's data (useMinutesData): `revOf` reads it, and each
 * acknowledged save writes its rev there (`revSaved`). A SectionAutosave made later (after a status change, a restore)
 * starts from it. One that started from the rev the page loaded would base its saves on a rev the backend has moved
 * past: every one of them refused as a conflict, and every word typed after it unsaved.
 */
export function useAutosave(o: {
  meetingId: string;
  stateRef: MutableRefObject<MinutesState | null>;
  editors: MutableRefObject<Map<string, MinutesEditorHandle>>;
  saved: (key: string) => void;
  /**
   * The section's current rev and where each acknowledged save's rev goes (useMinutesData's `sectionRev` and
   * `sectionSaved`; the page passes both). Without them a SectionAutosave starts from the outline's rev.
   */
  revOf?: (key: string) => number | undefined;
  revSaved?: (key: string, rev: number) => void;
  report: ReportError;
  /** Flags (they travel with the save): the records each acknowledged save changed. */
  flagsSaved: (changed: Flag[]) => void;
}) {
  const { meetingId: id, stateRef, editors } = o;
  const [statuses, setStatuses] = useState<Record<string, AutosaveStatus>>({});
  const autosaves = useRef(new Map<string, SectionAutosave<SaveRead>>());
  const latest = useLatest(o);

  const autosaveOf = useCallback(
    (key: string) => {
      let a = autosaves.current.get(key);
      if (!a) {
        const section = stateRef.current?.sections.find((s) => s.key === key);
        let reading: SlicedRead<SavedForm> | null = null;
        a = new SectionAutosave<SaveRead>({
          rev: latest.current.revOf?.(key) ?? section?.rev ?? 0,
          // The content and the flags lifted by undo are taken at the same moment: a lift reported with content
          // that still holds its mark (or the reverse) would be recorded wrongly.
          read: () => {
            const handle = editors.current.get(key)!;
            const liftedByUndo = handle.liftedByUndo();
            reading = handle.readForSave();
            return reading.result.then((content) => ({ content, liftedByUndo }));
          },
          hurry: () => reading?.finishNow(),
          save: async ({ content, liftedByUndo }, baseRev) => {
            // The flags travel with the save: the backend derives the records from the marks in `content`, in the
            // same transaction. Only marks removed by undoing a flagging are reported as lifted.
            const handle = editors.current.get(key);
            const rest = { meetingId: id, sectionKey: key, baseRev, writer: PAGE_WRITER, ...(liftedByUndo.length ? { liftedByUndo } : {}) };
            // The content's JSON was made with it, slice by slice: the request carries it as it is (no copy now).
            const json = new Blob(['{"content":', content.json, ',', JSON.stringify(rest).slice(1)]);
            const ack = await callPrepared('minutes.saveSection', { ...rest, content: content.doc }, json);
            latest.current.revSaved?.(key, ack.rev);
            latest.current.saved(key);
            handle?.acknowledgeLiftedByUndo(liftedByUndo);
            latest.current.flagsSaved(ack.flags);
            return ack;
          },
          // Not urgent (issue 16): the first key after a save turns "Saved" into "Unsaved", and that re-render of the
          // page must not hold back the key's own paint; shown a frame later, interruptible by the next key.
          onStatus: (s) => startTransition(() => setStatuses((old) => ({ ...old, [key]: s }))),
        });
        autosaves.current.set(key, a);
      }
      return a;
    },
    [id, stateRef, editors, latest],
  );

  /**
   * The editor of `key` changed. Ignored where nothing may be saved (approved minutes, a removed item) once its editor
   * is read-only. Until then the change is the officer's: in the instant between another window's approval (or removal
   * of the item) reaching this page and the editor turning read-only, a key still lands in it, and its words are sent,
   * refused and kept in the section's History, and the officer told, rather than dropped (an audit, 2026-12-07).
   */
  const changed = useCallback(
    (key: string) => {
      const s = stateRef.current;
      const section = s?.sections.find((x) => x.key === key);
      if (!s || !section) return;
      const locked = s.minutes.status === 'approved' || section.kind === 'orphan';
      if (locked && editors.current.get(key)?.getEditor().isEditable() !== true) return;
      autosaveOf(key).changed();
    },
    [autosaveOf, stateRef, editors],
  );

  const flush = useCallback(async (key: string) => {
    await autosaves.current.get(key)?.flush();
  }, []);

  const flushAll = useCallback(async () => {
    await Promise.all([...autosaves.current.values()].map((a) => a.flush()));
  }, []);

  /**
   * Saves everything now, and says how many sections still hold words that are not stored (a save failed: it keeps
   * them and retries on its own). Words typed while the first saves ran are saved too before the count.
   */
  const saveAll = useCallback(async (): Promise<number> => {
    const unsaved = () => [...autosaves.current.values()].filter((a) => a.dirty || a.current.state === 'failed');
    await flushAll();
    await Promise.all(unsaved().filter((a) => a.current.state !== 'failed').map((a) => a.flush()));
    return unsaved().length;
  }, [flushAll]);

  /** Saves one section now (and what was typed while it saved); false when some of its words are still not stored. */
  const saveSection = useCallback(async (key: string): Promise<boolean> => {
    const a = autosaves.current.get(key);
    if (!a) return true;
    await a.flush();
    if (a.dirty && a.current.state !== 'failed') await a.flush();
    return !(a.dirty || a.current.state === 'failed');
  }, []);

  /** Every word of the section is stored: nothing typed waits, none is being saved, no save failed. */
  const settled = useCallback((key: string): boolean => {
    const a = autosaves.current.get(key);
    return !a || (!a.dirty && a.current.state === 'saved');
  }, []);

  /** Every word typed into the section is kept by the backend, though refused (SectionAutosave.allKept). */
  const allKept = useCallback((key: string): boolean => autosaves.current.get(key)?.allKept ?? false, []);

  /** Forget a section's autosave (its content was replaced from outside, e.g. a restored revision). */
  const reset = useCallback((key: string) => {
    autosaves.current.get(key)?.dispose();
    autosaves.current.delete(key);
    setStatuses(({ [key]: _gone, ...rest }) => rest);
  }, []);

  /**
   * After a status change: every section whose words are all stored starts clean. One that still holds unsaved words
   * (typed while the change was made, or refused while the minutes were approved) keeps them, its state and its
   * retries, and tries at once: dropping it would drop the words.
   */
  const resetAll = useCallback(() => {
    const gone: string[] = [];
    for (const [key, a] of autosaves.current) {
      if (a.dirty || a.current.state === 'failed') {
        void a.flush();
        continue;
      }
      a.dispose();
      autosaves.current.delete(key);
      gone.push(key);
    }
    setStatuses((old) => Object.fromEntries(Object.entries(old).filter(([key]) => !gone.includes(key))));
  }, []);

  // Never leave with unsaved words: flush on hide, warn on unload while something is unsaved.
  useEffect(() => {
    const onHide = () => void flushAll();
    const onUnload = (e: BeforeUnloadEvent) => {
      if ([...autosaves.current.values()].some((a) => a.dirty)) {
        void flushAll();
        e.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onUnload);
    const all = autosaves.current;
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onUnload);
      void flushAll();
      for (const a of all.values()) a.dispose();
    };
  }, [flushAll]);

  // The browser host was started again and this page has taken its new token (transport.ts): what failed for want of
  // it is saved now, not at the next retry of its backoff (up to 15 s).
  useEffect(
    () =>
      onTokenRenewed(() => {
        for (const a of autosaves.current.values()) if (a.current.state === 'failed') void a.flush();
      }),
    [],
  );

  // Leaving for another page of the app (a link, the top bar's search box, the browser's Back or Forward) while some
  // words are not stored: they are saved first, then the page is left. If a save fails, the officer is asked in the
  // app's dialog, and stays unless they choose otherwise: on this page the words are kept and retried. (The clean-up
  // above tries once, then they are gone with the editor.) leaveGuard.ts holds every way out.
  const [leaveDialog, ask] = useConfirm();
  useEffect(() => {
    let asking = false;
    return guardLeaving({
      route: { name: 'minutes', id },
      ask: () => {
        if (![...autosaves.current.values()].some((a) => a.dirty || a.current.state === 'failed')) return null;
        // Asked already (a second Back while the dialog is open): that question decides.
        if (asking) return Promise.resolve(false);
        asking = true;
        return (async () => {
          try {
            const left = await saveAll();
            return (
              left === 0 ||
              (await ask({
                title: 'Leave the minutes with words not saved?',
                message: `Some words ${left === 1 ? 'in one section' : `in ${left} sections`} could not be saved yet. On this page they are kept and tried again by themselves; if you leave now, they are lost. To keep them elsewhere, stay and copy them first.`,
                confirm: 'Leave without them',
                cancel: 'Stay on the minutes',
                danger: true,
                cancelByDefault: true,
              }))
            );
          } finally {
            asking = false;
          }
        })();
      },
    });
  }, [id, saveAll, ask]);

  return { statuses, changed, flush, flushAll, saveAll, saveSection, settled, allKept, reset, resetAll, leaveDialog };
}
