/**
 * Confidentiality suggestions: a pure engine shared by the renderer (its Web Worker, renderer/features/suggestions/
 * engine.worker.ts) and the tests. The page itself imports only compile.ts and types.ts, never the NLP model.
 */
export { suggest, suggestBlock } from './suggest';
export { compileContext, withDismissed, dismissalKey } from './compile';
export { splitSentences } from './sentences';
export { suggestParagraphs } from './paragraphs';
export { SUGGESTION_KINDS, type SuggestionContext, type SuggestionKind } from './types';
