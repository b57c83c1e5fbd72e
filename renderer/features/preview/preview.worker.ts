import { buildPreview } from './previewInput';
import type { PreviewReply, PreviewRequest } from './previewBuilder';
import { BlocksSender } from './previewBlocks';
import { SectionsHeld } from './previewSections';

/**
 * The live public preview built in its own thread (previewBuilder.ts): the public summary model over every section of
 * a long meeting (~100 ms at 2,400 paragraphs, measured) is not paid on the page's thread, between two keys. The
 * sections come as what changed since the last build (previewSections.ts), this side holding the others; the summary's
 * blocks go back as what changed since the last answer (previewBlocks.ts).
 */
const scope = globalThis as unknown as { postMessage: (m: PreviewReply) => void; onmessage: ((e: MessageEvent<PreviewRequest>) => void) | null };
const held = new SectionsHeld();
const answered = new BlocksSender();
scope.onmessage = (e) => {
  const { id, src } = e.data;
  const sections = held.unpack(src.sections);
  if (!sections) return scope.postMessage({ id, missing: true });
  const result = buildPreview({ ...src, sections });
  scope.postMessage({ id, result: result.ok ? { ok: true, summary: { ...result.summary, blocks: answered.pack(result.summary.blocks) } } : result });
};
