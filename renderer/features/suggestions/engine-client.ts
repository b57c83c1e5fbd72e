import type { FromEngine, ToEngine } from './engine-protocol';
import { whenIdle } from './idle';

/** The page's end of the suggestion engine. */
export interface EngineClient {
  send(m: ToEngine): void;
  dispose(): void;
}

/**
 * Starts the engine in a Web Worker. Where there is none (or it cannot start), the same engine runs in the page in
 * idle slices of at most 12 ms, loaded on demand; `onRestart` is then called so that the page sends its context and
 * sections again (what the worker had is lost).
 */
export function startEngine(onMessage: (m: FromEngine) => void, onRestart: () => void): EngineClient {
  let disposed = false;
  let inline: ((m: ToEngine) => void) | null = null;
  let queued: ToEngine[] = [];
  let worker: Worker | null = null;

  const startInline = () => {
    worker?.terminate();
    worker = null;
    queued = [];
    void import('./engine-host').then(({ createEngineHost }) => {
      if (disposed) return;
      inline = createEngineHost(
        (m) => {
          if (!disposed) onMessage(m);
        },
        (fn) => void whenIdle((d) => fn(Math.max(4, Math.min(12, d.timeRemaining())))),
      );
      for (const m of queued) inline(m);
      queued = [];
      onRestart();
    });
  };

  try {
    if (typeof Worker !== 'function') throw new Error('no workers');
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'suggestions' });
    worker.onmessage = (e: MessageEvent<FromEngine>) => onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      if (!disposed) startInline();
    };
  } catch {
    startInline();
  }

  return {
    send(m) {
      if (disposed) return;
      if (worker) worker.postMessage(m);
      else if (inline) inline(m);
      else queued.push(m);
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
    },
  };
}
