import { buildPreview } from './previewInput';
import type { PreviewReply, PreviewRequest } from './previewBuilder';

/**
 * The live public preview built in its own thread (previewBuilder.ts): the public summary model over every section of
 * a long meeting (~100 ms at 2,400 paragraphs, measured) is not paid on the page's thread, between two keys.
 */
const scope = globalThis as unknown as { postMessage: (m: PreviewReply) => void; onmessage: ((e: MessageEvent<PreviewRequest>) => void) | null };
scope.onmessage = (e) => scope.postMessage({ id: e.data.id, result: buildPreview(e.data.src) });
