import { useEffect, useState } from 'react';
import type { LiveState } from '../../../shared/domain/minutes';
import { meetingRunning } from './timing';

/**
 * Elapsed seconds per section, counted on from the backend's `asOf` so the clock ticks without a call per second.
 * The backend stays the source of truth: every live call returns fresh figures.
 */
export function useLiveClock(live: LiveState | undefined): { elapsed: (key: string) => number; meetingSeconds: number; now: number } {
  const [now, setNow] = useState(() => Date.now());
  const running = live?.runningSection ?? null;
  const ticking = meetingRunning(live);
  useEffect(() => {
    // Every second while the meeting runs; once a minute otherwise, for the projected end (shown to the minute).
    const t = setInterval(() => setNow(Date.now()), ticking ? 1000 : 60_000);
    return () => clearInterval(t);
  }, [ticking]);
  const drift = live ? Math.max(0, Math.floor((now - Date.parse(live.asOf)) / 1000)) : 0;
  const bySection = new Map(live?.sections.map((s) => [s.key, s.elapsedSeconds]) ?? []);
  const elapsed = (key: string) => (bySection.get(key) ?? 0) + (running === key ? drift : 0);
  let meetingSeconds = 0;
  if (live?.startedAt) {
    const end = live.endedAt ? Date.parse(live.endedAt) : now;
    meetingSeconds = Math.max(0, Math.floor((end - Date.parse(live.startedAt)) / 1000));
  }
  return { elapsed, meetingSeconds, now };
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}
