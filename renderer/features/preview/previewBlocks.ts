import type { SummaryBlock } from '../../../shared/redaction/public-model';

/**
 * The preview's blocks, sent back from its worker as what changed since its last answer (issue 16): a long meeting's
 * whole summary (12,000 blocks at 12,000 paragraphs) was copied back to the page and rendered again after each pause
 * in typing, where one block changed. The worker (`BlocksSender`) sends a block the page does not hold as it is, and
 * for the others a run of the page's blocks of its last answer (`keep`: the index of the first, `count`); the page
 * (`BlocksHeld`) puts the same objects back, so an unchanged block is the same object and is not rendered again.
 * Each block of the last answer stands in for one new block at most: no object is twice in a summary (list numbers
 * are kept per block object).
 */
export type WireBlock = SummaryBlock | { keep: number; count: number };

const isKeep = (w: WireBlock): w is { keep: number; count: number } => 'keep' in w;

/** The worker's side: the blocks of its last answer, as JSON. */
export class BlocksSender {
  private last: string[] = [];

  pack(blocks: readonly SummaryBlock[]): WireBlock[] {
    const json = blocks.map((b) => JSON.stringify(b));
    // Where each block of the last answer stands, in order: each is taken once.
    const free = new Map<string, { at: number[]; next: number }>();
    this.last.forEach((j, i) => {
      const f = free.get(j);
      if (f) f.at.push(i);
      else free.set(j, { at: [i], next: 0 });
    });
    const out: WireBlock[] = [];
    json.forEach((j, n) => {
      const f = free.get(j);
      if (!f || f.next >= f.at.length) {
        out.push(blocks[n]!);
        return;
      }
      const i = f.at[f.next++]!;
      const run = out[out.length - 1];
      if (run && isKeep(run) && run.keep + run.count === i) run.count++;
      else out.push({ keep: i, count: 1 });
    });
    this.last = json;
    return out;
  }
}

/** The page's side: the blocks of the last answer. */
export class BlocksHeld {
  private last: SummaryBlock[] = [];

  /** The whole list, or null if a run names blocks the page does not hold (it then holds none). */
  unpack(wire: readonly WireBlock[]): SummaryBlock[] | null {
    const out: SummaryBlock[] = [];
    for (const w of wire) {
      if (!isKeep(w)) {
        out.push(w);
        continue;
      }
      if (w.keep < 0 || w.count < 1 || w.keep + w.count > this.last.length) {
        this.last = [];
        return null;
      }
      for (let k = 0; k < w.count; k++) out.push(this.last[w.keep + k]!);
    }
    this.last = out;
    return out;
  }
}
