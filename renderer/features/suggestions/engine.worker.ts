import { warmUp } from '../../../shared/suggestions/nlp';
import { afterTypingPause, createEngineHost } from './engine-host';
import { ENGINE_TYPING_PAUSE_MS } from './idle';
import type { FromEngine, ToEngine } from './engine-protocol';

/**
 * The suggestion engine in its own thread: the NLP model is read and every paragraph analysed here, never on the
 * page's thread, so typing never waits for it (issue 12). Slices of 50 ms let a newer run of a section replace an
 * older one that is still reading; while the officer types, the next slice waits for a pause (afterTypingPause).
 */
const scope = globalThis as unknown as { postMessage: (m: FromEngine) => void; onmessage: ((e: MessageEvent<ToEngine>) => void) | null };
const slices = afterTypingPause({ now: () => performance.now(), pauseMs: ENGINE_TYPING_PAUSE_MS, budgetMs: 50 });
const handle = createEngineHost((m) => scope.postMessage(m), slices.defer, slices.noteKey);
scope.onmessage = (e) => handle(e.data);
// The model (a few hundred ms) is read before the first run asks for it, in a pause of typing as the slices are.
slices.defer(() => warmUp());
