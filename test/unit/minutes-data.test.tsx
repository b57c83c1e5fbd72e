// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDoc } from '../../shared/editor/doc-model';
import { retryDelayMs, useMinutesData, type MinutesData } from '../../renderer/features/minutes/useMinutesData';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * The minutes page's loading of sections, against a backend whose answer for one section fails while `failing` holds:
 * the section is tried again by itself, at once when it is asked for, and the officer is told once.
 */
const SECTIONS = ['opening', 'a', 'b', 'closing'];
let failing = true;
let asked: string[] = [];
/** Items removed (in another window): their section is not found. */
let gone = new Set<string>();
function backend() {
  const section = (key: string) => ({ key, kind: key === 'opening' || key === 'closing' ? key : 'item', number: '', title: key, content: emptyDoc(), rev: 1, updatedAt: null });
  const answer = (name: string, input: Record<string, unknown>): unknown => {
    switch (name) {
      case 'meetings.get':
        return { meeting: { id: 'm1' }, agenda: [] };
      case 'minutes.outline':
        return {
          minutes: { meetingId: 'm1', status: 'draft', version: 1, updatedAt: null },
          sections: SECTIONS.map((key) => ({ ...section(key), content: undefined, textLength: 0, lines: 1 })),
          live: { meetingId: 'm1', startedAt: null, endedAt: null, currentSection: null, runningSection: null, sections: [], asOf: '2026-01-30T09:00:00.000Z' },
          decisions: [],
          actions: [],
          attendance: { participants: [], summary: { organisationsRepresented: [], counts: { in_person: 0, remote: 0, excused: 0, absent: 0 } } },
        };
      case 'members.list':
        return [];
      case 'body.get':
        return { name: 'Signatory Taskforce' };
      case 'minutes.section': {
        const key = input.sectionKey as string;
        asked.push(key);
        if (key === 'b' && failing) throw new Error('The app’s local server is not answering.');
        if (gone.has(key)) throw new Error('No such item on the agenda.');
        return section(key);
      }
      default:
        return {};
    }
  };
  (window as unknown as { taskforce: unknown }).taskforce = {
    call: async (name: string, input: Record<string, unknown>) => {
      try {
        return { ok: true, value: answer(name, input) };
      } catch (e) {
        return { ok: false, error: { code: 'storage', message: (e as Error).message } };
      }
    },
  };
}

let root: Root | null = null;
const out: { current: MinutesData | null } = { current: null };
const report = vi.fn();
function Probe({ sink }: { sink: (d: MinutesData) => void }) {
  sink(useMinutesData('m1', report));
  return null;
}
beforeEach(() => {
  vi.useFakeTimers();
  failing = true;
  asked = [];
  gone = new Set();
  report.mockClear();
  backend();
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<Probe sink={(d) => (out.current = d)} />));
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.useRealTimers();
});
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const tries = (key: string) => asked.filter((k) => k === key).length;

describe('loading the sections of the minutes', () => {
  it('a section that fails to load is tried again by itself, and the officer is told once', async () => {
    await wait(3000); // the first section, the pause for first keys (none come), then the others
    expect(out.current!.ready).toEqual(new Set(['opening', 'a', 'closing']));
    expect(out.current!.failed).toEqual(new Set(['b']));
    expect(tries('b')).toBe(2); // once, and again a second later
    await wait(retryDelayMs(2) + 100);
    expect(tries('b')).toBe(3);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]![0]).toMatch(/tried again by itself/);
    failing = false;
    await wait(retryDelayMs(3) + 100);
    expect(out.current!.ready.has('b')).toBe(true);
    expect(out.current!.failed.size).toBe(0);
    expect(out.current!.contents.current.has('b')).toBe(true);
    // Loaded: not tried again.
    await wait(60_000);
    expect(tries('b')).toBe(4);
  });

  it('asked for (a jump to it, a click into it), a section that failed is tried again at once', async () => {
    await wait(3000 + retryDelayMs(2) + retryDelayMs(3) + retryDelayMs(4) + 500);
    const before = tries('b');
    expect(before).toBe(5); // the next try is retryDelayMs(5) away
    failing = false;
    act(() => out.current!.bringNear(['b']));
    await wait(50);
    expect(tries('b')).toBe(before + 1);
    expect(out.current!.ready.has('b')).toBe(true);
  });

  it('an item added in another window and removed there before its section loaded here: its section leaves, and is not tried again', async () => {
    failing = false;
    await wait(3000);
    const item = (id: string, number: string) => ({ id, meetingId: 'm1', parentId: null, number, title: `Item ${id}`, forPublication: true, plannedMinutes: 0 }) as never;
    gone = new Set(['n']); // removed there before this window's load of it
    act(() => out.current!.followAgenda([item('a', '1'), item('b', '2'), item('n', '3')]));
    await wait(50);
    expect(out.current!.state!.sections.map((x) => x.key)).toContain('n');
    expect(out.current!.failed.has('n')).toBe(true);
    // The next look finds it removed: nothing of it was loaded or typed here, so its section goes, and so does its failure.
    act(() => out.current!.followAgenda([item('a', '1'), item('b', '2')]));
    await wait(50);
    expect(out.current!.state!.sections.map((x) => x.key)).toEqual(['opening', 'a', 'b', 'closing']);
    expect(out.current!.failed.has('n')).toBe(false);
    const tried = tries('n');
    await wait(120_000);
    expect(tries('n')).toBe(tried);
  });

  it('an item whose section failed to load here, removed in another window: its section leaves, and is not tried again', async () => {
    await wait(3000);
    expect(out.current!.failed).toEqual(new Set(['b']));
    const item = (id: string, number: string) => ({ id, meetingId: 'm1', parentId: null, number, title: `Item ${id}`, forPublication: true, plannedMinutes: 0 }) as never;
    act(() => out.current!.followAgenda([item('a', '1')]));
    await wait(50);
    expect(out.current!.state!.sections.map((x) => x.key)).toEqual(['opening', 'a', 'closing']);
    expect(out.current!.failed.size).toBe(0);
    const tried = tries('b');
    await wait(120_000);
    expect(tries('b')).toBe(tried);
    expect(report).toHaveBeenCalledTimes(1); // the first failure, told before the removal was known
  });

  it('an item removed in another window after its section loaded here keeps its section (its words may be needed)', async () => {
    failing = false;
    await wait(3000);
    const item = (id: string, number: string) => ({ id, meetingId: 'm1', parentId: null, number, title: `Item ${id}`, forPublication: true, plannedMinutes: 0 }) as never;
    act(() => out.current!.followAgenda([item('b', '1')]));
    await wait(50);
    expect(out.current!.state!.sections.map((x) => x.key)).toEqual(['opening', 'b', 'a', 'closing']);
  });

  it('tries again soon at first, then every half minute at most', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15_000, 30_000, 30_000]);
  });
});
