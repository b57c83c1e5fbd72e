/**
 * Suggestion underlines drawn with the CSS Custom Highlight API: ranges over the editors' DOM text, styled by
 * `::highlight(tfs-suggestion)` in styles.css. The Lexical document is never touched, so an underline can never be
 * saved, exported or undone. Where the API is missing, nothing is drawn (the list under each section still works).
 */
export const SUGGESTION_HIGHLIGHT = 'tfs-suggestion';

const bySection = new Map<string, Range[]>();

interface HighlightApi {
  registry: { set(name: string, h: unknown): void; delete(name: string): void };
  make: (ranges: Range[]) => unknown;
}

function api(): HighlightApi | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightApi['registry'] } }).CSS;
  const H = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!css?.highlights || typeof H !== 'function') return null;
  return { registry: css.highlights, make: (ranges) => new H(...ranges) };
}

/** Replaces one section's underlines (an empty list removes them). */
export function setSectionHighlights(sectionKey: string, ranges: Range[]): void {
  if (ranges.length === 0) bySection.delete(sectionKey);
  else bySection.set(sectionKey, ranges);
  const a = api();
  if (!a) return;
  const all = [...bySection.values()].flat();
  if (all.length === 0) a.registry.delete(SUGGESTION_HIGHLIGHT);
  else a.registry.set(SUGGESTION_HIGHLIGHT, a.make(all));
}

export function clearAllHighlights(): void {
  bySection.clear();
  api()?.registry.delete(SUGGESTION_HIGHLIGHT);
}
