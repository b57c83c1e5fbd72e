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
/** The part of `all` in the registered highlight: the ranges near the view. */
const shown = new Set<AbstractRange>();
let registered: HighlightSet | null = null;

/** Above this many ranges changed at once (a section switched on or off, a paste), one new highlight replaces the old. */
const REBUILD_AT = 32;

/**
 * Only the underlines within a screen of the view are in the highlight. Chromium checks every range of a highlight
 * again after each change to the page: 3,300 underlines over 10,000 paragraphs made every keystroke ~47 ms slower on
 * these machines, 330 ~3 ms (issue 16: typing with suggestions on must cost what it costs with them off). The others
 * are kept, and drawn once a scroll, a resize or a change of the page's height (text reflowed, notes or lists
 * growing above the view) brings them near: REFRESH_MS after the scrolling settles, within a screen's margin, so that
 * an ordinary scroll finds them drawn.
 */
const REFRESH_MS = 100;
let listening = false;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
/** Ranges added but not yet measured: measured together, after the next frame. */
let unmeasured: AbstractRange[] = [];
let measuring = false;

/**
 * Runs `fn` once the next frame has been laid out and painted, when reading where blocks are costs no layout of its
 * own (in the middle of typing, a read would lay the page out on the spot: at 10,000 paragraphs, ~30 ms).
 */
function afterNextFrame(fn: () => void): void {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  if (typeof raf === 'function') raf(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

interface Laid {
  isConnected: boolean;
  getBoundingClientRect(): { top: number; bottom: number };
  closest?(selector: string): Laid | null;
}

/**
 * What is measured: the editor's block that holds the range, not the text's own element. Blocks out of view are not
 * laid out (content-visibility in editor/editor.css): measuring anything inside one lays it out on the spot, which
 * made placing a long section's underlines take 200–300 ms; the block itself has its remembered size.
 */
const BLOCK = '.tfs-content > *';

/** Whether each range is near the view: at most a screen above or below it. One layout read per block. */
function nearTest(): (r: AbstractRange) => boolean {
  const height = (globalThis as { innerHeight?: number }).innerHeight;
  if (typeof height !== 'number') return () => true;
  const byBox = new Map<Laid, boolean>();
  return (r) => {
    const node = r.startContainer as (Partial<Laid> & { nodeType?: number; parentElement?: Laid | null }) | undefined;
    const element = node?.nodeType === 1 ? (node as Laid) : node?.parentElement;
    if (!element) return true;
    const box = element.closest?.(BLOCK) ?? element;
    let near = byBox.get(box);
    if (near === undefined) {
      // Its text has left the page (the editor re-rendered it): nothing to draw; the section's next read replaces it.
      const rect = box.isConnected ? box.getBoundingClientRect() : null;
      near = rect !== null && rect.bottom >= -height && rect.top <= 2 * height;
      byBox.set(box, near);
    }
    return near;
  };
}

function highlightApi(): { registry: Registry; H: HighlightCtor } | null {
  const registry = (globalThis as { CSS?: { highlights?: Registry } }).CSS?.highlights;
  const H = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return registry && typeof H === 'function' ? { registry, H } : null;
}

/** Where each scrolled thing (the page, a panel) stood at the last refresh. */
let scrolledAt = new WeakMap<object, number>();

/**
 * A scroll that has moved its page or panel by a quarter of a screen since the last refresh asks for one: the
 * underlines are drawn a screen beyond the view, so smaller moves (typing at the end of a long section scrolls a line
 * at a time) leave nothing undrawn in view, and do not have every underline measured again.
 */
function onScroll(e?: Event): void {
  const target = e?.target as { scrollTop?: number } | null;
  const g = globalThis as { scrollY?: number; innerHeight?: number; document?: unknown };
  const byPage = !target || target === g.document || typeof target.scrollTop !== 'number';
  const at = byPage ? (g.scrollY ?? 0) : target.scrollTop!;
  const key: object = byPage || !target ? globalThis : target;
  const before = scrolledAt.get(key);
  if (before !== undefined && Math.abs(at - before) < (g.innerHeight ?? 0) / 4) return;
  scrolledAt.set(key, at);
  scheduleRefresh();
}

function scheduleRefresh(): void {
  refreshTimer ??= setTimeout(() => afterNextFrame(() => {
    refreshTimer = null;
    refresh();
  }), REFRESH_MS);
}

/** The ranges added since the last measure: those near the view go into the highlight. */
function measureAdded(): void {
  measuring = false;
  const near = nearTest();
  const into = unmeasured.filter((r) => all.has(r) && !shown.has(r) && near(r));
  unmeasured = [];
  draw([], into);
}

interface SizeWatcher {
  observe(target: object): void;
  disconnect(): void;
}
type SizeWatcherCtor = new (cb: (entries: ReadonlyArray<{ contentRect: { height: number } }>) => void) => SizeWatcher;

let bodyWatcher: SizeWatcher | null = null;
/** The page's height at the last refresh its change asked for (undefined: not reported yet). */
let heightAt: number | undefined;

/**
 * The page grew or shrank by a quarter of a screen (a panel's resize reflowing the text, notes or suggestion lists
 * growing above the view): the text under the view may have moved without a scroll — Chromium's scroll anchoring
 * turns most such changes into a scroll, heard already, but not at the page's top — so the underlines are measured
 * again. The minutes page scrolls as a whole, so its body's height says it. Typing at the end of a long section grows
 * it a line at a time, as its scroll moves: that asks for a refresh every quarter of a screen, not every line.
 */
function onPageResized(entries: ReadonlyArray<{ contentRect: { height: number } }>): void {
  const height = entries.at(-1)?.contentRect.height;
  if (height === undefined) return;
  if (heightAt === undefined) {
    heightAt = height; // the first report: where the page stands
    return;
  }
  if (Math.abs(height - heightAt) < ((globalThis as { innerHeight?: number }).innerHeight ?? 0) / 4) return;
  heightAt = height;
  scheduleRefresh();
}

function watchPageSize(on: boolean): void {
  bodyWatcher?.disconnect();
  bodyWatcher = null;
  heightAt = undefined;
  const RO = (globalThis as { ResizeObserver?: SizeWatcherCtor }).ResizeObserver;
  const body = (globalThis as { document?: { body?: object | null } }).document?.body;
  if (!on || typeof RO !== 'function' || !body) return;
  bodyWatcher = new RO(onPageResized);
  bodyWatcher.observe(body);
}

/**
 * Scrolls of the page or of any element in it (capture: a scroll does not bubble), resizes of the window, and changes
 * of the page's height, while anything is underlined.
 */
function listen(on: boolean): void {
  const g = globalThis as {
    addEventListener?: (t: string, f: (e: Event) => void, o: object) => void;
    removeEventListener?: (t: string, f: (e: Event) => void, o: object) => void;
  };
  if (on === listening || typeof g.addEventListener !== 'function' || typeof g.removeEventListener !== 'function') return;
  listening = on;
  watchPageSize(on);
  if (on) {
    g.addEventListener('scroll', onScroll, { capture: true, passive: true });
    g.addEventListener('resize', scheduleRefresh, { passive: true });
    return;
  }
  g.removeEventListener('scroll', onScroll, { capture: true });
  scrolledAt = new WeakMap();
  g.removeEventListener('resize', scheduleRefresh, {});
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  refreshTimer = null;
  unmeasured = [];
}

/** The ranges that have come near the view go into the highlight, those that have left it come out. */
function refresh(): void {
  unmeasured = [];
  const near = nearTest();
  const out: AbstractRange[] = [];
  const into: AbstractRange[] = [];
  for (const r of all) {
    const isNear = near(r);
    if (isNear && !shown.has(r)) into.push(r);
    else if (!isNear && shown.has(r)) out.push(r);
  }
  draw(out, into);
}

/** Takes `out` from the highlight and puts `into` in it: in place for a few, a new highlight for many. */
function draw(out: readonly AbstractRange[], into: readonly AbstractRange[]): void {
  if (out.length === 0 && into.length === 0) return;
  for (const r of out) shown.delete(r);
  for (const r of into) shown.add(r);
  const api = highlightApi();
  if (!api) return;
  if (registered && out.length + into.length <= REBUILD_AT) {
    for (const r of out) registered.delete(r);
    for (const r of into) registered.add(r);
    return;
  }
  if (shown.size === 0) {
    api.registry.delete(SUGGESTION_HIGHLIGHT);
    registered = null;
    return;
  }
  // (A constructor call with tens of thousands of arguments could overflow the stack: those are added one by one.)
  const many = shown.size > 10_000;
  registered = many ? new api.H() : new api.H(...shown);
  if (many) for (const r of shown) registered.add(r);
  api.registry.set(SUGGESTION_HIGHLIGHT, registered);
}

/** Removes some underlines and draws others (those near the view now, the rest when they come near). */
export function changeHighlights(removed: readonly AbstractRange[], added: readonly AbstractRange[]): void {
  if (removed.length === 0 && added.length === 0) return;
  for (const r of removed) all.delete(r);
  for (const r of added) all.add(r);
  listen(all.size > 0);
  if (!highlightApi()) return;
  const out = removed.filter((r) => shown.has(r));
  if (typeof (globalThis as { innerHeight?: unknown }).innerHeight !== 'number') {
    // No layout to ask (no window): every range counts as near.
    draw(out, added.filter((r) => all.has(r) && !shown.has(r)));
    return;
  }
  // Taken down at once; the new ones measured after the next frame (a read now would lay the page out).
  draw(out, []);
  if (added.length === 0) return;
  unmeasured.push(...added);
  if (!measuring) {
    measuring = true;
    afterNextFrame(measureAdded);
  }
}

export function clearAllHighlights(): void {
  all.clear();
  shown.clear();
  unmeasured = [];
  listen(false);
  registered = null;
  highlightApi()?.registry.delete(SUGGESTION_HIGHLIGHT);
}
