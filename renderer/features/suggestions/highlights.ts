/**
 * Suggestion underlines drawn with the CSS Custom Highlight API: ranges over the editors' DOM text, styled by
 * `::highlight(tfs-suggestion)` in styles.css. The Lexical document is never touched, so an underline can never be
 * saved, exported or undone. Where the API is missing, nothing is drawn (the list under each section still works).
 *
 * One highlight holds every section's ranges and is changed in place (ranges added and removed), so a run that
 * changes one paragraph's underlines costs that paragraph, not the whole meeting; a large change (a section switched
 * on or off) builds one new highlight instead of hundreds of single changes.
 */
export const SUGGESTION_HIGHLIGHT = 'tfs-suggestion';

interface HighlightSet {
  add(r: AbstractRange): unknown;
  delete(r: AbstractRange): boolean;
}

interface Registry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => HighlightSet;

/** Every range underlined now (the page's own copy: a large change builds a new highlight from it). */
const all = new Set<AbstractRange>();
let registered: HighlightSet | null = null;

/** Above this many ranges changed at once (a section switched on or off, a paste), one new highlight replaces the old. */
const REBUILD_AT = 32;

function highlightApi(): { registry: Registry; H: HighlightCtor } | null {
  const registry = (globalThis as { CSS?: { highlights?: Registry } }).CSS?.highlights;
  const H = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return registry && typeof H === 'function' ? { registry, H } : null;
}

/** Removes some underlines and draws others. */
export function changeHighlights(removed: readonly AbstractRange[], added: readonly AbstractRange[]): void {
  if (removed.length === 0 && added.length === 0) return;
  for (const r of removed) all.delete(r);
  for (const r of added) all.add(r);
  const api = highlightApi();
  if (!api) return;
  if (registered && removed.length + added.length <= REBUILD_AT) {
    for (const r of removed) registered.delete(r);
    for (const r of added) registered.add(r);
    return;
  }
  if (all.size === 0) {
    api.registry.delete(SUGGESTION_HIGHLIGHT);
    registered = null;
    return;
  }
  // (A constructor call with tens of thousands of arguments could overflow the stack: those are added one by one.)
  const many = all.size > 10_000;
  registered = many ? new api.H() : new api.H(...all);
  if (many) for (const r of all) registered.add(r);
  api.registry.set(SUGGESTION_HIGHLIGHT, registered);
}

export function clearAllHighlights(): void {
  all.clear();
  registered = null;
  highlightApi()?.registry.delete(SUGGESTION_HIGHLIGHT);
}
