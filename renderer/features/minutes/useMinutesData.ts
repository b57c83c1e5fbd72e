import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '../../../shared/contract/core';
import type { AgendaItem } from '../../../shared/domain/agenda';
import type { MinutesOutline } from '../../../shared/contract/minutes';
import type { Attendance } from '../../../shared/domain/attendance';
import type { ActionItem, Decision } from '../../../shared/domain/decisions';
import type { Organisation } from '../../../shared/domain/members';
import type { LiveState, MinutesInfo } from '../../../shared/domain/minutes';
import { api } from '../../api';
import { bodyNow, loadBody } from '../../app/body';
import { meetingRunning } from '../live/timing';
import { afterFirstKeys } from './firstKeys';
import { canPack, pack, unpack } from './packed';
import { minutesStartCame, takeMinutesStart } from './prefetch';
import type { ReportError } from '../../ui/errors';
import { useLatest } from '../../ui/useLatest';
import { withFreshOutline } from './useChangedElsewhere';

/**
 * Below this many characters of text in the whole meeting, every editor mounts as soon as its section has loaded;
 * above it, an editor mounts when its section comes near the viewport (MinutesSections).
 */
export const SMALL_MEETING_CHARS = 150_000;

/**
 * After the first section has loaded, the others wait for the officer's first keys and a pause in them (firstKeys.ts),
 * or this long when no key comes, or until a section not there yet is asked for (a jump, a scroll in a long meeting).
 */
export const REST_AFTER_MS = 1000;

/**
 * The section a running meeting is at (its minutes are being taken now), else null. Opened during the meeting (a
 * reload, the app restarted), the page loads it right after the first section, as if it were near: it does not wait
 * for a first key or for the other sections, and its editor mounts in a long meeting too (MinutesPage then shows it).
 */
export function sectionNow(outline: Pick<MinutesOutline, 'live'>): string | null {
  return meetingRunning(outline.live) ? outline.live.currentSection : null;
}

/**
 * What the minutes page shows. First the meeting and agenda, the minutes WITHOUT the sections' content
 * (`minutes.outline`: status, live state, records, attendance, each section's size), the members and the body's name,
 * all at once; then each section's content alone (`minutes.section`), one call at a time, the sections near the
 * viewport first, so no section's answer holds up the page's other calls (the host answers one call at a time).
 *
 * A section's content is held once: in `contents` (as its JSON text: a third smaller than the parsed objects, and what
 * Lexical starts from anyway) until its editor mounts, then only by the editor (Lexical's state); in a long meeting, a
 * section far from the viewport is held gzipped in `packed` instead, and unpacked into `contents` when it comes near;
 * if an editor is ever taken down, its content goes back to `contents` (MinutesSections does both). React state holds
 * no content. Refs mirror the state for callbacks that must not re-create on every change (autosave, shortcuts).
 */
export function useMinutesData(id: string, report: ReportError) {
  // Opened directly (a link, a reload), the page's first answers have usually come before its first render (boot.js
  // asked for them while the app's code arrived): then that render shows the outline and mounts the first section's
  // editor at once, instead of "Loading the minutes…" and two more renders, a frame each (issue 16).
  const [early] = useState(() => {
    const came = minutesStartCame(id);
    return came && came.first.key === came.page[1].sections[0]?.key ? came : null;
  });
  const [detail, setDetail] = useState<MeetingDetail | null>(early?.page[0] ?? null);
  const [state, setState] = useState<MinutesOutline | null>(early?.page[1] ?? null);
  const [members, setMembers] = useState<Organisation[]>(early?.page[2] ?? []);
  const [bodyName, setBodyName] = useState(() => bodyNow()?.name ?? '');
  const [loadError, setLoadError] = useState<unknown>(null);
  /** Sections whose content has arrived (their editor may mount). */
  const [ready, setReady] = useState<ReadonlySet<string>>(() => new Set(early ? [early.first.key] : []));
  /** Sections near the viewport, or asked for by a jump (their editor mounts once ready, and stays). */
  const [near, setNear] = useState<ReadonlySet<string>>(() => {
    const now = early ? sectionNow(early.page[1]) : null;
    return new Set(now ? [now] : []);
  });
  /**
   * The rest of the page may start its work: the first section has loaded and the officer has paused after the first keys (or
   * REST_AFTER_MS passed, or another section was asked for). The flags list, the votes and the suggestions wait for it.
   */
  const [rest, setRest] = useState(false);
  /** Sections whose content failed to load: their placeholder says so while they are tried again. */
  const [failed, setFailed] = useState<ReadonlySet<string>>(() => new Set());
  const [firstContents] = useState(() => new Map(early ? [[early.first.key, JSON.stringify(early.first.section.content)]] : []));
  const contents = useRef(firstContents);
  /**
   * Each section's current rev, the one its autosave bases its next save on: that of the content its editor starts
   * from (set when it loads), then of each acknowledged save and of a restore (`sectionSaved`). The one place the page
   * keeps it (the outline's `rev` is as it was when the outline was read). A ref: a save re-renders nothing for it.
   */
  const [firstRevs] = useState(() => new Map(early ? [[early.first.key, early.first.section.rev]] : []));
  const revs = useRef(firstRevs);
  /** Sections far from the viewport in a long meeting: their content's JSON text, gzipped (packed.ts). */
  const packed = useRef(new Map<string, Uint8Array>());
  /** Sections whose content is held as JSON text (or already in an editor): the only ones whose editor may mount. */
  const [held, setHeld] = useState<ReadonlySet<string>>(() => new Set(early ? [early.first.key] : []));
  const unpacking = useRef(new Set<string>());
  const nearRef = useLatest(near);
  const stateRef = useLatest(state);
  const detailRef = useLatest(detail);
  const reportRef = useLatest(report);
  /** Wakes the sections' loading when it waits for the first key and a section not loaded yet is asked for. */
  const wakeRef = useRef<{ wake?: () => void }>({});

  useEffect(() => {
    loadBody().then(
      (b) => setBodyName(b.name),
      (e) => report('Loading the name of the body (for the public preview)', e),
    );
  }, [report]);

  // Another meeting: no section of it has arrived or is near yet (adjusted while rendering, not in the effect).
  const [shownId, setShownId] = useState(id);
  if (id !== shownId) {
    setShownId(id);
    setReady(new Set());
    setNear(new Set());
    setHeld(new Set());
    setRest(false);
    setFailed(new Set());
  }

  useEffect(() => {
    let alive = true;
    const start = takeMinutesStart(id);
    // The first render showed this start's answers: the outline and the first section are in place already.
    const shown = early?.start === start ? early : null;
    if (!shown) {
      contents.current = new Map();
      revs.current = new Map();
      packed.current = new Map();
      unpacking.current = new Set();
    }
    start.page.then(
      ([d, m, orgs]) => {
        if (!alive) return;
        if (!shown) {
          setDetail(d);
          setState(m);
          setMembers(orgs);
          const now = sectionNow(m);
          if (now) setNear((n) => (n.has(now) ? n : new Set(n).add(now)));
        }
        void loadSections(m);
      },
      (e) => alive && setLoadError(e),
    );

    /** Ends a wait of `retryTime` when the page goes. */
    let stopRetryWait = () => {};

    /**
     * One section at a time: the first one near the viewport that has not loaded, else the next in order. A section that
     * failed to load is tried again (retryDelayMs), at once when it is asked for (a jump, a click into it); meanwhile
     * what is typed into it is kept (useTypeAhead).
     */
    async function loadSections(outline: MinutesOutline) {
      const done = new Set<string>();
      const keys = outline.sections.map((s) => s.key);
      const now = sectionNow(outline);
      const wanted = (k: string) => k === now || nearRef.current.has(k);
      /** Sections whose load failed: how many times, and when to try again (Date.now()). */
      const retry = new Map<string, { failures: number; at: number }>();
      const due = (k: string) => (retry.get(k)?.at ?? Infinity) <= Date.now();
      while (alive && (done.size < keys.length || retry.size > 0)) {
        const key =
          keys.find((k) => !done.has(k) && wanted(k)) ??
          keys.find((k) => retry.has(k) && wanted(k) && due(k)) ??
          keys.find((k) => !done.has(k)) ??
          keys.find((k) => retry.has(k) && due(k));
        if (key === undefined) {
          await retryTime(retry, wanted);
          continue;
        }
        done.add(key);
        // Removed in another window before it loaded here (withFreshOutline): nothing to load, nothing to try again.
        if (!inSections(stateRef.current, id, key)) {
          if (retry.delete(key)) setFailed((f) => without(f, key));
          continue;
        }
        // The first section, already shown by the first render: nothing to load or set again.
        const inPlace = shown !== null && done.size === 1 && key === shown.first.key;
        if (!inPlace) try {
          const pre = done.size === 1 ? await start.first.catch(() => null) : null;
          const s = pre?.key === key ? pre.section : await api.call('minutes.section', { meetingId: id, sectionKey: key });
          if (!alive) return;
          const json = JSON.stringify(s.content);
          // A long meeting's sections that are not near (and not the first) are held packed until they come near.
          const small = outline.sections.reduce((n, x) => n + x.textLength, 0) < SMALL_MEETING_CHARS;
          if (canPack && !small && done.size > 1 && !wanted(key)) {
            const bytes = await pack(json);
            if (!alive) return;
            packed.current.set(key, bytes);
          } else {
            contents.current.set(key, json);
            setHeld((h) => new Set(h).add(key));
          }
          // The rev the editor starts from is the one of the content it holds.
          revs.current.set(key, s.rev);
          setReady((r) => new Set(r).add(key));
          if (retry.delete(key)) setFailed((f) => without(f, key));
        } catch (e) {
          // Fail closed: that section stays unopened (its editor does not mount) and the officer is told, once; it is
          // tried again later, and what is typed into it meanwhile is kept for it.
          if (!alive) return;
          if (!inSections(stateRef.current, id, key)) {
            if (retry.delete(key)) setFailed((f) => without(f, key));
            continue;
          }
          const failures = (retry.get(key)?.failures ?? 0) + 1;
          retry.set(key, { failures, at: Date.now() + retryDelayMs(failures) });
          if (failures === 1) {
            setFailed((f) => new Set(f).add(key));
            reportRef.current('Loading the minutes of an item (it is tried again by itself, and what you type into it is kept)', e);
          }
        }
        // Let the page render, and a jump or a scroll that happened meanwhile choose the next section. After the first
        // section, the others wait for the officer's first keys into it and a pause (or REST_AFTER_MS): loading and mounting an
        // editor is a long task on the page's thread, and the first click and keys come before them (issue 16). Then
        // one at a time, each in an idle moment.
        if (done.size === 1 && done.size < keys.length) {
          await nextTask();
          if (!keys.some((k) => !done.has(k) && wanted(k))) await afterFirstKeys(REST_AFTER_MS, wakeRef.current);
          if (alive) setRest(true);
        } else await idle();
      }
      if (alive) setRest(true);
    }
    /** Until the next section is due to be tried again, or one that failed is asked for (it is then tried at once). */
    function retryTime(retry: Map<string, { at: number }>, wanted: (k: string) => boolean): Promise<void> {
      const wait = Math.max(0, Math.min(...[...retry.values()].map((r) => r.at)) - Date.now());
      return new Promise<void>((resolve) => {
        const timer = window.setTimeout(done, wait);
        function done() {
          window.clearTimeout(timer);
          if (wakeRef.current.wake === wake) wakeRef.current.wake = undefined;
          resolve();
        }
        const wake = () =>
          window.setTimeout(() => {
            for (const [k, r] of retry) if (wanted(k)) r.at = 0;
            done();
          }, 0);
        wakeRef.current.wake = wake;
        stopRetryWait = done;
      });
    }
    return () => {
      alive = false;
      stopRetryWait();
    };
    // `early` is the first render's (a constant of this mount).
  }, [id, nearRef, reportRef, early, stateRef]);

  /** Unpacks sections held packed (their editor may then mount); all of them when `keys` is omitted (the preview). */
  const unpackSections = useCallback(
    (keys?: Iterable<string>) => {
      for (const key of keys ?? [...packed.current.keys()]) {
        const bytes = packed.current.get(key);
        if (!bytes || unpacking.current.has(key)) continue;
        unpacking.current.add(key);
        const map = packed.current;
        unpack(bytes).then(
          (json) => {
            unpacking.current.delete(key);
            if (map.get(key) !== bytes) return; // another meeting since, or newer content was put in (`hold`)
            contents.current.set(key, json);
            map.delete(key);
            setHeld((h) => new Set(h).add(key));
          },
          // Fail closed: the section stays unopened (nothing can be typed into it) and the officer is told.
          (e) => reportRef.current('Opening the minutes of a section (reload the page to try again)', e),
        );
      }
    },
    [reportRef],
  );
  /** Puts a section's content (JSON text) where its next editor starts from, in place of anything held packed. */
  const hold = useCallback((key: string, json: string) => {
    packed.current.delete(key);
    contents.current.set(key, json);
    setHeld((h) => (h.has(key) ? h : new Set(h).add(key)));
  }, []);
  // A packed section that comes near is unpacked (then its editor mounts).
  useEffect(() => unpackSections([...near].filter((k) => packed.current.has(k))), [near, ready, unpackSections]);

  /** Marks sections as near (the viewport, a jump): their content loads first and their editor mounts. */
  const bringNear = useCallback((keys: readonly string[]) => {
    setNear((n) => (keys.every((k) => n.has(k)) ? n : new Set([...n, ...keys])));
    wakeRef.current.wake?.();
  }, []);

  /** The meeting whose sections are loaded now (a section that arrives for another is dropped). */
  const loadingFor = useRef<string | null>(id);
  useEffect(() => {
    loadingFor.current = id;
    return () => void (loadingFor.current = null);
  }, [id]);

  /** Still a section of the page (not one removed in another window before it loaded here: withFreshOutline). */
  const inOutline = useCallback((key: string) => inSections(stateRef.current, id, key), [stateRef, id]);

  /**
   * The sections with the agenda as it now stands (another window added, moved or renamed items: useChangedElsewhere):
   * their numbers, titles and order; an added item gets its section, whose content (perhaps typed already in that
   * window) is loaded at once, then its editor mounts as any other's. Failing, it is tried again as the others are.
   */
  const followAgenda = useCallback(
    (fresh: readonly AgendaItem[]) => {
      const before = stateRef.current?.sections;
      if (!before) return;
      const known = new Set(before.map((s) => s.key));
      const onAgenda = new Set(fresh.map((a) => a.id));
      // An item removed in another window keeps its section here once its content has loaded here (its words, perhaps
      // typed here, may be needed: the note says so); one that never loaded here — added there and removed again
      // before this window had it — has nothing here to keep: it goes, and is no longer tried (typed-ahead keys for it
      // are handed to the officer: MinutesSections).
      const stays = (key: string) => revs.current.has(key);
      // The same state when nothing changed: no render of the page on every look (each focus).
      setState((s) => {
        if (!s) return s;
        const sections = withFreshOutline(s.sections, fresh, stays);
        return sections === s.sections ? s : { ...s, sections };
      });
      const leaving = before.filter((s) => s.kind === 'item' && !onAgenda.has(s.key) && !stays(s.key)).map((s) => s.key);
      if (leaving.length > 0) setFailed((f) => (leaving.some((k) => f.has(k)) ? new Set([...f].filter((k) => !leaving.includes(k))) : f));
      const meetingId = id;
      // Loaded once (its rev is then the page's: `revs` only moves forward with its saves).
      const load = (key: string, failures: number) => {
        if (loadingFor.current !== meetingId || revs.current.has(key)) return;
        if (failures > 0 && !inOutline(key)) return;
        api.call('minutes.section', { meetingId, sectionKey: key }).then(
          (s) => {
            if (loadingFor.current !== meetingId || revs.current.has(key)) return;
            contents.current.set(key, JSON.stringify(s.content));
            revs.current.set(key, s.rev);
            setHeld((h) => new Set(h).add(key));
            setReady((r) => new Set(r).add(key));
            if (failures > 0) setFailed((f) => without(f, key));
          },
          (e: unknown) => {
            if (loadingFor.current !== meetingId || !inOutline(key)) return;
            if (failures === 0) {
              setFailed((f) => new Set(f).add(key));
              reportRef.current('Loading the minutes of an item added in another window (it is tried again by itself, and what you type into it is kept)', e);
            }
            window.setTimeout(() => load(key, failures + 1), retryDelayMs(failures + 1));
          },
        );
      };
      for (const a of fresh) if (!known.has(a.id)) load(a.id, 0);
    },
    [id, stateRef, reportRef, inOutline],
  );

  const patch = useCallback((f: (s: MinutesOutline) => MinutesOutline) => setState((s) => (s ? f(s) : s)), []);
  const setLive = useCallback((live: LiveState) => patch((s) => ({ ...s, live })), [patch]);
  /** The attendance as the backend now holds it (after a change here or in another window); the same state when unchanged. */
  const setAttendance = useCallback(
    (attendance: Attendance) => patch((s) => (JSON.stringify(s.attendance) === JSON.stringify(attendance) ? s : { ...s, attendance })),
    [patch],
  );
  /** Moves the current section locally (no meeting running, so no timer moves). */
  const setCurrentLocally = useCallback((key: string) => patch((s) => ({ ...s, live: { ...s.live, currentSection: key } })), [patch]);
  /** The section's current rev (undefined until its content has loaded). */
  const sectionRev = useCallback((key: string): number | undefined => revs.current.get(key), []);
  /** A save of the section was acknowledged (or a revision restored) at `rev`. Only forward: a late answer never takes it back. */
  const sectionSaved = useCallback((key: string, rev: number) => {
    if (rev > (revs.current.get(key) ?? -1)) revs.current.set(key, rev);
  }, []);
  const setMinutes = useCallback((minutes: MinutesInfo) => patch((s) => ({ ...s, minutes })), [patch]);
  const putDecision = useCallback((d: Decision) => patch((s) => ({ ...s, decisions: upsert(s.decisions, d) })), [patch]);
  const putAction = useCallback((a: ActionItem) => patch((s) => ({ ...s, actions: upsert(s.actions, a) })), [patch]);

  return {
    detail,
    setDetail,
    state,
    patch,
    members,
    bodyName,
    loadError,
    stateRef,
    detailRef,
    setLive,
    setCurrentLocally,
    setMinutes,
    sectionRev,
    sectionSaved,
    putDecision,
    putAction,
    followAgenda,
    setAttendance,
    contents,
    packed,
    held,
    unpackSections,
    hold,
    ready,
    failed,
    near,
    bringNear,
    rest,
  };
}

/**
 * How long after its `failures`-th failed load a section is tried again: soon at first (a host restarting, a moment's
 * storage error), then every half minute at most, for as long as the page is open.
 */
export function retryDelayMs(failures: number): number {
  return [1000, 2000, 4000, 8000, 15_000][failures - 1] ?? 30_000;
}

/**
 * Whether `key` is a section of meeting `meetingId`'s outline as the page has it; true while the page has no outline of
 * that meeting yet (just opened, or another meeting's still in state): nothing is then known removed.
 */
function inSections(state: MinutesOutline | null, meetingId: string, key: string): boolean {
  return state && state.minutes.meetingId === meetingId ? state.sections.some((s) => s.key === key) : true;
}

function without(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  next.delete(key);
  return next;
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

export type MinutesData = ReturnType<typeof useMinutesData>;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** An idle moment of the browser (at most 300 ms away). */
function idle(): Promise<void> {
  return typeof window.requestIdleCallback === 'function' ? new Promise<void>((resolve) => window.requestIdleCallback(() => resolve(), { timeout: 300 })) : nextTask();
}
