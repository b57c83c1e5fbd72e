import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeHighlights, clearAllHighlights, SUGGESTION_HIGHLIGHT } from '../../renderer/features/suggestions/highlights';

/** The underlines' bookkeeping against a stand-in for the CSS Custom Highlight API (counts what the page asks of it). */
class FakeHighlight extends Set<AbstractRange> {
  static made = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
    FakeHighlight.made++;
  }
}
const registry = new Map<string, FakeHighlight>();
const g = globalThis as { CSS?: unknown; Highlight?: unknown };
const range = () => ({}) as AbstractRange;

describe('suggestion underlines', () => {
  beforeEach(() => {
    g.CSS = { highlights: registry };
    g.Highlight = FakeHighlight;
    FakeHighlight.made = 0;
    registry.clear();
  });
  afterEach(() => {
    clearAllHighlights();
    delete g.CSS;
    delete g.Highlight;
  });

  it('a small change is made in place in the one registered highlight', () => {
    const a = range();
    const b = range();
    changeHighlights([], [a]);
    const h = registry.get(SUGGESTION_HIGHLIGHT)!;
    expect([...h]).toEqual([a]);
    changeHighlights([a], [b]);
    expect(registry.get(SUGGESTION_HIGHLIGHT)).toBe(h);
    expect([...h]).toEqual([b]);
    expect(FakeHighlight.made).toBe(1);
  });

  it('a large change builds one new highlight holding everything underlined', () => {
    const first = range();
    changeHighlights([], [first]);
    const many = Array.from({ length: 100 }, range);
    changeHighlights([], many);
    const h = registry.get(SUGGESTION_HIGHLIGHT)!;
    expect(h.size).toBe(101);
    expect(h.has(first)).toBe(true);
    expect(FakeHighlight.made).toBe(2);
    changeHighlights(many, []);
    expect([...registry.get(SUGGESTION_HIGHLIGHT)!]).toEqual([first]);
  });

  it('nothing left: the highlight is unregistered; clearing forgets everything', () => {
    const many = Array.from({ length: 40 }, range);
    changeHighlights([], many);
    changeHighlights(many, []);
    expect(registry.has(SUGGESTION_HIGHLIGHT)).toBe(false);
    changeHighlights([], [range()]);
    clearAllHighlights();
    expect(registry.has(SUGGESTION_HIGHLIGHT)).toBe(false);
    const later = range();
    changeHighlights([], [later]);
    expect([...registry.get(SUGGESTION_HIGHLIGHT)!]).toEqual([later]);
  });

  it('without the API nothing is drawn and nothing fails', () => {
    delete g.CSS;
    expect(() => changeHighlights([], [range()])).not.toThrow();
  });
});
