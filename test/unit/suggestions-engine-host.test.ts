import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterTypingPause, createEngineHost } from '../../renderer/features/suggestions/engine-host';
import type { FromEngine } from '../../renderer/features/suggestions/engine-protocol';
import type { SuggestionContext } from '../../shared/suggestions';

/**
 * The engine's message loop (the same in the Web Worker and in the page's fallback), driven by hand: `defer` queues
 * the slices and the test runs them, so the order of messages and slices is exact.
 */
const CONTEXT: SuggestionContext = {
  organisations: [{ name: 'Mistral AI', shortName: 'Mistral' }],
  people: ['Camille Laurent'],
  sensitiveTerms: [],
  dismissed: [],
  referenceDate: '2026-01-30',
};
const NAMED = 'Mistral AI reported on its partnerships.';
const FOLLOW = 'It was negotiating a contract with a French retailer.';
const MAIL = 'Write to camille.laurent@example.org today.';

function harness(budget = 1000) {
  const posted: FromEngine[] = [];
  const slices: Array<(budgetMs: number) => void> = [];
  const send = createEngineHost(
    (m) => posted.push(m),
    (fn) => slices.push(fn),
  );
  const drain = () => {
    while (slices.length > 0) slices.shift()!(budget);
  };
  return { posted, send, drain, slices };
}

describe('the suggestion engine host', () => {
  it('answers a run with the blocks that have suggestions, once complete', () => {
    const h = harness();
    h.send({ type: 'context', context: CONTEXT });
    h.send({ type: 'run', section: 's', generation: 1, blocks: [1, 2, 3], texts: [[1, NAMED], [2, FOLLOW], [3, MAIL]], resend: false });
    expect(h.posted).toEqual([]); // nothing before its slice runs
    h.drain();
    expect(h.posted).toHaveLength(1);
    const r = h.posted[0]!;
    expect(r.type === 'result' && r.complete && r.changed.map(([id, s]) => [id, s.map((x) => x.text)])).toEqual([
      [2, [FOLLOW]],
      [3, ['camille.laurent@example.org']],
    ]);
  });

  it('a newer run of a section replaces an older one not yet read; another section is not affected', () => {
    const h = harness();
    h.send({ type: 'context', context: CONTEXT });
    h.send({ type: 'run', section: 's', generation: 1, blocks: [1], texts: [[1, MAIL]], resend: false });
    h.send({ type: 'run', section: 't', generation: 1, blocks: [5], texts: [[5, MAIL]], resend: false });
    h.send({ type: 'run', section: 's', generation: 2, blocks: [2], texts: [[2, 'Nothing to see.']], resend: false });
    h.drain();
    expect(h.posted.map((m) => (m.type === 'result' ? [m.section, m.generation, m.changed.map(([id]) => id)] : m.type))).toEqual([
      ['t', 1, [5]],
      ['s', 2, []],
    ]);
  });

  it('reads a long section in slices, posting what it found in each', () => {
    const h = harness(-1); // no time at all: one block the engine has not seen per slice
    h.send({ type: 'context', context: CONTEXT });
    h.send({ type: 'run', section: 's', generation: 1, blocks: [1, 2, 3], texts: [[1, MAIL], [2, 'Nothing.'], [3, MAIL.replace('today', 'now')]], resend: false });
    h.drain();
    const results = h.posted.filter((m) => m.type === 'result');
    expect(results.length).toBeGreaterThan(1);
    expect(results.at(-1)!.type === 'result' && results.at(-1)!.complete).toBe(true);
    expect(results.flatMap((m) => (m.type === 'result' ? m.changed.map(([id]) => id) : []))).toEqual([1, 3]);
  });

  it('before it has a context, a run is answered empty and complete (the page sends the context first)', () => {
    const h = harness();
    h.send({ type: 'run', section: 's', generation: 1, blocks: [1], texts: [[1, MAIL]], resend: false });
    expect(h.posted).toEqual([{ type: 'result', section: 's', generation: 1, changed: [], complete: true }]);
  });

  it('a dropped section is forgotten: a pending run of it posts nothing', () => {
    const h = harness();
    h.send({ type: 'context', context: CONTEXT });
    h.send({ type: 'run', section: 's', generation: 1, blocks: [1], texts: [[1, MAIL]], resend: false });
    h.send({ type: 'drop', section: 's' });
    h.drain();
    expect(h.posted).toEqual([]);
  });
});

describe('the worker’s slices while the officer types', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());
  const c = { now: () => Date.now(), advance: (ms: number) => vi.advanceTimersByTime(ms) };

  it('runs a slice at once when no key came, and only after a pause in typing when keys come', () => {
    const slices = afterTypingPause({ now: c.now, pauseMs: 500, budgetMs: 50 });
    const ran: number[] = [];
    slices.defer((budget) => ran.push(budget));
    c.advance(0);
    expect(ran).toEqual([50]);

    slices.noteKey(); // t = 0
    slices.defer(() => ran.push(c.now()));
    c.advance(300);
    slices.noteKey(); // t = 300: still typing
    c.advance(400); // t = 700: 400 ms after the last key
    expect(ran).toEqual([50]);
    c.advance(100); // t = 800: 500 ms after it
    expect(ran).toEqual([50, 800]);
  });

  it('a key noted before any slice was asked for counts too', () => {
    const slices = afterTypingPause({ now: c.now, pauseMs: 500, budgetMs: 50 });
    slices.noteKey(); // t = 0, before the first slice (the model's first read)
    const ran: number[] = [];
    slices.defer(() => ran.push(c.now()));
    c.advance(499);
    expect(ran).toEqual([]);
    c.advance(1);
    expect(ran).toEqual([500]);
  });

  it('the engine hears of typing from the page', () => {
    const keys: number[] = [];
    const send = createEngineHost(
      () => undefined,
      () => undefined,
      () => keys.push(1),
    );
    send({ type: 'typing' });
    send({ type: 'typing' });
    expect(keys).toHaveLength(2);
  });
});
