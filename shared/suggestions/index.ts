/** Confidentiality suggestions: a pure engine shared by the renderer (live underlines) and the tests. */
export { suggest, suggestBlock, merge, type BlockResult } from './suggest';
export { compileContext, withDismissed, dismissalKey, type CompiledContext } from './compile';
export { splitSentences, type Span } from './sentences';
export { suggestParagraphs, type ParagraphInput, type ParagraphOutput, type SentenceSpan } from './paragraphs';
export type { Speaker } from './speaker';
export { warmUp } from './nlp';
export {
  evaluate, evaluateParagraphs, formatReport, formatParagraphReport,
  type LabelledSentence, type EvaluationReport, type Scores, type SensitiveCategory, type CorpusParagraph, type CorpusStyle, type ParagraphReport,
} from './eval';
export { SUGGESTION_KINDS, FLAG_REASON_OF_KIND, type Suggestion, type SuggestionContext, type SuggestionKind, type SuggestionOrganisation, type SuggestedFlagReason } from './types';
