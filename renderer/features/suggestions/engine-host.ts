import { SuggestionAnalyser, type SectionRun } from './analysis';
import type { FromEngine, ToEngine } from './engine-protocol';
import { createPauseGate } from './idle';

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
 * The worker's slices, held while the officer types: its thread is not the page's, but on a machine of two cores it
 * takes one from the page's drawing of each key. The first read of a 10,000-paragraph section (1.6 s of work) made the
 * keys typed meanwhile 27 ms slower at p95 than a bare contenteditable; with the engine off, 24 ms faster (issue 16).
 * The page's own pause gate (idle.ts createPauseGate), fed by the page's 'typing' messages (`noteKey`) instead of key
 * events: `defer` runs a slice of `budgetMs`, in a task of its own, once `pauseMs` have passed since the last key. A
 * worker has no idle callbacks, and needs none: its thread is the engine's alone, so the pause is the moment.
 */
export function afterTypingPause(o: { now: () => number; pauseMs: number; budgetMs: number }): { defer: Defer; noteKey: () => void } {
  let note: () => void = () => undefined;
  const whenPaused = createPauseGate({
    listen: (n) => (note = n),
    now: o.now,
    idle: (fn) => (fn({ timeRemaining: () => o.budgetMs }), { cancel: () => undefined }),
    pauseMs: o.pauseMs,
  });
  // The gate starts listening on its first use: now, so that a key noted before the first slice counts.
  whenPaused(() => undefined).cancel();
  return { defer: (fn) => void setTimeout(() => whenPaused((d) => fn(d.timeRemaining())), 0), noteKey: () => note() };
}
