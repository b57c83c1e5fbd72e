import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPauseGate, type IdleDeadline, type IdleHandle } from '../../renderer/features/suggestions/idle';

/** A gate on fake timers: `key()` is a keystroke; idle callbacks run 5 ms after they are asked for. */
function gate(pauseMs = 1000) {
  let note: (() => void) | undefined;
  let listens = 0;
  const whenPaused = createPauseGate({
    listen: (n) => {
      listens++;
      note = n;
    },
    now: () => Date.now(),
    idle: (fn: (d: IdleDeadline) => void): IdleHandle => {
      const t = setTimeout(() => fn({ timeRemaining: () => 10 }), 5);
      return { cancel: () => clearTimeout(t) };
    },
    pauseMs,
  });
  return { whenPaused, key: () => note?.(), listens: () => listens };
}

describe('suggestions wait for a pause in typing (nothing of them runs on the page between keys)', () => {
  beforeEach(() => vi.useFakeTimers({ now: 100_000 }));
  afterEach(() => vi.useRealTimers());

  it('runs at once (in the next idle moment) when nobody has typed', () => {
    const g = gate();
    const fn = vi.fn();
    g.whenPaused(fn);
    vi.advanceTimersByTime(4);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('waits until no key has come for the pause, however long the typing lasts', () => {
    const g = gate();
    const fn = vi.fn();
    g.whenPaused(fn); // first use: listens
    g.key();
    g.whenPaused(fn);
    // a key every 300 ms for 5 s: nothing runs (neither the one asked before the keys nor the one asked during them)
    for (let i = 0; i < 17; i++) {
      vi.advanceTimersByTime(300);
      g.key();
    }
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(6); // 1 s after the last key, then the idle moment: both run
    expect(fn).toHaveBeenCalledTimes(2);
    expect(g.listens()).toBe(1);
  });

  it('a key between the pause and the idle moment makes it wait for the next pause', () => {
    const g = gate();
    const fn = vi.fn();
    g.whenPaused(() => undefined);
    g.key();
    g.whenPaused(fn);
    vi.advanceTimersByTime(1000); // pause reached: the idle moment is asked for (5 ms later)
    g.key(); // a key lands before it
    vi.advanceTimersByTime(5);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1); // 1 s after that key, then the idle moment
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('cancel stops it while it waits for the pause and while it waits for the idle moment', () => {
    const g = gate();
    const a = vi.fn();
    const b = vi.fn();
    g.whenPaused(() => undefined);
    g.key();
    g.whenPaused(a).cancel();
    vi.advanceTimersByTime(500);
    const hb = g.whenPaused(b);
    vi.advanceTimersByTime(500); // pause reached for b: its idle moment is pending
    hb.cancel();
    vi.advanceTimersByTime(5000);
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
  });
});
