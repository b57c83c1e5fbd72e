/** Turning a passage with marked hits and flagged ranges into the pieces a search result shows. */

export interface Piece {
  text: string;
  hit: boolean;
  flagged: boolean;
}

/** Splits `marked` (hits between `open` and `close`) into the plain text and the [start, end) ranges of the hits. */
export function unmark(marked: string, open: string, close: string): { text: string; hits: Array<[number, number]> } {
  let text = '';
  const hits: Array<[number, number]> = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === open) start = text.length;
    else if (ch === close) {
      if (start >= 0 && text.length > start) hits.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { text, hits };
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];

/** Whether any hit overlaps a flagged range. */
export function hitsFlagged(hits: ReadonlyArray<readonly [number, number]>, flags: ReadonlyArray<readonly [number, number]>): boolean {
  return hits.some((h) => flags.some((f) => overlaps(h, f)));
}

/**
 * The pieces of `text` between `from` and `to`, cut wherever a hit or a flagged range starts or ends.
 */
export function piecesOf(
  text: string,
  hits: ReadonlyArray<readonly [number, number]>,
  flags: ReadonlyArray<readonly [number, number]>,
  from = 0,
  to = text.length,
): Piece[] {
  const cuts = new Set<number>([from, to]);
  for (const [a, b] of [...hits, ...flags]) {
    if (a > from && a < to) cuts.add(a);
    if (b > from && b < to) cuts.add(b);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const hit = hits.some((h) => h[0] <= a && h[1] >= b);
    const flagged = flags.some((f) => f[0] <= a && f[1] >= b);
    const last = out[out.length - 1];
    if (last && last.hit === hit && last.flagged === flagged) last.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), hit, flagged });
  }
  return out;
}

/**
 * A window of about `size` characters around the first hit, widened to word boundaries, with "…" where cut.
 */
export function snippetWindow(text: string, hits: ReadonlyArray<readonly [number, number]>, size = 220): { from: number; to: number } {
  if (text.length <= size) return { from: 0, to: text.length };
  const first = hits[0] ?? [0, 0];
  let from = Math.max(0, first[0] - Math.floor(size / 3));
  let to = Math.min(text.length, from + size);
  from = Math.max(0, Math.min(from, to - size));
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp !== -1 && sp < first[0]) from = sp + 1;
  }
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to);
    if (sp > first[1]) to = sp;
  }
  return { from, to };
}
