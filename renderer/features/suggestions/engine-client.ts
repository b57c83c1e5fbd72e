import type { FromEngine, ToEngine } from './engine-protocol';
import { whenIdle, whenPaused } from './idle';

/** How long after the page asks (its first editor is on the page) the engine starts, in the next idle moment. */
const START_DELAY_MS = 1000;
/** The worker is told of typing at most this often (a message per key would be one more task per key). */
const TYPING_NOTE_MS = 100;

/** The page's end of the suggestion engine. */
export interface EngineClient {
  send(m: ToEngine): void;
  /** Starts the engine, a little later in an idle moment (once; what is sent before waits). */
  start(): void;
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
        // In the page, the engine's slices run only in pauses of typing, as the rest of the page's suggestions work.
        (fn) => void whenPaused((d) => fn(Math.max(4, Math.min(12, d.timeRemaining())))),
      );
      for (const m of queued) inline(m);
      queued = [];
      onRestart();
    });
  };

  // The worker hears that the officer is typing (at most every TYPING_NOTE_MS): its slices wait for a pause
  // (engine-host.ts afterTypingPause). In the page, whenPaused does the same.
  let notedAt = Number.NEGATIVE_INFINITY;
  const noteTyping = () => {
    const now = performance.now();
    if (!worker || now - notedAt < TYPING_NOTE_MS) return;
    notedAt = now;
    worker.postMessage({ type: 'typing' } satisfies ToEngine);
  };
  const listenToKeys = (on: boolean) => {
    for (const type of ['keydown', 'beforeinput']) {
      if (on) window.addEventListener(type, noteTyping, { capture: true, passive: true });
      else window.removeEventListener(type, noteTyping, { capture: true });
    }
  };

  const begin = () => {
    if (disposed) return;
    try {
      if (typeof Worker !== 'function') throw new Error('no workers');
      worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'suggestions' });
      listenToKeys(true);
      worker.onmessage = (e: MessageEvent<FromEngine>) => onMessage(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        if (!disposed) startInline();
      };
      for (const m of queued) worker.postMessage(m);
      queued = [];
    } catch {
      startInline();
    }
  };
  // The worker (winkNLP and its model: 3.8 MB to fetch and compile, then the model to read) starts when the page asks
  // (`start`: once its first editor is on the page), a little later, in an idle moment, so that the first editor is
  // editable first (issue 16). Until then what the page sends waits here.
  let idle: { cancel: () => void } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  return {
    send(m) {
      if (disposed) return;
      if (worker) worker.postMessage(m);
      else if (inline) inline(m);
      else queued.push(m);
    },
    start() {
      if (disposed || timer !== undefined) return;
      timer = setTimeout(() => (idle = whenIdle(begin)), START_DELAY_MS);
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      idle?.cancel();
      listenToKeys(false);
      worker?.terminate();
      worker = null;
    },
  };
}
