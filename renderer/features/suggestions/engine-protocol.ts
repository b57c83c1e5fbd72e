import type { SuggestionContext } from '../../../shared/suggestions/types';
import type { BlockSuggestions } from './analysis';

/**
 * The messages between the page and the suggestion engine (a Web Worker, or the page itself where workers are
 * missing). Plain data only: they are structured-cloned. Blocks are numbered by the page (see analysis.ts).
 */
export type ToEngine =
  /** The body's organisations, people, terms and the meeting date. */
  | { type: 'context'; context: SuggestionContext }
  /** Texts dismissed in this meeting. */
  | { type: 'dismissed'; texts: string[] }
  /**
   * Read a section: its blocks' numbers in order, with the texts of numbers not sent before; `resend` when the page
   * holds none of the section's suggestions (they were switched off): every block's are sent, not only changes.
   */
  | { type: 'run'; section: string; generation: number; blocks: readonly number[]; texts: Array<[number, string]>; resend: boolean }
  /** A section is gone (read-only, unmounted): forget its blocks. */
  | { type: 'drop'; section: string }
  /** The officer is typing: the engine's next slice waits for a pause (engine-host.ts afterTypingPause). */
  | { type: 'typing' };

export type FromEngine =
  /** Blocks whose suggestions are new or changed (possibly several messages per run: the first read comes in parts). */
  | { type: 'result'; section: string; generation: number; changed: BlockSuggestions[]; complete: boolean }
  /** The engine failed on a run; the page says so and goes on without suggestions for it. */
  | { type: 'failed'; section: string };
