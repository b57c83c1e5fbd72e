import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SerializedElement } from '../../shared/editor/doc-model';
import { flaggedTexts } from '../../shared/redaction/flagged-texts';
import { sectionText } from '../../shared/redaction/plain-text';
import { ReadSection, RedactionError } from '../../shared/redaction/walk';
import { searchBlocks } from '../../shared/search/blocks';
import { doc as sectionDoc } from '../db/minutes-fixture';
import { allNodes, clone, renderedDocArb, unknownTypeArb } from '../fixtures/docs';

/**
 * A save reads its section once (ReadSection) and takes its plain text, flagged passages and search blocks from that
 * reading (minutes-service.ts). Whatever the content, each reader must say from the reading exactly what it says from
 * the content walked anew: the flag records and the search index are built from it.
 */

const NUM_RUNS = Number(process.env.FC_RUNS ?? 500);
const params = (): fc.Parameters<unknown> => ({ numRuns: NUM_RUNS, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) });

/** The error a call throws, or null. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return null;
  } catch (e) {
    return e;
  }
}

describe('a section read once (ReadSection)', () => {
  it('gives each reader what the content walked anew gives it', () => {
    fc.assert(
      fc.property(renderedDocArb, ({ doc }) => {
        const read = ReadSection.of(doc, 'content');
        expect(sectionText(read)).toBe(sectionText(doc));
        expect(flaggedTexts(read)).toEqual(flaggedTexts(doc));
        expect(searchBlocks(read)).toEqual(searchBlocks(doc));
        // Read twice: a reading is not used up.
        expect(sectionText(read)).toBe(sectionText(doc));
      }),
      params(),
    );
  });

  it('refuses what the walk refuses, with the same error', () => {
    fc.assert(
      fc.property(renderedDocArb, fc.nat(), unknownTypeArb, ({ doc: original }, at, type) => {
        const doc = clone(original);
        const nodes = allNodes(doc);
        nodes[at % nodes.length]!.node.type = type;
        const fromRead = thrown(() => ReadSection.of(doc, 'content'));
        const fromText = thrown(() => sectionText(doc));
        expect(fromRead).toBeInstanceOf(RedactionError);
        expect((fromRead as RedactionError).message).toBe((fromText as RedactionError).message);
      }),
      params(),
    );
  });

  it('keeps what it read when the content object is changed afterwards', () => {
    const doc = sectionDoc('Before');
    const read = ReadSection.of(doc, 'content');
    const leaf = (doc.root.children[0] as SerializedElement).children[0] as unknown as { text: string };
    leaf.text = 'After';
    expect(sectionText(read)).toBe('Before');
    expect(sectionText(doc)).toBe('After');
  });
});
