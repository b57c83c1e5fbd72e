import { useCallback, useEffect, useRef, type MutableRefObject } from 'react';
import { endEditorWaits, withEditor } from '../minutes/editorReady';
import { meetingRunning } from './timing';
import type { MinutesPageState as MinutesState } from '../../../shared/contract/minutes';
import type { LiveState } from '../../../shared/domain/minutes';
import { api } from '../../api';
import type { MinutesEditorHandle } from '../../editor';
import type { ReportError } from '../../ui/errors';

/**
 * Moving through a live meeting: start, next/previous item, an item's timer, end. The caret moves at once; leaving a section saves its
 * words and keeps a revision; the backend moves the timers. Every failure is reported.
 */
export function useLiveControls(o: {
  meetingId: string;
  stateRef: MutableRefObject<MinutesState | null>;
  editors: MutableRefObject<Map<string, MinutesEditorHandle>>;
  setLive: (l: LiveState) => void;
  setCurrentLocally: (key: string) => void;
  flush: (key: string) => Promise<void>;
  flushAll: () => Promise<void>;
  leave: (key: string) => void;
  report: ReportError;
}) {
  const { meetingId: id, stateRef, editors, setLive, setCurrentLocally, flush, flushAll, leave, report } = o;
  // A jump still waiting for a section's editor ends with the page (editorReady.ts).
  useEffect(() => endEditorWaits, []);

  const call = useCallback(
    async (doing: string, fn: () => Promise<LiveState>) => {
      try {
        const l = await fn();
        setLive(l);
        return l;
      } catch (e) {
        report(doing, e);
        return null;
      }
    },
    [setLive, report],
  );

  /** Shows a section with its heading just under the meeting bar (CSS scroll-margin), and puts the caret in it. */
  const reveal = useCallback(
    (key: string) => {
      document.getElementById(`section-${key}`)?.scrollIntoView({ block: 'start' });
      withEditor(editors, key, (h) => h?.focus());
    },
    [editors],
  );

  /**
   * Moves asked for and not yet shown by the meeting's state. The officer may press Next item faster than a move
   * takes (a save, a call, a render): each press counts from where the meeting is going, not from where it still is,
   * and the moves run one after the other, in the order asked. `chain`: the section the meeting was at, then each
   * section asked for since; `at`: where the last finished move of the chain went (the state may not show it yet).
   * A current section the chain does not know (set another way) starts a new chain.
   */
  const moves = useRef<{ chain: Array<string | null>; queue: Promise<void>; at: string | null }>({ chain: [], queue: Promise.resolve(), at: null });

  /** The section the meeting is at, or the last one asked for while the moves there are still on their way. */
  const goingTo = useCallback((): string | null => {
    const now = stateRef.current?.live.currentSection ?? null;
    const { chain } = moves.current;
    return chain.includes(now) ? (chain.at(-1) ?? now) : now;
  }, [stateRef]);

  const gotoSection = useCallback(
    (key: string, focus = true): Promise<void> => {
      const m = moves.current;
      const now = stateRef.current?.live.currentSection ?? null;
      if (!m.chain.includes(now) || m.chain.at(-1) === now) {
        m.chain = [now];
        m.at = null;
      }
      m.chain.push(key);
      // The caret goes to the section at once, at the press: the keys typed next are for it. It used to wait for the
      // section left to be saved (a round trip, more on a busy machine), and a fast typist's next words landed in the
      // item left, cut mid-word (an audit, 2026-12-07). Saving the section left needs no caret in it. A move the
      // backend then refuses leaves the caret where the officer now types (the note says the move failed).
      if (focus) reveal(key);
      const run = m.queue.then(async () => {
        const shown = stateRef.current?.live.currentSection ?? null;
        const current = m.at !== null && m.chain.includes(shown) ? m.at : shown;
        if (current && current !== key) {
          await flush(current);
          leave(current);
        }
        if (meetingRunning(stateRef.current?.live)) {
          if (await call('Moving the meeting to the next item', () => api.call('live.goto', { meetingId: id, sectionKey: key }))) m.at = key;
          else m.chain = [m.at ?? shown]; // refused (the officer is told): later presses count from where it is
        } else {
          setCurrentLocally(key);
          m.at = key;
        }
      });
      m.queue = run.catch(() => undefined);
      return run;
    },
    [stateRef, flush, leave, reveal, call, id, setCurrentLocally],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      const s = stateRef.current;
      if (!s) return;
      const from = goingTo();
      const keys = s.sections.filter((x) => x.kind !== 'orphan').map((x) => x.key);
      const at = from ? keys.indexOf(from) : -1;
      const next = keys[Math.min(keys.length - 1, Math.max(0, at + delta))];
      if (next && next !== from) void gotoSection(next);
    },
    [gotoSection, goingTo, stateRef],
  );

  const toggleTimer = useCallback(
    async (key?: string) => {
      const k = key ?? stateRef.current?.live.currentSection ?? stateRef.current?.sections[0]?.key;
      if (k) await call('Starting or stopping the timer', () => api.call('live.toggleTimer', { meetingId: id, sectionKey: k }));
    },
    [call, id, stateRef],
  );

  const start = useCallback(async () => {
    const l = await call('Starting the meeting', () => api.call('live.start', { meetingId: id }));
    if (l?.currentSection) reveal(l.currentSection);
  }, [call, id, reveal]);

  const end = useCallback(async () => {
    await flushAll();
    await call('Ending the meeting', () => api.call('live.end', { meetingId: id }));
  }, [call, flushAll, id]);

  return { gotoSection, step, toggleTimer, start, end, reveal };
}
