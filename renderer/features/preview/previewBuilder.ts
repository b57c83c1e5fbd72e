import type { PreviewResult, PreviewSource } from './previewInput';
import { readSections, SectionsSender, type LazySection, type WireSection } from './previewSections';
import { BlocksHeld, type WireBlock } from './previewBlocks';
import type { PublicSummary } from '../../../shared/redaction/public-model';
import { onDemand } from '../../ui/onDemand';

/** A build asked of the worker: the source with only the sections it does not hold as they are (previewSections.ts). */
export interface PreviewRequest {
  id: number;
  src: Omit<PreviewSource, 'sections'> & { sections: WireSection[] };
}
/** What a build is asked from: the source, its sections read only where needed (previewSections.ts). */
export type LazyPreviewSource = Omit<PreviewSource, 'sections'> & { sections: readonly LazySection[] };
/** A build's result as the worker sends it: the summary's blocks as what changed since its last answer (previewBlocks.ts). */
export type WirePreviewResult = { ok: true; summary: Omit<PublicSummary, 'blocks'> & { blocks: WireBlock[] } } | Extract<PreviewResult, { ok: false }>;
/** The worker's answer, or `missing`: it did not hold a section sent as unchanged, and is to be sent them all. */
export type PreviewReply = { id: number; result: WirePreviewResult } | { id: number; missing: true };

/**
 * The preview's code in the page (the public summary model, the redaction and its reader of stored minutes, with
 * zod/mini): loaded only where the worker cannot run, on demand (issue 16: never on the path to the first editor).
 */
const inPage = onDemand(() => import('./previewInput'));

/**
 * A worker that has not answered a waiting build for this long is taken for hung and stopped (at 12,000 paragraphs a
 * key is in the preview 1.1-1.3 s after it was typed, the editor's 400 ms and the preview's 300 ms pauses included).
 * Its builds are not made in the page instead, which whatever hung the worker could freeze: they say so, and the next
 * build starts a new worker.
 */
export const PREVIEW_HUNG_MS = 30_000;

/** Builds the live public preview: the same function as the export's model (previewInput.buildPreview), elsewhere. */
export interface PreviewBuilder {
  build(src: LazyPreviewSource): Promise<PreviewResult>;
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
  const waiting = new Map<number, { src: LazyPreviewSource; resolve: (r: PreviewResult | Promise<PreviewResult>) => void }>();
  const sender = new SectionsSender();
  let blocks = new BlocksHeld();
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  const buildInPage = (src: LazyPreviewSource) => inPage.load().then((code) => code.buildPreview({ ...src, sections: readSections(src.sections) }));

  /** Stops the worker; every build still waiting gets `answer`'s. */
  const stop = (answer: (src: LazyPreviewSource) => PreviewResult | Promise<PreviewResult>) => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = null;
    worker?.terminate();
    worker = null;
    for (const w of waiting.values()) w.resolve(answer(w.src));
    waiting.clear();
  };

  const giveUp = () => {
    broken = true;
    stop(buildInPage);
  };

  /** Watches for an answer while a build waits: each answer, or a build asked while none waited, starts the wait again. */
  const watch = () => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = waiting.size === 0 ? null : setTimeout(() => stop(() => HUNG), PREVIEW_HUNG_MS);
  };

  /** Posts a build to the worker; false if its source could not be sent (nothing was). */
  const post = (id: number, src: LazyPreviewSource): boolean => {
    const { wire, sent } = sender.pack(src.sections);
    try {
      worker!.postMessage({ id, src: { ...src, sections: wire } } satisfies PreviewRequest);
    } catch {
      return false;
    }
    sent();
    return true;
  };

  const start = (): Worker => {
    const w = makeWorker();
    sender.reset();
    blocks = new BlocksHeld();
    w.onmessage = (e: MessageEvent<PreviewReply>) => {
      const asked = waiting.get(e.data.id);
      if ('missing' in e.data) {
        // The worker lost track of a section (it holds none now): this build is sent again, whole.
        sender.reset();
        if (asked && !post(e.data.id, asked.src)) {
          waiting.delete(e.data.id);
          asked.resolve(buildInPage(asked.src));
        }
        return;
      }
      const { result } = e.data;
      // The blocks as the worker sent them (what changed since its last answer): put together again even for a build
      // no longer waited for, so that the page holds what the worker's next answer refers to.
      const summary = result.ok ? blocks.unpack(result.summary.blocks) : null;
      if (result.ok && !summary) {
        // Out of step with the worker (it cannot be, by the order both keep): a new worker for the next build.
        stop(() => RESTART);
        return;
      }
      waiting.delete(e.data.id);
      watch();
      asked?.resolve(result.ok ? { ok: true, summary: { ...result.summary, blocks: summary! } } : result);
    };
    w.onerror = (e) => {
      e.preventDefault();
      giveUp();
    };
    return w;
  };

  return {
    dispose() {
      stop(() => CLOSED);
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
        const first = waiting.size === 0;
        waiting.set(id, { src, resolve });
        if (!post(id, src)) {
          // A source the worker cannot be sent (structured clone refused it): this one is built in the page.
          waiting.delete(id);
          resolve(buildInPage(src));
        } else if (first) watch();
      });
    },
  };
}

const CLOSED: PreviewResult = { ok: false, notBuilt: true, message: 'The preview was closed.' };
const RESTART: PreviewResult = { ok: false, notBuilt: true, message: 'The preview is built again after the next change.' };
const HUNG: PreviewResult = { ok: false, notBuilt: true, message: 'The preview took too long to build and was stopped. It is built again after the next change.' };

function defaultWorker(): Worker {
  return new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'preview' });
}
