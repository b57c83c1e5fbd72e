import { describe, expect, it } from 'vitest';
import { SectionAutosave, type AutosaveStatus } from '../../renderer/features/minutes/autosave';

/** A hand-driven clock: timers fire only when the test advances time. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    timers: {
      set: (fn: () => void, ms: number) => {
        const id = ++seq;
        pending.set(id, { at: now + ms, fn });
        return id;
      },
      clear: (h: unknown) => void pending.delete(h as number),
      now: () => now,
    },
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = [...pending.entries()].filter(([, p]) => p.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        pending.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await flushMicrotasks();
      }
      now = end;
      await flushMicrotasks();
    },
    get now() {
      return now;
    },
  };
}
const flushMicrotasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function setup(opts: { fail?: () => boolean; slow?: boolean } = {}) {
  const clock = fakeTimers();
  let text = '';
  const saves: Array<{ at: number; content: string; baseRev: number }> = [];
  const statuses: AutosaveStatus[] = [];
  let rev = 0;
  let release: (() => void) | null = null;
  const a = new SectionAutosave<string>({
    read: () => text,
    save: async (content, baseRev) => {
      saves.push({ at: clock.now, content, baseRev });
      if (opts.slow) await new Promise<void>((r) => (release = r));
      if (opts.fail?.()) throw new Error('The disk is full. Your change was not saved.');
      return { rev: ++rev, savedAt: `t${clock.now}` };
    },
    onStatus: (s) => statuses.push(s),
    rev: 0,
    timers: clock.timers,
  });
  return {
    a,
    clock,
    saves,
    statuses,
    type: (s: string) => {
      text += s;
      a.changed();
    },
    release: async () => {
      release?.();
      release = null;
      await flushMicrotasks();
    },
  };
}

describe('autosave of a section', () => {
  it('saves 1 s after typing pauses', async () => {
    const s = setup();
    s.type('Decision adopted');
    await s.clock.advance(999);
    expect(s.saves).toHaveLength(0);
    await s.clock.advance(1);
    expect(s.saves).toEqual([{ at: 1000, content: 'Decision adopted', baseRev: 0 }]);
    expect(s.a.current).toMatchObject({ state: 'saved', rev: 1, savedAt: 't1000' });
  });

  it('saves at least every 2 s while typing goes on', async () => {
    const s = setup();
    for (let i = 0; i < 40; i++) {
      s.type('x');
      await s.clock.advance(250);
    }
    const gaps = s.saves.map((v, i) => v.at - (i === 0 ? 0 : s.saves[i - 1]!.at));
    expect(s.saves.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000);
    await s.clock.advance(1000);
    expect(s.saves.at(-1)!.content).toBe('x'.repeat(40));
    expect(s.a.dirty).toBe(false);
  });

  it('keeps one save in flight and saves what was typed meanwhile next, with the acknowledged rev', async () => {
    const s = setup({ slow: true });
    s.type('a');
    await s.clock.advance(1000);
    expect(s.saves).toHaveLength(1);
    s.type('b');
    await s.clock.advance(3000);
    expect(s.saves).toHaveLength(1); // waiting for the first answer
    await s.release();
    await s.clock.advance(2000);
    expect(s.saves.map((v) => [v.content, v.baseRev])).toEqual([
      ['a', 0],
      ['ab', 1],
    ]);
    await s.release();
    expect(s.a.current.state).toBe('saved');
  });

  it('on failure keeps the change, says why, and retries until it is acknowledged', async () => {
    let failing = true;
    const s = setup({ fail: () => failing });
    s.type('Confidential figure');
    await s.clock.advance(1000);
    expect(s.a.current).toMatchObject({ state: 'failed', error: expect.stringMatching(/disk is full/) });
    expect(s.a.dirty).toBe(true);
    await s.clock.advance(2000);
    expect(s.saves.length).toBe(2);
    failing = false;
    await s.clock.advance(10_000);
    expect(s.a.current).toMatchObject({ state: 'saved', error: null });
    expect(s.saves.at(-1)!.content).toBe('Confidential figure');
  });

  it('flush() saves at once and resolves after the acknowledgement', async () => {
    const s = setup();
    s.type('leaving the item');
    await s.a.flush();
    expect(s.saves).toHaveLength(1);
    expect(s.a.dirty).toBe(false);
    await s.a.flush();
    expect(s.saves).toHaveLength(1); // nothing new, nothing written
  });
});
