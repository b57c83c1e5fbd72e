/** Confidentiality suggestions: a pure engine shared by the renderer (live underlines) and the tests. */
export { suggest, merge } from './suggest';
export { compileContext, withDismissed, dismissalKey, type CompiledContext } from './compile';
export { splitSentences, type Span } from './sentences';
export { evaluate, formatReport, type LabelledSentence, type EvaluationReport, type Scores, type SensitiveCategory } from './eval';
export { SUGGESTION_KINDS, type Suggestion, type SuggestionContext, type SuggestionKind, type SuggestionOrganisation } from './types';
