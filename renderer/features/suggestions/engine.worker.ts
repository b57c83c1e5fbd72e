import { warmUp } from '../../../shared/suggestions/nlp';
import { createEngineHost } from './engine-host';
import type { FromEngine, ToEngine } from './engine-protocol';

/**
 * The suggestion engine in its own thread: the NLP model is read and every paragraph analysed here, never on the
 * page's thread, so typing never waits for it (issue 12). Slices of 50 ms let a newer run of a section replace an
 * older one that is still reading.
 */
const scope = globalThis as unknown as { postMessage: (m: FromEngine) => void; onmessage: ((e: MessageEvent<ToEngine>) => void) | null };
const handle = createEngineHost(
  (m) => scope.postMessage(m),
  (fn) => setTimeout(() => fn(50), 0),
);
scope.onmessage = (e) => handle(e.data);
// The model (a few hundred ms) is read before the first run asks for it.
setTimeout(warmUp, 0);
