/**
 * Suggestion underlines drawn with the CSS Custom Highlight API: ranges over the editors' DOM text, styled by
 * `::highlight(tfs-suggestion)` in styles.css. The Lexical document is never touched, so an underline can never be
 * saved, exported or undone. Where the API is missing, nothing is drawn (the list under each section still works).
 *
 * One highlight holds every section's ranges and is changed in place (ranges added and removed), so a run that
 * changes one paragraph's underlines costs that paragraph, not the whole meeting.
 */
export const SUGGESTION_HIGHLIGHT = 'tfs-suggestion';

interface HighlightSet {
  add(r: AbstractRange): unknown;
  delete(r: AbstractRange): boolean;
  clear(): void;
}

interface Registry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}

let registered: HighlightSet | null = null;

function highlight(): HighlightSet | null {
  if (registered) return registered;
  const css = (globalThis as { CSS?: { highlights?: Registry } }).CSS;
  const H = (globalThis as { Highlight?: new () => HighlightSet }).Highlight;
  if (!css?.highlights || typeof H !== 'function') return null;
  registered = new H();
  css.highlights.set(SUGGESTION_HIGHLIGHT, registered);
  return registered;
}

/** Removes some underlines and draws others. */
export function changeHighlights(removed: readonly AbstractRange[], added: readonly AbstractRange[]): void {
  if (removed.length === 0 && added.length === 0) return;
  const h = highlight();
  if (!h) return;
  for (const r of removed) h.delete(r);
  for (const r of added) h.add(r);
}

export function clearAllHighlights(): void {
  registered?.clear();
  (globalThis as { CSS?: { highlights?: Registry } }).CSS?.highlights?.delete(SUGGESTION_HIGHLIGHT);
  registered = null;
}
