import type { CompiledContext } from '../../../shared/suggestions/compile';
import type { Speaker } from '../../../shared/suggestions/speaker';
import { suggestBlock, type BlockResult } from '../../../shared/suggestions/suggest';
import type { Suggestion } from '../../../shared/suggestions/types';

/**
 * The engine's findings per block text, for one context: typing changes one block, so a section's other blocks cost
 * nothing on the next run. Bounded; forgotten whenever the context (terms, dismissals, members) changes.
 */
export class SuggestionCache {
  private context: CompiledContext | null = null;
  private readonly byText = new Map<string, BlockResult>();
  /**
   * Bounded well above a section's block count (10,000 paragraphs and more): a cache smaller than the section would be
   * cleared on every run and the whole section read again each time.
   */
  constructor(private readonly max = 200_000) {}
  /** The suggestions of a block (who was speaking before it is part of the key: "It…" depends on it). */
  get(text: string, context: CompiledContext, speaker: Speaker | null = null): Suggestion[] {
    return this.block(text, context, speaker).suggestions;
  }
  /** The suggestions of a block and who is speaking at its end. */
  block(text: string, context: CompiledContext, speaker: Speaker | null = null): BlockResult {
    if (context !== this.context) {
      this.byText.clear();
      this.context = context;
    }
    const key = speaker ? `${speaker.role}\u0000${speaker.name}\u0000${text}` : text;
    let found = this.byText.get(key);
    if (!found) {
      found = suggestBlock(text, context, speaker);
      if (this.byText.size >= this.max) this.byText.clear();
      this.byText.set(key, found);
    }
    return found;
  }
  has(text: string, context: CompiledContext, speaker: Speaker | null = null): boolean {
    return context === this.context && this.byText.has(speaker ? `${speaker.role}\u0000${speaker.name}\u0000${text}` : text);
  }
}

