import type { PreviewResult, PreviewSource } from './previewInput';
import { onDemand } from '../../ui/onDemand';

export interface PreviewRequest {
  id: number;
  src: PreviewSource;
}
export interface PreviewReply {
  id: number;
  result: PreviewResult;
}

/**
 * The preview's code in the page (the public summary model, the redaction and its reader of stored minutes, with
 * zod/mini): loaded only where the worker cannot run, on demand (issue 16: never on the path to the first editor).
 */
const inPage = onDemand(() => import('./previewInput'));

/** Builds the live public preview: the same function as the export's model (previewInput.buildPreview), elsewhere. */
export interface PreviewBuilder {
  build(src: PreviewSource): Promise<PreviewResult>;
  /** Stops the worker (the minutes page is left): builds still waiting are answered as not built. */
  dispose(): void;
}

/**
 * Builds in a Web Worker (preview.worker.ts), so that a long meeting's preview (~100 ms at 2,400 paragraphs, measured
 * in Chromium: the task after each pause in typing while the preview is shown) is not paid on the page's thread.
 * Where there is no worker, it cannot start, or a source cannot be sent to it, the same code builds in the page, as
 * before; a worker that fails hands its waiting builds to the page too. One worker for the minutes page, started at
 * its first build and stopped when the page is left (its memory is not kept for a page that shows no preview).
 */
export function createPreviewBuilder(makeWorker: () => Worker = defaultWorker): PreviewBuilder {
  let worker: Worker | null = null;
  let broken = typeof Worker !== 'function';
  let next = 0;
  const waiting = new Map<number, { src: PreviewSource; resolve: (r: PreviewResult | Promise<PreviewResult>) => void }>();
  const buildInPage = (src: PreviewSource) => inPage.load().then((code) => code.buildPreview(src));

  const giveUp = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    for (const w of waiting.values()) w.resolve(buildInPage(w.src));
    waiting.clear();
  };

  const start = (): Worker => {
    const w = makeWorker();
    w.onmessage = (e: MessageEvent<PreviewReply>) => {
      const asked = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      asked?.resolve(e.data.result);
    };
    w.onerror = (e) => {
      e.preventDefault();
      giveUp();
    };
    return w;
  };

  return {
    dispose() {
      worker?.terminate();
      worker = null;
      for (const w of waiting.values()) w.resolve({ ok: false, message: 'The preview was closed.' });
      waiting.clear();
    },
    build(src) {
      if (broken) return buildInPage(src);
      try {
        worker ??= start();
      } catch {
        giveUp();
        return buildInPage(src);
      }
      const id = ++next;
      return new Promise<PreviewResult>((resolve) => {
        waiting.set(id, { src, resolve });
        try {
          worker!.postMessage({ id, src } satisfies PreviewRequest);
        } catch {
          // A source the worker cannot be sent (structured clone refused it): this one is built in the page.
          waiting.delete(id);
          resolve(buildInPage(src));
        }
      });
    },
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'preview' });
}
