import { compileContext, withDismissed, type CompiledContext } from '../../../shared/suggestions/compile';
import type { Speaker } from '../../../shared/suggestions/speaker';
import type { Suggestion, SuggestionContext } from '../../../shared/suggestions/types';
import { SuggestionCache } from './cache';

/**
 * The engine's side of the live suggestions, free of the DOM: it runs in a Web Worker (engine.worker.ts), or in the
 * page where workers are missing. The page names each block it has read with a number (a block's text never changes
 * under its number: an edited block is a new block), sends a section as the ordered list of its blocks' numbers with
 * the texts of the numbers it has not sent before, and gets back only the blocks whose suggestions are new or
 * changed. Typing in one paragraph of 10,000 therefore costs one paragraph here and one paragraph in the page.
 */

/** The suggestions of one block, by its number. */
export type BlockSuggestions = [block: number, suggestions: Suggestion[]];

export interface SectionRunResult {
  /** Blocks whose suggestions the page has not had yet (for this context), in section order. */
  changed: BlockSuggestions[];
  /** False when the run stopped early (out of time): call step() again. */
  complete: boolean;
}

const speakerKey = (s: Speaker | null) => (s ? `${s.role}\u0000${s.name}` : '');

interface Sent {
  /** The context it was computed in (a new context makes every block's result stale, but still comparable). */
  epoch: number;
  speaker: string;
  result: { suggestions: Suggestion[]; speaker: Speaker | null };
}

/** One pass over a section's blocks, resumable: step() goes on from where the last one stopped. */
export class SectionRun {
  private index = 0;
  private speaker: Speaker | null = null;
  constructor(
    private readonly owner: SuggestionAnalyser,
    private readonly section: SectionState,
    private readonly blocks: readonly number[],
  ) {}

  step(outOfTime: () => boolean): SectionRunResult {
    const changed: BlockSuggestions[] = [];
    const { owner, section } = this;
    let read = 0;
    while (this.index < this.blocks.length) {
      const id = this.blocks[this.index]!;
      const text = owner.textOf(id);
      if (text === undefined || text.trim() === '') {
        this.index++;
        continue;
      }
      const key = speakerKey(this.speaker);
      const sent = section.sent.get(id);
      if (sent && sent.speaker === key && sent.epoch === owner.epoch) {
        this.speaker = sent.result.speaker;
        this.index++;
        continue;
      }
      const cached = owner.cached(text, this.speaker);
      // Out of time: stop before a block the engine has not read — but only after reading one, so that every slice
      // makes progress (a slice given no time at all still reads one block).
      if (!cached && read > 0 && outOfTime()) return { changed, complete: false };
      const result = owner.block(text, this.speaker);
      if (!cached) read++;
      section.sent.set(id, { epoch: owner.epoch, speaker: key, result });
      // A block seen for the first time is sent only if it has suggestions (the page takes none for none).
      if (sent ? !sameSuggestions(sent.result.suggestions, result.suggestions) : result.suggestions.length > 0) changed.push([id, result.suggestions]);
      this.speaker = result.speaker;
      this.index++;
    }
    return { changed, complete: true };
  }
}

interface SectionState {
  blocks: Set<number>;
  sent: Map<number, Sent>;
}

export class SuggestionAnalyser {
  private compiled: CompiledContext | null = null;
  private base: CompiledContext | null = null;
  private dismissed: readonly string[] = [];
  private readonly cache = new SuggestionCache();
  private readonly texts = new Map<number, string>();
  private readonly sections = new Map<string, SectionState>();
  /** Bumped by every new context. */
  epoch = 0;

  /** The body's organisations, people, terms and the meeting date: every block is read again on the next run. */
  setContext(context: SuggestionContext): void {
    this.base = compileContext(context);
    this.compiled = withDismissed(this.base, this.dismissed);
    this.epoch++;
  }

  /** Texts dismissed in this meeting (never suggested again): every block is read again on the next run. */
  setDismissed(dismissed: readonly string[]): void {
    this.dismissed = dismissed;
    if (this.base) this.compiled = withDismissed(this.base, dismissed);
    this.epoch++;
  }

  get ready(): boolean {
    return this.compiled !== null;
  }

  /**
   * Starts a pass over a section: `blocks` in order, `texts` for the numbers not sent before. Numbers of the section's
   * previous pass that are gone are forgotten (with their texts). `resend`: the page holds nothing of this section.
   */
  start(sectionKey: string, blocks: readonly number[], texts: ReadonlyArray<readonly [number, string]>, resend = false): SectionRun {
    for (const [id, text] of texts) this.texts.set(id, text);
    let section = this.sections.get(sectionKey);
    if (!section) {
      section = { blocks: new Set(), sent: new Map() };
      this.sections.set(sectionKey, section);
    }
    const now = new Set(blocks);
    for (const id of section.blocks) {
      if (now.has(id)) continue;
      this.texts.delete(id);
      section.sent.delete(id);
    }
    section.blocks = now;
    // The page dropped what it had of this section (suggestions were off): send every block's suggestions again.
    if (resend) section.sent.clear();
    return new SectionRun(this, section, blocks);
  }

  /** A section taken down (its editor unmounted): its blocks are forgotten. */
  drop(sectionKey: string): void {
    const section = this.sections.get(sectionKey);
    if (!section) return;
    for (const id of section.blocks) this.texts.delete(id);
    this.sections.delete(sectionKey);
  }

  /** @internal for SectionRun */
  textOf(id: number): string | undefined {
    return this.texts.get(id);
  }
  /** @internal */
  cached(text: string, speaker: Speaker | null): boolean {
    return this.compiled !== null && this.cache.has(text, this.compiled, speaker);
  }
  /** @internal */
  block(text: string, speaker: Speaker | null) {
    if (!this.compiled) throw new Error('The suggestion engine has no context yet.');
    return this.cache.block(text, this.compiled, speaker);
  }
}

function sameSuggestions(a: readonly Suggestion[], b: readonly Suggestion[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.start !== y.start || x.end !== y.end || x.kind !== y.kind || x.reason !== y.reason || x.text !== y.text) return false;
  }
  return true;
}
