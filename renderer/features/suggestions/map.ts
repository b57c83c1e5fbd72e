import { suggest, type CompiledContext, type Suggestion } from '../../../shared/suggestions';

/**
 * The engine's findings per block text, for one context: typing changes one block, so a section's other blocks cost
 * nothing on the next run. Bounded; forgotten whenever the context (terms, dismissals, members) changes.
 */
export class SuggestionCache {
  private context: CompiledContext | null = null;
  private readonly byText = new Map<string, Suggestion[]>();
  constructor(private readonly max = 5000) {}
  get(text: string, context: CompiledContext): Suggestion[] {
    if (context !== this.context) {
      this.byText.clear();
      this.context = context;
    }
    let found = this.byText.get(text);
    if (!found) {
      found = suggest(text, context);
      if (this.byText.size >= this.max) this.byText.clear();
      this.byText.set(text, found);
    }
    return found;
  }
}

/**
 * One run of a block's text as the editor shows it: [start, end) in the block's text, the DOM node holding it (null
 * for a line break or anything not backed by one text node), and whether it lies inside a flag.
 */
export interface Segment<D> {
  start: number;
  end: number;
  dom: D | null;
  flagged: boolean;
}

export interface TextBlock<D> {
  text: string;
  segments: Array<Segment<D>>;
}

/** A point in the DOM: a text node and an offset in it. */
export interface DomPoint<D> {
  node: D;
  offset: number;
}

export interface PlacedSuggestion<D> extends Suggestion {
  /** Index of the block in the section. */
  block: number;
  from: DomPoint<D>;
  to: DomPoint<D>;
}

/** The DOM point of a start offset: inside the text segment that holds the character at `offset`. */
export function startPoint<D>(segments: ReadonlyArray<Segment<D>>, offset: number): DomPoint<D> | null {
  for (const s of segments) if (s.dom !== null && s.start <= offset && offset < s.end) return { node: s.dom, offset: offset - s.start };
  return null;
}

/** The DOM point of an end offset: inside the text segment that holds the character just before `offset`. */
export function endPoint<D>(segments: ReadonlyArray<Segment<D>>, offset: number): DomPoint<D> | null {
  for (const s of segments) if (s.dom !== null && s.start < offset && offset <= s.end) return { node: s.dom, offset: offset - s.start };
  return null;
}

/** Whether every character of [start, end) that is text lies inside a flag (nothing left to suggest). */
export function alreadyFlagged<D>(segments: ReadonlyArray<Segment<D>>, start: number, end: number): boolean {
  let any = false;
  for (const s of segments) {
    if (s.end <= start || s.start >= end || s.dom === null) continue;
    any = true;
    if (!s.flagged) return false;
  }
  return any;
}

/** Whether any text character of [start, end) lies inside a flag: the officer has judged that passage already. */
export function touchesFlag<D>(segments: ReadonlyArray<Segment<D>>, start: number, end: number): boolean {
  return segments.some((s) => s.flagged && s.dom !== null && s.end > start && s.start < end);
}

/**
 * Runs the suggestion engine on each block and places every suggestion on the DOM text nodes. Suggestions wholly
 * that touch flagged text are dropped (the officer has flagged that passage or part of it: the rest was judged with
 * it); those whose ends cannot be placed are dropped too (no underline
 * is better than a wrong one).
 */
export function placeSuggestions<D>(blocks: ReadonlyArray<TextBlock<D>>, context: CompiledContext, cache?: SuggestionCache): Array<PlacedSuggestion<D>> {
  const out: Array<PlacedSuggestion<D>> = [];
  blocks.forEach((b, block) => {
    if (b.text.trim() === '') return;
    for (const s of cache ? cache.get(b.text, context) : suggest(b.text, context)) {
      if (touchesFlag(b.segments, s.start, s.end)) continue;
      const from = startPoint(b.segments, s.start);
      const to = endPoint(b.segments, s.end);
      if (from && to) out.push({ ...s, block, from, to });
    }
  });
  return out;
}
