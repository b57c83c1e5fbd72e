/** Confidentiality suggestions: a pure engine shared by the renderer (live underlines) and the tests. */
export { suggest, suggestBlock, type BlockResult } from './suggest';
export { compileContext, withDismissed, dismissalKey, type CompiledContext } from './compile';
export { splitSentences } from './sentences';
export { suggestParagraphs } from './paragraphs';
export type { Speaker } from './speaker';
export { warmUp } from './nlp';
export { SUGGESTION_KINDS, type Suggestion, type SuggestionContext, type SuggestionKind, type SuggestedFlagReason } from './types';
