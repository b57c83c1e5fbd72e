import { compileContext, suggest, suggestBlock } from '../../shared/suggestions';
import { warmUp } from '../../shared/suggestions/nlp';
import { CORPUS_CONTEXT } from '../fixtures/suggestions-corpus';
import { HELD_OUT_PARAGRAPHS, TUNING_PARAGRAPHS } from '../fixtures/suggestions-paragraphs';
import { paragraphsDoc } from './gen';
import { median, type Table } from './report';

/**
 * The suggestion engine's own cost, in Node (the same code the renderer runs in idle time): µs per sentence over the
 * labelled corpus (each sentence alone, and the paragraphs as blocks), and over the typing bench's generated
 * paragraphs (what the first read of a 10,000-paragraph section costs in all, done in idle slices of ≤ 12 ms).
 * Median of `rounds` runs after a warm-up run; the model load is timed on its own.
 */
export function measureEngineCost(rounds = 5): { table: Table; notes: string[]; data: Record<string, number> } {
  const t0 = performance.now();
  warmUp();
  const modelLoadMs = performance.now() - t0;
  const c = compileContext(CORPUS_CONTEXT);
  const paragraphs = [...TUNING_PARAGRAPHS, ...HELD_OUT_PARAGRAPHS];
  const sentences = paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
  const blocks = paragraphs.map((p) => p.sentences.map((s) => s.text).join(' '));
  const generated = paragraphsDoc(10_000, 10_000).texts;
  const generatedSentences = generated.reduce((a, t) => a + (t.match(/\./g)?.length ?? 1), 0);
  const time = (fn: () => void) => {
    fn(); // warm-up
    const runs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const s = performance.now();
      fn();
      runs.push(performance.now() - s);
    }
    return median(runs);
  };
  const perSentence = time(() => sentences.forEach((s) => suggest(s, c)));
  const perBlock = time(() => blocks.forEach((b) => suggestBlock(b, c)));
  const gen = time(() => generated.forEach((t) => suggestBlock(t, c)));
  const us = (msTotal: number, n: number) => (msTotal * 1000) / n;
  const data = {
    modelLoadMs,
    corpusSentences: sentences.length,
    usPerSentenceAlone: us(perSentence, sentences.length),
    usPerSentenceInParagraphs: us(perBlock, sentences.length),
    generatedParagraphs: generated.length,
    usPerGeneratedSentence: us(gen, generatedSentences),
    msForTenThousandParagraphs: gen,
  };
  return {
    table: {
      headers: ['case', 'what', 'n', 'µs per sentence', 'total ms'],
      rows: [
        ['corpus', 'each sentence alone', sentences.length, data.usPerSentenceAlone.toFixed(1), perSentence.toFixed(1)],
        ['corpus', 'paragraphs as blocks', sentences.length, data.usPerSentenceInParagraphs.toFixed(1), perBlock.toFixed(1)],
        ['bench text', '10,000 generated paragraphs', generatedSentences, data.usPerGeneratedSentence.toFixed(1), gen.toFixed(1)],
      ],
    },
    notes: [
      `Suggestion engine (winkNLP + rules) in Node: ${data.usPerSentenceInParagraphs.toFixed(0)} µs per corpus sentence read in its paragraph, ` +
        `${data.usPerGeneratedSentence.toFixed(0)} µs per sentence of the generated text; the first read of the 10,000-paragraph section costs ` +
        `${gen.toFixed(0)} ms in all, done in idle slices of at most 12 ms; typing re-reads one paragraph. Model load once: ${modelLoadMs.toFixed(0)} ms.`,
    ],
    data,
  };
}
