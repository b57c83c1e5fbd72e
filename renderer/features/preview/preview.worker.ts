import { buildPreview } from './previewInput';
import type { PreviewReply, PreviewRequest } from './previewBuilder';
import { SectionsHeld } from './previewSections';

/**
 * The live public preview built in its own thread (previewBuilder.ts): the public summary model over every section of
 * a long meeting (~100 ms at 2,400 paragraphs, measured) is not paid on the page's thread, between two keys. The
 * sections come as what changed since the last build (previewSections.ts); this side holds the others.
 */
const scope = globalThis as unknown as { postMessage: (m: PreviewReply) => void; onmessage: ((e: MessageEvent<PreviewRequest>) => void) | null };
const held = new SectionsHeld();
scope.onmessage = (e) => {
  const { id, src } = e.data;
  const sections = held.unpack(src.sections);
  scope.postMessage(sections ? { id, result: buildPreview({ ...src, sections }) } : { id, missing: true });
};
