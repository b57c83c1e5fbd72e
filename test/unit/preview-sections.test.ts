import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSections, SectionsHeld, SectionsSender, type LazySection } from '../../renderer/features/preview/previewSections';
import type { SerializedDoc } from '../../shared/editor/doc-model';

/** A section whose content follows from its key and token (as an editor's from its state), counting its reads. */
const lazy = (key: string, token: number, reads: string[]): LazySection => ({
  key,
  token,
  read: () => {
    reads.push(key);
    return { root: { type: 'root', children: [{ key, token }] } } as unknown as SerializedDoc;
  },
});

/** What the worker receives: a structured clone (no functions, no shared objects). */
const clone = <T>(x: T): T => structuredClone(x);

describe('the preview’s sections, sent as what changed', () => {
  it('any sequence of builds (sections changed, added, removed, reordered; some never sent): the worker rebuilds every source exactly, reading only what changed (property)', () => {
    const build = fc.uniqueArray(fc.record({ key: fc.constantFrom('opening', 'a', 'b', 'c', 'd', 'closing'), token: fc.nat(3) }), { selector: (s) => s.key, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.record({ sections: build, lost: fc.boolean() }), { minLength: 1, maxLength: 12 }), (builds) => {
        const sender = new SectionsSender();
        const held = new SectionsHeld();
        let worker = new Map<string, number>(); // what the worker got last: key → token
        for (const b of builds) {
          const reads: string[] = [];
          const sections = b.sections.map((s) => lazy(s.key, s.token, reads));
          const { wire, sent } = sender.pack(sections);
          // Read only the sections the worker does not hold as they are.
          expect(reads).toEqual(b.sections.filter((s) => worker.get(s.key) !== s.token).map((s) => s.key));
          if (b.lost) continue; // could not be posted: nothing sent, nothing recorded
          sent();
          const got = held.unpack(clone(wire));
          expect(got).toEqual(readSections(b.sections.map((s) => lazy(s.key, s.token, []))));
          worker = new Map(b.sections.map((s) => [s.key, s.token]));
        }
      }),
    );
  });

  it('a section sent as unchanged that the worker does not hold: it says so (null) and holds nothing, so the next is sent whole', () => {
    const held = new SectionsHeld();
    expect(held.unpack([{ key: 'a', content: { root: {} } as unknown as SerializedDoc }])).toHaveLength(1);
    expect(held.unpack([{ key: 'b', same: true }])).toBeNull();
    expect(held.unpack([{ key: 'a', same: true }])).toBeNull(); // forgotten with the rest
  });

  it('a token that is undefined is a token like another: a section first seen with it is still sent', () => {
    const sender = new SectionsSender();
    const reads: string[] = [];
    const s: LazySection = { key: 'a', token: undefined, read: () => (reads.push('a'), { root: {} } as unknown as SerializedDoc) };
    expect(sender.pack([s]).wire).toEqual([{ key: 'a', content: { root: {} } }]);
  });
});
