import { describe, expect, it } from 'vitest';
import { CATEGORIES, STYLES, formatParagraphReport } from '../../shared/suggestions/eval';
import { HELD_OUT_PARAGRAPHS, TUNING_PARAGRAPHS, evaluateParagraphCorpus } from '../fixtures/suggestions-paragraphs';

/**
 * The paragraph corpus (test/fixtures/suggestions-paragraphs-*.ts): minutes paragraphs in three styles, every sentence
 * labelled. The targets of issue 12 are asserted on the held-out part (written after tuning, not tuned on): recall ≥ 0.9
 * overall and on commercially sensitive sentences, precision ≥ 0.9. The tuning parts are held higher, so that a
 * regression in a rule fails here first.
 */
describe('suggestions on the paragraph corpus', () => {
  const { tuning, heldOut } = evaluateParagraphCorpus();

  it('has at least 300 labelled sentences in three styles, in a tuning and a held-out part', () => {
    const all = [...TUNING_PARAGRAPHS, ...HELD_OUT_PARAGRAPHS];
    expect(tuning.sentences + heldOut.sentences).toBeGreaterThanOrEqual(300);
    expect(heldOut.sentences).toBeGreaterThanOrEqual(150);
    for (const style of STYLES) {
      expect(HELD_OUT_PARAGRAPHS.filter((p) => p.style === style).length).toBeGreaterThanOrEqual(25);
    }
    // Paragraph style means several sentences; the others one.
    for (const p of all) expect(p.sentences.length > 1).toBe(p.style === 'paragraph');
    for (const p of all) for (const s of p.sentences) expect(s.sensitive).toBe(s.category !== undefined);
    const heldOutSensitive = HELD_OUT_PARAGRAPHS.flatMap((p) => p.sentences).filter((s) => s.sensitive);
    for (const c of CATEGORIES) expect(heldOutSensitive.some((s) => s.category === c), c).toBe(true);
    // No sensitive sentence of the held-out part is also in the tuning part (a few stock openers such as "Google spoke
    // about copyright." recur, as they do in minutes).
    const seen = new Set(TUNING_PARAGRAPHS.flatMap((p) => p.sentences.map((s) => s.text)));
    const repeated = HELD_OUT_PARAGRAPHS.flatMap((p) => p.sentences).filter((s) => seen.has(s.text));
    console.log(`held-out sentences also in the tuning parts: ${repeated.map((s) => s.text).join(' | ') || 'none'}`);
    expect(repeated.filter((s) => s.sensitive)).toEqual([]);
    expect(repeated.length).toBeLessThanOrEqual(5);
  });

  it('reports precision and recall per style and category (the figures in docs/notes/suggest.md)', () => {
    console.log(`\n${formatParagraphReport(tuning, 'Tuning parts 1–6')}\n\n${formatParagraphReport(heldOut, 'Held-out part')}\n`);
    for (const r of [tuning, heldOut]) {
      const o = r.overall;
      expect(o.tp + o.fp + o.fn + o.tn).toBe(r.sentences);
      expect(r.misses).toHaveLength(o.fn);
      expect(r.falseAlarms).toHaveLength(o.fp);
      const byStyle = STYLES.map((s) => r.byStyle[s]);
      expect(byStyle.reduce((a, s) => a + s.tp + s.fn, 0)).toBe(o.tp + o.fn);
    }
  });

  it('meets the targets on the held-out part', () => {
    expect(heldOut.overall.recall).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.byCategory.commercial.recall).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.overall.precision).toBeGreaterThanOrEqual(0.9);
    for (const style of STYLES) expect(heldOut.byStyle[style].recall, style).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the tuning parts where tuning left them (a regression fails here)', () => {
    expect(tuning.overall.recall).toBeGreaterThanOrEqual(0.97);
    expect(tuning.overall.precision).toBeGreaterThanOrEqual(0.97);
    expect(tuning.byCategory.commercial.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('covers whole statements: most of each found sensitive sentence is inside the suggestion', () => {
    expect(heldOut.coverage).toBeGreaterThanOrEqual(0.9);
  });
});
