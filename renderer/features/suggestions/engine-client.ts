import type { FromEngine, ToEngine } from './engine-protocol';
import { whenIdle, whenPaused } from './idle';

/** How long after the page asks (its first editor is on the page) the engine starts, in the next idle moment. */
const START_DELAY_MS = 1000;
/** The worker is told of typing at most this often (a message per key would be one more task per key). */
const TYPING_NOTE_MS = 100;

/** After the in-page engine's code failed to load, how long before a message asks for it again. */
export const INLINE_RETRY_MS = 5000;

type EngineHostModule = Pick<typeof import('./engine-host'), 'createEngineHost'>;

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
export function startEngine(
  onMessage: (m: FromEngine) => void,
  onRestart: () => void,
  loadHost: () => Promise<EngineHostModule> = () => import('./engine-host'),
): EngineClient {
  let disposed = false;
  let inline: ((m: ToEngine) => void) | null = null;
  let queued: ToEngine[] = [];
  let worker: Worker | null = null;
  // The in-page engine's code: being fetched, or failed (the local server stopped) and not to be asked again before
  // `retryAt` (a later message asks again then; suggestions are a help, so their absence meanwhile is not said).
  let loadingInline = false;
  let inlineFailed = false;
  let retryAt = 0;

  const loadInline = () => {
    loadingInline = true;
    inlineFailed = false;
    loadHost().then(
      ({ createEngineHost }) => {
        loadingInline = false;
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
      },
      () => {
        loadingInline = false;
        inlineFailed = true;
        retryAt = performance.now() + INLINE_RETRY_MS;
        // What waited is not kept: onRestart, after a later load, has the page send its context and sections again.
        queued = [];
      },
    );
  };

  const startInline = () => {
    worker?.terminate();
    worker = null;
    queued = [];
    loadInline();
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
      else {
        queued.push(m);
        if (inlineFailed && !loadingInline && performance.now() >= retryAt) loadInline();
      }
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
