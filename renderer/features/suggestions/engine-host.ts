import { SuggestionAnalyser, type SectionRun } from './analysis';
import type { FromEngine, ToEngine } from './engine-protocol';

/** Runs `fn` later, giving it the milliseconds it may take. */
export type Defer = (fn: (budgetMs: number) => void) => void;

/**
 * The engine's message loop, the same in the worker and in the page: a run goes in slices of `budgetMs` (so that a
 * newer run of the same section, or a new context, is taken between slices), and a newer run of a section abandons the
 * older one. Each slice posts the blocks whose suggestions changed.
 */
export function createEngineHost(post: (m: FromEngine) => void, defer: Defer): (m: ToEngine) => void {
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
