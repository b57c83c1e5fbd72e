// @vitest-environment jsdom
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MARK_CURRENT_PAUSE_MS, useMarkCurrentOnFocus } from '../../renderer/features/minutes/useMarkCurrentOnFocus';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * A click into a section of a meeting that is not running marks it current, but only once the officer pauses: the
 * whole page's render that follows must not come between the click and the first keys (issue 16).
 */
type Live = { startedAt: string | null; endedAt: string | null; currentSection: string | null };
const notStarted: Live = { startedAt: null, endedAt: null, currentSection: null };
const running: Live = { startedAt: '2026-01-30T09:00:00Z', endedAt: null, currentSection: 'opening' };

let root: Root | null = null;
const page: { onFocus: (key: string) => void } = { onFocus: () => undefined };
const onFocus = (key: string) => page.onFocus(key);
const sections = ['opening', 'item-2', 'item-3', 'item-4'].map((key) => ({ key }));
const stateRef: { current: { live: Live; sections: Array<{ key: string }> } | null } = { current: null };
const marked: string[] = [];

function setCurrentLocally(key: string) {
  marked.push(key);
  stateRef.current = { ...stateRef.current!, live: { ...stateRef.current!.live, currentSection: key } };
}

function Probe() {
  const onFocus = useMarkCurrentOnFocus(stateRef, setCurrentLocally);
  useEffect(() => {
    page.onFocus = onFocus;
  }, [onFocus]);
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
  marked.length = 0;
  stateRef.current = { live: notStarted, sections };
  root = createRoot(document.createElement('div'));
  act(() => root!.render(<Probe />));
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.useRealTimers();
});

const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const key = () => act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'x' })));

describe('a section the officer goes to, in a meeting not running', () => {
  it('is marked current once the officer pauses, not at the click', async () => {
    act(() => onFocus('item-2'));
    await wait(MARK_CURRENT_PAUSE_MS / 2);
    expect(marked).toEqual([]);
    await wait(MARK_CURRENT_PAUSE_MS / 2 + 100);
    expect(marked).toEqual(['item-2']);
  });

  it('waits while the officer types on, and comes in the first pause', async () => {
    act(() => onFocus('item-2'));
    for (let i = 0; i < 6; i++) {
      await wait(MARK_CURRENT_PAUSE_MS / 2);
      key();
    }
    expect(marked).toEqual([]);
    await wait(MARK_CURRENT_PAUSE_MS + 100);
    expect(marked).toEqual(['item-2']);
  });

  it('marks the last of several sections gone to before the pause, once', async () => {
    act(() => onFocus('item-2'));
    await wait(50);
    act(() => onFocus('item-3'));
    await wait(MARK_CURRENT_PAUSE_MS * 3);
    expect(marked).toEqual(['item-3']);
    act(() => onFocus('item-3'));
    await wait(MARK_CURRENT_PAUSE_MS * 3);
    expect(marked).toEqual(['item-3']);
  });

  it('leaves the current item alone once the meeting runs (Next item moves it), even if it started during the wait', async () => {
    act(() => onFocus('item-2'));
    stateRef.current = { live: running, sections };
    await wait(MARK_CURRENT_PAUSE_MS * 3);
    act(() => onFocus('item-4'));
    await wait(MARK_CURRENT_PAUSE_MS * 3);
    expect(marked).toEqual([]);
  });

  it('leaves alone a section no longer on the page (removed, or another meeting opened)', async () => {
    act(() => onFocus('item-4'));
    stateRef.current = { live: notStarted, sections: sections.filter((s) => s.key !== 'item-4') };
    await wait(MARK_CURRENT_PAUSE_MS * 3);
    expect(marked).toEqual([]);
  });

  it('marks nothing after the page has gone', async () => {
    act(() => onFocus('item-2'));
    act(() => root!.unmount());
    root = null;
    await wait(MARK_CURRENT_PAUSE_MS * 3);
    expect(marked).toEqual([]);
  });
});
