import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlocksHeld, BlocksSender } from '../../renderer/features/preview/previewBlocks';
import type { SummaryBlock } from '../../shared/redaction/public-model';

const para = (text: string): SummaryBlock => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }] });
const item = (text: string, list: number): SummaryBlock => ({ kind: 'listItem', ordered: true, depth: 0, list, inlines: [{ kind: 'text', text }] });

describe('the preview’s blocks, sent back as what changed', () => {
  it('any sequence of summaries (blocks changed, added, removed, moved, repeated): the page holds each exactly, an unchanged block as the same object, never one object twice (property)', () => {
    // Few distinct blocks, so that repeats and moves are common.
    const block = fc.oneof(fc.constantFrom('a', 'b', 'c', '', 'Not published.').map(para), fc.tuple(fc.constantFrom('x', 'y'), fc.nat(2)).map(([t, l]) => item(t, l)));
    fc.assert(
      fc.property(fc.array(fc.array(block, { maxLength: 12 }), { minLength: 1, maxLength: 8 }), (summaries) => {
        const sender = new BlocksSender();
        const held = new BlocksHeld();
        let before: SummaryBlock[] = [];
        for (const blocks of summaries) {
          const wire = structuredClone(sender.pack(blocks));
          const got = held.unpack(wire)!;
          expect(got).toEqual(blocks);
          expect(new Set(got).size).toBe(got.length);
          // A block the page held as it is comes back as that object: only the others are new.
          const kept = got.filter((b) => before.includes(b)).length;
          const left = before.map((b) => JSON.stringify(b));
          let reusable = 0;
          for (const b of blocks) {
            const i = left.indexOf(JSON.stringify(b));
            if (i >= 0) {
              reusable++;
              left.splice(i, 1);
            }
          }
          expect(kept).toBe(reusable);
          before = got;
        }
      }),
    );
  });

  it('an unchanged run is one short entry: one paragraph typed into the middle of 1,000 sends one block and two runs', () => {
    const sender = new BlocksSender();
    const blocks = Array.from({ length: 1000 }, (_, i) => para(`Paragraph ${i}.`));
    sender.pack(blocks);
    const changed = blocks.map((b, i) => (i === 500 ? para('Paragraph 500, with a key more.') : b));
    expect(sender.pack(changed)).toEqual([{ keep: 0, count: 500 }, para('Paragraph 500, with a key more.'), { keep: 501, count: 499 }]);
  });

  it('a run naming blocks the page does not hold: null, and the page holds none', () => {
    const held = new BlocksHeld();
    expect(held.unpack([para('a')])).toHaveLength(1);
    expect(held.unpack([{ keep: 0, count: 2 }])).toBeNull();
    expect(held.unpack([{ keep: 0, count: 1 }])).toBeNull();
  });
});
