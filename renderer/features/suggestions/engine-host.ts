import { SuggestionAnalyser, type SectionRun } from './analysis';
import type { FromEngine, ToEngine } from './engine-protocol';

/** Runs `fn` later, giving it the milliseconds it may take. */
export type Defer = (fn: (budgetMs: number) => void) => void;

/**
 * The engine's message loop, the same in the worker and in the page: a run goes in slices of `budgetMs` (so that a
 * newer run of the same section, or a new context, is taken between slices), and a newer run of a section abandons the
 * older one. Each slice posts the blocks whose suggestions changed.
 */
export function createEngineHost(post: (m: FromEngine) => void, defer: Defer, onTyping?: () => void): (m: ToEngine) => void {
  const analyser = new SuggestionAnalyser();
  const newest = new Map<string, number>();

  const pump = (section: string, generation: number, run: SectionRun) => {
    defer((budgetMs) => {
      if (newest.get(section) !== generation) return;
      const started = performance.now();
      let r;
      try {
        r = run.step(() => performance.now() - started > budgetMs);
      } catch {
        newest.delete(section);
        post({ type: 'failed', section });
        return;
      }
      if (r.changed.length > 0 || r.complete) post({ type: 'result', section, generation, changed: r.changed, complete: r.complete });
      if (!r.complete) pump(section, generation, run);
    });
  };

  return (m) => {
    switch (m.type) {
      case 'context':
        analyser.setContext(m.context);
        return;
      case 'dismissed':
        analyser.setDismissed(m.texts);
        return;
      case 'drop':
        newest.delete(m.section);
        analyser.drop(m.section);
        return;
      case 'typing':
        onTyping?.();
        return;
      case 'run': {
        newest.set(m.section, m.generation);
        const run = analyser.start(m.section, m.blocks, m.texts, m.resend);
        if (!analyser.ready) {
          post({ type: 'result', section: m.section, generation: m.generation, changed: [], complete: true });
          return;
        }
        pump(m.section, m.generation, run);
      }
    }
  };
}

/**
 * How long after the page's last key the engine in its worker may go on (TYPING_PAUSE_MS in idle.ts is the page's
 * own: it places the engine's answer only after a pause of its own). Shorter, so that the answer is ready by then.
 */
export const ENGINE_TYPING_PAUSE_MS = 500;

/**
 * The worker's slices, held while the officer types: its thread is not the page's, but on a machine of two cores it
 * takes one from the page's drawing of each key. The first read of a 10,000-paragraph section (1.6 s of work) made the
 * keys typed meanwhile 27 ms slower at p95 than a bare contenteditable; with the engine off, 24 ms faster (issue 16).
 * `noteKey` is called on the page's 'typing' messages; `defer` runs a slice of `budgetMs` once `pauseMs` have passed
 * since the last key, checked again when the wait ends (a key may have come meanwhile).
 */
export function afterTypingPause(o: {
  now: () => number;
  later: (fn: () => void, ms: number) => void;
  pauseMs: number;
  budgetMs: number;
}): { defer: Defer; noteKey: () => void } {
  let lastKey = Number.NEGATIVE_INFINITY;
  const whenQuiet = (fn: (budgetMs: number) => void) => {
    const left = lastKey + o.pauseMs - o.now();
    if (left > 0) o.later(() => whenQuiet(fn), left);
    else fn(o.budgetMs);
  };
  return {
    defer: (fn) => o.later(() => whenQuiet(fn), 0),
    noteKey: () => (lastKey = o.now()),
  };
}
