import type { Suggestion } from '../../../shared/suggestions/types';

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

/** A suggestion placed on a block's DOM text: where its underline starts and ends. */
export interface PlacedSuggestion<D> extends Suggestion {
  from: DomPoint<D>;
  to: DomPoint<D>;
}

/**
 * Places a block's suggestions on its DOM text nodes. Suggestions that touch flagged text are dropped (the officer
 * has flagged that passage or part of it: the rest was judged with it); those whose ends cannot be placed are dropped
 * too (no underline is better than a wrong one).
 */
export function placeBlock<D>(block: TextBlock<D>, suggestions: readonly Suggestion[]): Array<PlacedSuggestion<D>> {
  const out: Array<PlacedSuggestion<D>> = [];
  for (const s of suggestions) {
    if (touchesFlag(block.segments, s.start, s.end)) continue;
    const from = startPoint(block.segments, s.start);
    const to = endPoint(block.segments, s.end);
    if (from && to) out.push({ ...s, from, to });
  }
  return out;
}
