import { describe, expect, it, vi } from 'vitest';
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

function setup(opts: { fail?: () => boolean; slow?: boolean; gone?: () => boolean } = {}) {
  const clock = fakeTimers();
  let text = '';
  const saves: Array<{ at: number; content: string; baseRev: number }> = [];
  const statuses: AutosaveStatus[] = [];
  let rev = 0;
  let release: (() => void) | null = null;
  const a = new SectionAutosave<string>({
    read: () => {
      if (opts.gone?.()) throw new Error('no editor');
      return text;
    },
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

  it('keeps the 2 s bound for edits typed while a slow save runs (counted from when that save read the text)', async () => {
    const s = setup({ slow: true });
    const starts: number[] = [];
    let inFlightSince: number | null = null;
    for (let i = 0; i < 48; i++) {
      s.type('x');
      await s.clock.advance(250);
      if (s.saves.length > starts.length) {
        starts.push(s.saves.at(-1)!.at);
        inFlightSince = s.saves.at(-1)!.at;
      }
      // Each save takes 1.5 s to be acknowledged.
      if (inFlightSince !== null && s.clock.now - inFlightSince >= 1500) {
        inFlightSince = null;
        await s.release();
      }
    }
    expect(starts.length).toBeGreaterThanOrEqual(5);
    expect(starts[0]).toBe(2000);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000);
  });

  it('after a quiet spell, the next edit waits for the 1 s pause again (the 2 s bound starts at that edit)', async () => {
    const s = setup();
    s.type('a');
    await s.clock.advance(1000);
    expect(s.saves.map((v) => v.at)).toEqual([1000]);
    await s.clock.advance(10_000);
    s.type('b');
    await s.clock.advance(999);
    expect(s.saves).toHaveLength(1);
    await s.clock.advance(1);
    expect(s.saves.map((v) => v.at)).toEqual([1000, 12_000]);
    // Typing on from there: saved within 2 s of that first edit.
    for (let i = 0; i < 12; i++) {
      s.type('c');
      await s.clock.advance(250);
    }
    expect(s.saves.map((v) => v.at)).toEqual([1000, 12_000, 14_000]);
  });

  it('retries a failing save with doubling waits of 2, 4, 8 s, then every 15 s, and says the error code', async () => {
    const s = setup({ fail: () => true });
    s.type('x');
    await s.clock.advance(60_000);
    expect(s.saves.map((v) => v.at)).toEqual([1000, 3000, 7000, 15_000, 30_000, 45_000, 60_000]);
    expect(s.a.current).toMatchObject({ state: 'failed', error: 'The disk is full. Your change was not saved.', errorCode: null });
    expect(s.a.dirty).toBe(true);
  });

  it('keeps the backend error code of a failure and clears it once saved', async () => {
    const clock = fakeTimers();
    let fail = true;
    const a = new SectionAutosave<string>({
      read: () => 'x',
      save: async () => {
        if (fail) throw Object.assign(new Error('read only'), { code: 'read_only' });
        return { rev: 5, savedAt: 'now' };
      },
      onStatus: () => {},
      rev: 4,
      timers: clock.timers,
    });
    a.changed();
    await clock.advance(1000);
    expect(a.current).toMatchObject({ state: 'failed', error: 'read only', errorCode: 'read_only' });
    fail = false;
    await clock.advance(2000);
    expect(a.current).toEqual({ state: 'saved', rev: 5, savedAt: 'now', error: null, errorCode: null, errorKept: null });
  });

  it('a refused save says where the backend kept its words (the error details), until a save succeeds', async () => {
    const clock = fakeTimers();
    let answer: Error | null = Object.assign(new Error('changed elsewhere'), { code: 'conflict', details: { kept: 'history', currentRev: 7 } });
    const a = new SectionAutosave<string>({
      read: () => 'x',
      save: async () => {
        if (answer) throw answer;
        return { rev: 8, savedAt: 'now' };
      },
      onStatus: () => {},
      rev: 4,
      timers: clock.timers,
    });
    a.changed();
    await clock.advance(1000);
    expect(a.current).toMatchObject({ state: 'failed', errorCode: 'conflict', errorKept: 'history' });
    // Details of another shape are not taken for a kept copy.
    answer = Object.assign(new Error('approved'), { code: 'read_only', details: { kept: 'somewhere' } });
    await clock.advance(2000);
    expect(a.current).toMatchObject({ state: 'failed', errorCode: 'read_only', errorKept: null });
    // The meeting deleted meanwhile: the words are kept with it in the trash.
    answer = Object.assign(new Error('deleted'), { code: 'not_found', details: { kept: 'history', gone: 'meeting' } });
    await clock.advance(4000);
    expect(a.current).toMatchObject({ state: 'failed', errorCode: 'not_found', errorKept: 'trash' });
    // The data file deleted or replaced under the app: the change went to the recovery folder (Backend.refuseLost).
    answer = Object.assign(new Error('The data file … was deleted or replaced'), { code: 'storage', details: { problem: 'lost', changesFile: '/d/recovery-changes.jsonl' } });
    await clock.advance(8000);
    expect(a.current).toMatchObject({ state: 'failed', errorCode: 'storage', errorKept: 'recovery' });
    answer = null;
    await clock.advance(16000);
    expect(a.current).toMatchObject({ state: 'saved', errorCode: null, errorKept: null });
  });

  it('says every word is kept only while its last refused save, kept in History, read the newest change and none runs', async () => {
    const clock = fakeTimers();
    let kept = true;
    let release: (() => void) | null = null;
    const a = new SectionAutosave<string>({
      read: () => 'x',
      save: async () => {
        await new Promise<void>((r) => (release = r));
        throw Object.assign(new Error('changed elsewhere'), { code: 'conflict', details: kept ? { kept: 'history', currentRev: 7 } : {} });
      },
      onStatus: () => {},
      rev: 4,
      timers: clock.timers,
    });
    expect(a.allKept).toBe(false); // nothing refused
    a.changed();
    await clock.advance(1000);
    expect(a.allKept).toBe(false); // being saved
    release!();
    await flushMicrotasks();
    expect(a.allKept).toBe(true);
    a.changed(); // typed after the refusal: not kept yet
    expect(a.allKept).toBe(false);
    const flushed = a.flush();
    release!();
    await flushed;
    expect(a.allKept).toBe(true);
    // Refused without a kept copy: not kept.
    kept = false;
    a.changed();
    const again = a.flush();
    release!();
    await again;
    expect(a.allKept).toBe(false);
  });

  it('an editor that cannot be read and a thrown non-Error are failed saves, shown and retried (saving does not stop)', async () => {
    const clock = fakeTimers();
    let readFails = true;
    const saved: string[] = [];
    const a = new SectionAutosave<string>({
      read: () => {
        if (readFails) throw new Error('cannot serialise');
        return 'text';
      },
      save: async (c) => {
        saved.push(c);
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error thrown on purpose: what autosave must survive
        if (saved.length === 1) throw 'plain string';
        return { rev: 1, savedAt: 'now' };
      },
      onStatus: () => {},
      rev: 0,
      timers: clock.timers,
    });
    a.changed();
    await clock.advance(1000);
    expect(a.current).toMatchObject({ state: 'failed', error: 'cannot serialise', errorCode: null });
    readFails = false;
    await clock.advance(2000);
    expect(a.current).toMatchObject({ state: 'failed', error: 'plain string' });
    await clock.advance(4000);
    expect(a.current.state).toBe('saved');
    expect(saved).toEqual(['text', 'text']);
  });

  it('reports pending, saving, saved in that order, and pending again for what was typed during a save', async () => {
    const s = setup({ slow: true });
    expect(s.a.current).toEqual({ state: 'saved', savedAt: null, rev: 0, error: null });
    s.type('a');
    s.type('b');
    expect(s.statuses.map((x) => x.state)).toEqual(['pending']);
    await s.clock.advance(1000);
    expect(s.statuses.map((x) => x.state)).toEqual(['pending', 'saving']);
    s.type('c');
    await s.release();
    expect(s.statuses.map((x) => x.state)).toEqual(['pending', 'saving', 'pending']);
    expect(s.a.dirty).toBe(true);
    await s.clock.advance(1000);
    await s.release();
    expect(s.statuses.map((x) => x.state)).toEqual(['pending', 'saving', 'pending', 'saving', 'saved']);
    expect(s.a.current).toMatchObject({ rev: 2, savedAt: 't2000' });
    expect(s.saves.map((v) => v.content)).toEqual(['ab', 'abc']);
  });

  it('flush() while a save runs waits for it, then saves what came after', async () => {
    const s = setup({ slow: true });
    s.type('a');
    await s.clock.advance(1000);
    s.type('b');
    const flushed = s.a.flush();
    let done = false;
    void flushed.then(() => (done = true));
    await s.release();
    expect(done).toBe(false);
    expect(s.saves.map((v) => v.content)).toEqual(['a', 'ab']);
    await s.release();
    await flushed;
    expect(s.a.dirty).toBe(false);
  });

  it('after dispose: no more saves are scheduled, changes are ignored', async () => {
    const s = setup({ slow: true });
    s.type('a');
    await s.clock.advance(1000);
    s.type('b');
    s.a.dispose();
    await s.release();
    s.type('c');
    await s.clock.advance(10_000);
    expect(s.saves.map((v) => v.content)).toEqual(['a']);
    const t = setup();
    t.type('x');
    t.a.dispose();
    await t.clock.advance(10_000);
    expect(t.saves).toEqual([]);
  });

  it('uses 1 s and 2 s by default, and the given idle and max times otherwise', async () => {
    const clock = fakeTimers();
    const at: number[] = [];
    const a = new SectionAutosave<string>({
      read: () => 'x',
      save: async () => {
        at.push(clock.now);
        return { rev: at.length, savedAt: 'now' };
      },
      onStatus: () => {},
      rev: 0,
      idleMs: 300,
      maxMs: 500,
      timers: clock.timers,
    });
    a.changed();
    await clock.advance(300);
    expect(at).toEqual([300]);
    for (let i = 0; i < 6; i++) {
      a.changed();
      await clock.advance(100);
    }
    expect(at).toEqual([300, 800]);
  });

  it('edits typed during a slow save that then stops: saved as soon as it is acknowledged when their 1 s pause has passed', async () => {
    const s = setup({ slow: true });
    s.type('a');
    await s.clock.advance(1000);
    await s.clock.advance(200);
    s.type('b');
    await s.clock.advance(1300);
    expect(s.saves.map((v) => v.at)).toEqual([1000]);
    await s.release();
    await s.clock.advance(0);
    expect(s.saves.map((v) => [v.at, v.content])).toEqual([
      [1000, 'a'],
      [2500, 'ab'],
    ]);
  });

  it('a timer that fires after flush() already saved writes nothing more', async () => {
    const s = setup();
    s.type('a');
    await s.a.flush();
    await s.clock.advance(5000);
    expect(s.saves).toHaveLength(1);
    expect(s.statuses.filter((x) => x.state === 'saving')).toHaveLength(1);
  });

  it('a save rejected with null or a bare value is a failed save, not a crash', async () => {
    const clock = fakeTimers();
    let n = 0;
    const a = new SectionAutosave<string>({
      read: () => 'x',
      save: async () => {
        n++;
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error thrown on purpose: what autosave must survive
        if (n === 1) throw null;
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error thrown on purpose: what autosave must survive
        if (n === 2) throw 42;
        return { rev: 1, savedAt: 'now' };
      },
      onStatus: () => {},
      rev: 0,
      timers: clock.timers,
    });
    a.changed();
    await clock.advance(1000);
    expect(a.current).toMatchObject({ state: 'failed', error: 'null', errorCode: null });
    await clock.advance(2000);
    expect(a.current).toMatchObject({ state: 'failed', error: '42', errorCode: null });
    await clock.advance(4000);
    expect(a.current.state).toBe('saved');
  });

  it('uses the real clock and timers when none are given', async () => {
    vi.useFakeTimers();
    try {
      const saved: number[] = [];
      const a = new SectionAutosave<string>({
        read: () => 'x',
        save: async () => {
          saved.push(Date.now());
          return { rev: 1, savedAt: 'now' };
        },
        onStatus: () => {},
        rev: 0,
      });
      const t0 = Date.now();
      a.changed();
      await vi.advanceTimersByTimeAsync(999);
      expect(saved).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(saved).toEqual([t0 + 1000]);
      a.changed();
      a.dispose();
      await vi.advanceTimersByTimeAsync(5000);
      expect(saved).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});


/**
 * A long section is read for saving a few blocks per task (issue 16): the read is a snapshot taken when the save
 * starts and finished later. What is typed meanwhile is saved next; a flush (leaving, restoring a revision, before
 * unload) finishes the read at once instead of waiting for its slices.
 */
describe('autosave with a read spread over several tasks', () => {
  function slicedSetup() {
    const clock = fakeTimers();
    let text = '';
    const saves: string[] = [];
    const reads: Array<{ snapshot: string; finish: () => void }> = [];
    let hurried = 0;
    const a = new SectionAutosave<string>({
      read: () => {
        const snapshot = text;
        let finish!: () => void;
        const done = new Promise<string>((r) => (finish = () => r(snapshot)));
        reads.push({ snapshot, finish });
        return done;
      },
      hurry: () => {
        hurried++;
        reads.at(-1)?.finish();
      },
      save: async (content) => {
        saves.push(content);
        return { rev: saves.length, savedAt: `t${clock.now}` };
      },
      onStatus: () => {},
      rev: 0,
      timers: clock.timers,
    });
    const type = (s: string) => {
      text += s;
      a.changed();
    };
    return { a, clock, saves, reads, type, hurried: () => hurried };
  }

  it('saves the snapshot the read began with, then what was typed while it was read', async () => {
    const s = slicedSetup();
    s.type('Decision ');
    await s.clock.advance(1000);
    expect(s.reads.map((r) => r.snapshot)).toEqual(['Decision ']);
    expect(s.saves).toEqual([]); // still reading
    s.type('adopted');
    s.reads[0]!.finish();
    await flushMicrotasks();
    expect(s.saves).toEqual(['Decision ']);
    expect(s.a.dirty).toBe(true);
    await s.clock.advance(1000);
    s.reads[1]!.finish();
    await flushMicrotasks();
    expect(s.saves).toEqual(['Decision ', 'Decision adopted']);
    expect(s.a.dirty).toBe(false);
    expect(s.a.current.state).toBe('saved');
  });

  it('flush() finishes a read in progress at once, and then saves what came after it', async () => {
    const s = slicedSetup();
    s.type('Acme ');
    await s.clock.advance(1000);
    s.type('agrees');
    const flushed = s.a.flush();
    expect(s.hurried()).toBeGreaterThan(0);
    await flushed;
    expect(s.saves[0]).toBe('Acme ');
    // The second read began in the flush; it is hurried too when the flush is asked again.
    const again = s.a.flush();
    await flushMicrotasks();
    s.reads.at(-1)!.finish();
    await again;
    expect(s.saves).toEqual(['Acme ', 'Acme agrees']);
    expect(s.a.dirty).toBe(false);
  });
});

/**
 * Leaving the minutes unmounts the editors before the page's own clean-up runs. A flush that waited for the running
 * save before reading found no editor, and the words typed since that save began were lost (seen in Chromium:
 * type, then click "Meetings" at once).
 */
describe('flush() while a save runs, with the editor about to go', () => {
  it('reads what is unsaved at once, and saves it after the running save, even if the editor is gone by then', async () => {
    let gone = false;
    const s = setup({ slow: true, gone: () => gone });
    s.type('Decision ');
    await s.clock.advance(1000);
    expect(s.saves.map((x) => x.content)).toEqual(['Decision ']); // in flight, not yet acknowledged
    s.type('adopted');
    const flushed = s.a.flush();
    gone = true; // the editor unmounts right after
    await s.release();
    await s.release();
    await flushed;
    expect(s.saves.map((x) => x.content)).toEqual(['Decision ', 'Decision adopted']);
    expect(s.a.dirty).toBe(false);
    expect(s.a.current.state).toBe('saved');
  });

  // Audit (2026-12-07): of two flushes during one save, the later read was dropped (the earlier one was sent, and the
  // later words waited for an editor that was gone: "Not saved" until it came back).
  it('two flushes while a save runs, typing between them, the editor gone before the answer: the newer read is saved', async () => {
    let gone = false;
    const s = setup({ slow: true, gone: () => gone });
    s.type('Decision ');
    await s.clock.advance(1000); // the first save runs
    s.type('adopted');
    const hidden = s.a.flush(); // the page hidden: reads "Decision adopted"
    s.type(' unanimously');
    const far = s.a.flush(); // the section's editor going far from view: reads all of it
    gone = true;
    for (let i = 0; i < 3; i++) await s.release();
    await Promise.all([hidden, far]);
    expect(s.saves.map((x) => x.content)).toEqual(['Decision ', 'Decision adopted unanimously']);
    expect({ dirty: s.a.dirty, state: s.a.current.state }).toEqual({ dirty: false, state: 'saved' });
  });

  it('a flush once the editor is gone does not put its failed read in place of the one a flush took before', async () => {
    let gone = false;
    const s = setup({ slow: true, gone: () => gone });
    s.type('Decision ');
    await s.clock.advance(1000);
    s.type('adopted');
    const first = s.a.flush();
    gone = true; // the page's clean-up flushes again, its editors already unmounted
    const second = s.a.flush();
    for (let i = 0; i < 3; i++) await s.release();
    await Promise.all([first, second]);
    expect(s.saves.map((x) => x.content)).toEqual(['Decision ', 'Decision adopted']);
    expect({ dirty: s.a.dirty, state: s.a.current.state }).toEqual({ dirty: false, state: 'saved' });
  });
});
