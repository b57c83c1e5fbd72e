import type * as Engine from '../../../shared/suggestions';

/**
 * The suggestion engine, loaded on demand (issue 16). winkNLP and its English model are ~3.7 MB of the minutes page's
 * 4.3 MB of JS: imported statically, the browser had to compile them before the first editor was editable. The page
 * imports the engine's light part (compiling the context: lexicon and patterns, no NLP) from here as before, and the
 * NLP part is its own chunk, fetched by `loadEngine()` once the editors are on the page and the browser is idle
 * (useSuggestions). Until it has loaded, no suggestion runs (`engineLoaded()` is false); then every section runs.
 */
export { compileContext, dismissalKey, withDismissed, type CompiledContext } from '../../../shared/suggestions/compile';
export type { BlockResult, Speaker, Suggestion, SuggestedFlagReason, SuggestionKind } from '../../../shared/suggestions';

let engine: typeof Engine | null = null;
let loading: Promise<typeof Engine> | null = null;

/** Fetches and runs the engine's chunk once; later calls get the same promise (retried if the fetch failed). */
export function loadEngine(): Promise<typeof Engine> {
  loading ??= import('../../../shared/suggestions').then(
    (m) => (engine = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

export const engineLoaded = (): boolean => engine !== null;

/** The engine's suggestions for one block; only once `loadEngine()` has resolved. */
export function suggestBlock(...args: Parameters<typeof Engine.suggestBlock>): ReturnType<typeof Engine.suggestBlock> {
  if (!engine) throw new Error('The suggestion engine has not loaded yet.');
  return engine.suggestBlock(...args);
}

/** Reads the NLP model (a few hundred ms) if the engine has loaded; nothing otherwise. */
export function warmUp(): void {
  engine?.warmUp();
}
