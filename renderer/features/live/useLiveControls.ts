import { useCallback, type MutableRefObject } from 'react';
import { withEditor } from '../minutes/editorReady';
import { meetingRunning } from './timing';
import type { MinutesPageState as MinutesState } from '../../../shared/contract/minutes';
import type { LiveState } from '../../../shared/domain/minutes';
import { api } from '../../api';
import type { MinutesEditorHandle } from '../../editor';
import type { ReportError } from '../../ui/errors';

/**
 * Moving through a live meeting: start, next/previous item, an item's timer, end. Leaving a section first saves its
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

  const gotoSection = useCallback(
    async (key: string, focus = true) => {
      const s = stateRef.current;
      const current = s?.live.currentSection;
      if (current && current !== key) {
        await flush(current);
        leave(current);
      }
      if (focus) reveal(key);
      const now = stateRef.current;
      if (meetingRunning(now?.live)) await call('Moving the meeting to the next item', () => api.call('live.goto', { meetingId: id, sectionKey: key }));
      else setCurrentLocally(key);
    },
    [stateRef, flush, leave, reveal, call, id, setCurrentLocally],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      const s = stateRef.current;
      if (!s) return;
      const keys = s.sections.filter((x) => x.kind !== 'orphan').map((x) => x.key);
      const at = s.live.currentSection ? keys.indexOf(s.live.currentSection) : -1;
      const next = keys[Math.min(keys.length - 1, Math.max(0, at + delta))];
      if (next && next !== s.live.currentSection) void gotoSection(next);
    },
    [gotoSection, stateRef],
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
