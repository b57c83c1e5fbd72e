/**
 * The engine over paragraphs given as lists of sentences (the evaluation command's input and the corpus's shape):
 * the sentences of a paragraph are joined with a space, run as one block (so the speaker carries from one to the next),
 * and every suggestion is cut back to the sentences it covers, with offsets inside each sentence.
 */
import { compileContext, type CompiledContext } from './compile';
import { suggestBlock } from './suggest';
import type { SuggestedFlagReason, SuggestionContext, SuggestionKind } from './types';

export interface ParagraphInput {
  id: string;
  sentences: string[];
}

export interface SentenceSpan {
  /** Index of the sentence in the paragraph. */
  sentence: number;
  /** Offsets inside that sentence. */
  start: number;
  end: number;
  kind: SuggestionKind;
  /** The flag reason proposed for it (personal data, commercially confidential, …). */
  flagReason: SuggestedFlagReason;
  /** Why it is suggested, for a person. */
  reason: string;
}

export interface ParagraphOutput {
  id: string;
  spans: SentenceSpan[];
}

export function suggestParagraphs(input: readonly ParagraphInput[], ctx: SuggestionContext | CompiledContext): ParagraphOutput[] {
  const c = 'organisations' in ctx ? compileContext(ctx) : ctx;
  return input.map((p) => {
    const offsets: number[] = [];
    let text = '';
    for (const s of p.sentences) {
      if (text.length > 0) text += ' ';
      offsets.push(text.length);
      text += s;
    }
    const spans: SentenceSpan[] = [];
    for (const sg of suggestBlock(text, c).suggestions) {
      p.sentences.forEach((s, i) => {
        const a = Math.max(sg.start, offsets[i]!);
        const b = Math.min(sg.end, offsets[i]! + s.length);
        if (b > a) spans.push({ sentence: i, start: a - offsets[i]!, end: b - offsets[i]!, kind: sg.kind, flagReason: sg.flagReason, reason: sg.reason });
      });
    }
    return { id: p.id, spans };
  });
}
