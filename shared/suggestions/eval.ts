/**
 * Evaluation against a labelled corpus: each entry is one sentence, run through suggest() on its own; it is
 * predicted sensitive when any suggestion overlaps it (with single-sentence entries: when there is any suggestion).
 *
 * Overall: precision = TP / (TP + FP), recall = TP / (TP + FN).
 * Per category: recall over the sensitive entries labelled with that category (found by any rule); precision over
 * the entries on which a rule of that category's kind fired (correct when the entry is sensitive at all).
 */
import { compileContext } from './compile';
import { suggestParagraphs } from './paragraphs';
import { suggest } from './suggest';
import type { SuggestionContext, SuggestionKind } from './types';

export type SensitiveCategory = 'commercial' | 'contact' | 'personal' | 'phrase' | 'term';
export const CATEGORIES: readonly SensitiveCategory[] = ['commercial', 'contact', 'personal', 'phrase', 'term'];

export interface LabelledSentence {
  text: string;
  sensitive: boolean;
  /** For sensitive entries: why a reader would withhold it. */
  category?: SensitiveCategory;
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** NaN when nothing was predicted. */
  precision: number;
  /** NaN when there was nothing to find. */
  recall: number;
}

export interface EvaluationReport {
  size: number;
  overall: Scores;
  byCategory: Record<SensitiveCategory, Scores>;
  /** Sensitive entries with no suggestion. */
  misses: LabelledSentence[];
  /** Not-sensitive entries with a suggestion, and the reason given. */
  falseAlarms: Array<LabelledSentence & { reason: string }>;
}

const KIND_OF: Record<SensitiveCategory, SuggestionKind> = {
  commercial: 'org_near_figure',
  contact: 'contact',
  personal: 'person',
  phrase: 'confidentiality_phrase',
  term: 'sensitive_term',
};

function scores(tp: number, fp: number, fn: number, tn: number): Scores {
  return { tp, fp, fn, tn, precision: tp + fp === 0 ? NaN : tp / (tp + fp), recall: tp + fn === 0 ? NaN : tp / (tp + fn) };
}

export function evaluate(corpus: readonly LabelledSentence[], ctx: SuggestionContext): EvaluationReport {
  const compiled = compileContext(ctx);
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const cat = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<SensitiveCategory, { tp: number; fp: number; fn: number }>;
  const misses: LabelledSentence[] = [];
  const falseAlarms: Array<LabelledSentence & { reason: string }> = [];
  for (const entry of corpus) {
    const found = suggest(entry.text, compiled);
    const predicted = found.length > 0;
    const kinds = new Set(found.flatMap((s) => s.kinds));
    if (predicted && entry.sensitive) tp++;
    else if (predicted) {
      fp++;
      falseAlarms.push({ ...entry, reason: found.map((s) => s.reason).join(' ') });
    } else if (entry.sensitive) {
      fn++;
      misses.push(entry);
    } else tn++;
    for (const c of CATEGORIES) {
      if (kinds.has(KIND_OF[c])) {
        if (entry.sensitive) cat[c].tp++;
        else cat[c].fp++;
      }
      if (entry.sensitive && entry.category === c && !predicted) cat[c].fn++;
    }
  }
  // Per-category recall counts the category's own sensitive entries found by any rule.
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => {
      const labelled = corpus.filter((e) => e.sensitive && e.category === c).length;
      const s = scores(cat[c].tp, cat[c].fp, cat[c].fn, 0);
      return [c, { ...s, recall: labelled === 0 ? NaN : (labelled - cat[c].fn) / labelled }];
    }),
  ) as Record<SensitiveCategory, Scores>;
  return { size: corpus.length, overall: scores(tp, fp, fn, tn), byCategory, misses, falseAlarms };
}

const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** A small fixed-width table for test output and bench scripts. */
export function formatReport(report: EvaluationReport, title: string): string {
  const rows = [
    `${title} (${report.size} sentences)`,
    'category     precision   recall   TP  FP  FN',
    `overall        ${pct(report.overall.precision)}   ${pct(report.overall.recall)}  ${String(report.overall.tp).padStart(3)} ${String(report.overall.fp).padStart(3)} ${String(report.overall.fn).padStart(3)}`,
  ];
  for (const c of CATEGORIES) {
    const s = report.byCategory[c];
    rows.push(`${c.padEnd(12)}   ${pct(s.precision)}   ${pct(s.recall)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
  }
  return rows.join('\n');
}

// ——— Paragraph corpus ———

export type CorpusStyle = 'plain' | 'paraphrased' | 'paragraph';
export const STYLES: readonly CorpusStyle[] = ['plain', 'paraphrased', 'paragraph'];

export interface CorpusParagraph {
  id: string;
  style: CorpusStyle;
  sentences: LabelledSentence[];
}

export interface ParagraphReport {
  sentences: number;
  paragraphs: number;
  overall: Scores;
  byStyle: Record<CorpusStyle, Scores>;
  /** Recall over each category's sensitive sentences; precision over sentences where that category's kind fired. */
  byCategory: Record<SensitiveCategory, Scores>;
  /** Share of the characters of sensitive sentences found that the suggestions cover (1 = whole statements). */
  coverage: number;
  misses: Array<LabelledSentence & { paragraph: string; style: CorpusStyle }>;
  falseAlarms: Array<LabelledSentence & { paragraph: string; style: CorpusStyle; reason: string }>;
}

/** Runs suggestParagraphs over the corpus; a sentence is predicted sensitive when a suggestion covers part of it. */
export function evaluateParagraphs(corpus: readonly CorpusParagraph[], ctx: SuggestionContext): ParagraphReport {
  const compiled = compileContext(ctx);
  const out = suggestParagraphs(
    corpus.map((p) => ({ id: p.id, sentences: p.sentences.map((s) => s.text) })),
    compiled,
  );
  const count = () => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
  const all = count();
  const style = Object.fromEntries(STYLES.map((s) => [s, count()])) as Record<CorpusStyle, ReturnType<typeof count>>;
  const cat = Object.fromEntries(CATEGORIES.map((c) => [c, count()])) as Record<SensitiveCategory, ReturnType<typeof count>>;
  let covered = 0;
  let coverable = 0;
  const misses: ParagraphReport['misses'] = [];
  const falseAlarms: ParagraphReport['falseAlarms'] = [];
  corpus.forEach((p, pi) => {
    const spans = out[pi]!.spans;
    p.sentences.forEach((s, si) => {
      const mine = spans.filter((x) => x.sentence === si);
      const predicted = mine.length > 0;
      const kinds = new Set(mine.map((x) => x.kind));
      const key = predicted ? (s.sensitive ? 'tp' : 'fp') : s.sensitive ? 'fn' : 'tn';
      all[key]++;
      style[p.style][key]++;
      if (s.sensitive && s.category) {
        if (predicted) cat[s.category].tp++;
        else cat[s.category].fn++;
      }
      for (const c of CATEGORIES) if (kinds.has(KIND_OF[c]) && !s.sensitive) cat[c].fp++;
      if (s.sensitive && predicted) {
        const mark = new Uint8Array(s.text.length);
        for (const x of mine) mark.fill(1, x.start, x.end);
        covered += mark.reduce((a, b) => a + b, 0);
        coverable += s.text.length;
      }
      if (key === 'fn') misses.push({ ...s, paragraph: p.id, style: p.style });
      if (key === 'fp') falseAlarms.push({ ...s, paragraph: p.id, style: p.style, reason: mine.map((x) => x.reason).join(' ') });
    });
  });
  const sc = (x: ReturnType<typeof count>) => scores(x.tp, x.fp, x.fn, x.tn);
  return {
    sentences: corpus.reduce((a, p) => a + p.sentences.length, 0),
    paragraphs: corpus.length,
    overall: sc(all),
    byStyle: Object.fromEntries(STYLES.map((s) => [s, sc(style[s])])) as Record<CorpusStyle, Scores>,
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, sc(cat[c])])) as Record<SensitiveCategory, Scores>,
    coverage: coverable === 0 ? NaN : covered / coverable,
    misses,
    falseAlarms,
  };
}

/** A fixed-width table of a paragraph report (tests, the note, the bench). */
export function formatParagraphReport(r: ParagraphReport, title: string): string {
  const row = (name: string, s: Scores) =>
    `${name.padEnd(14)} ${pct(s.precision)}   ${pct(s.recall)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)} ${String(s.tn).padStart(3)}`;
  return [
    `${title} (${r.sentences} sentences in ${r.paragraphs} paragraphs; coverage of found sensitive sentences ${pct(r.coverage)})`,
    '               precision   recall   TP  FP  FN  TN',
    row('overall', r.overall),
    ...STYLES.map((s) => row(`style ${s}`, r.byStyle[s])),
    ...CATEGORIES.map((c) => row(`cat. ${c}`, r.byCategory[c])),
  ].join('\n');
}
