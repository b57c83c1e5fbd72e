import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { flaggedTexts, inlinesPlainText, publicPlainText, redact, RedactionError, type RedactionInput } from '../../shared/redaction/redact';
import type { PublicDocument } from '../../shared/redaction/public-model';
import {
  agendaArb,
  allNodes,
  CANARY_PREFIX,
  clone,
  docSpecArb,
  renderDoc,
  renderedDocArb,
  unknownTypeArb,
  WITHHELD_PREFIX,
  type DocSpec,
} from '../fixtures/docs';

/** Case count from FC_RUNS (default 1000); FC_SEED replays a failure (fast-check prints the seed and path when one fails). */
const NUM_RUNS = Number(process.env.FC_RUNS ?? 1000);
const params = (): fc.Parameters<unknown> => ({ numRuns: NUM_RUNS, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) });

const MARKER = '[…]';

function inputWith(doc: SerializedDoc, over: Partial<RedactionInput> = {}): RedactionInput {
  return {
    bodyName: 'Signatory Taskforce',
    meeting: { title: 'Plenary', startsAt: '2026-01-30T10:00', redactionMarker: MARKER, withheldDisplay: 'title_only' },
    agenda: [],
    sections: [{ key: 'opening', content: doc }],
    organisations: ['Example AI'],
    ...over,
  };
}

function assertNoLeak(pub: PublicDocument, prefixes: string[], canaries: string[]) {
  const json = JSON.stringify(pub);
  const plain = publicPlainText(pub);
  for (const p of prefixes) {
    expect(json).not.toContain(p);
    expect(plain).not.toContain(p);
  }
  for (const c of canaries) expect(json.includes(c) || plain.includes(c)).toBe(false);
}

/** Per block (the renderer keeps model order, list items included): maximal runs of flagged atoms, as the public model must show them (empty unflagged text separates nothing). */
function flaggedRuns(spec: DocSpec): number[] {
  return spec.blocks.map((b) => {
    let runs = 0;
    let inRun = false;
    for (const a of b.atoms) {
      if (a.flags.length > 0) {
        if (!inRun) runs++;
        inRun = true;
      } else if (!(a.kind === 'text' && a.text === '')) inRun = false;
    }
    return runs;
  });
}

describe(`redaction properties (${NUM_RUNS} cases each; FC_RUNS, FC_SEED)`, () => {
  it('(a) no flagged character, and no URL of a link holding flagged text, reaches the public model or its text', () => {
    fc.assert(
      fc.property(renderedDocArb, (r) => {
        assertNoLeak(redact(inputWith(r.doc)), [CANARY_PREFIX], r.canaries);
      }),
      params(),
    );
  });

  it('(b) no unflagged character is lost, blocks keep their kind, and each flagged run is one marker', () => {
    fc.assert(
      fc.property(docSpecArb, (spec) => {
        const r = renderDoc(spec);
        const blocks = redact(inputWith(r.doc)).sections[0]!.blocks;
        // Blocks with nothing to show (no unflagged text, no flag) are left out of the public model.
        const kept = r.expected.map((e, i) => ({ e, runs: flaggedRuns(spec)[i]! })).filter(({ e }) => e.unflagged !== '' || e.hasFlagged);
        expect(blocks.length).toBe(kept.length);
        blocks.forEach((b, i) => {
          if (b.kind === 'table') throw new Error('no tables are generated here');
          const want = kept[i]!.e;
          expect(b.kind).toBe(want.kind);
          if (b.kind === 'heading') expect(b.level).toBe(want.level);
          if (b.kind === 'listItem') expect({ ordered: b.ordered, depth: b.depth }).toEqual({ ordered: want.ordered, depth: want.depth });
          expect(inlinesPlainText(b.inlines, '')).toBe(want.unflagged);
          const markers = JSON.stringify(b.inlines).split('"redacted"').length - 1;
          expect(markers).toBe(kept[i]!.runs);
        });
      }),
      params(),
    );
  });

  it('(c) the public model does not depend on the length of what is flagged', () => {
    fc.assert(
      fc.property(docSpecArb, fc.integer({ min: 1, max: 30 }), (spec, pad) => {
        const short = redact(inputWith(renderDoc(spec, { pad: 0 }).doc));
        const long = redact(inputWith(renderDoc(spec, { pad }).doc));
        expect(long).toEqual(short);
        expect(publicPlainText(long)).toBe(publicPlainText(short));
      }),
      params(),
    );
  });

  it('(d) an unknown node type anywhere is refused with a RedactionError', () => {
    fc.assert(
      fc.property(renderedDocArb, fc.nat(), unknownTypeArb, fc.constantFrom('replace', 'insert-leaf', 'insert-element'), (r, at, type, how) => {
        const doc = clone(r.doc);
        const nodes = allNodes(doc);
        const target = nodes[at % nodes.length]!;
        if (how === 'replace' || !Array.isArray(target.node.children)) target.node.type = type;
        else {
          const kids = target.node.children as SerializedNode[];
          const extra: SerializedNode = how === 'insert-leaf' ? { type, version: 1, text: 'ZQleak' } : { type, version: 1, children: [{ type: 'text', version: 1, text: 'ZQleak' }] };
          kids.splice(at % (kids.length + 1), 0, extra);
        }
        expect(() => redact(inputWith(doc))).toThrow(RedactionError);
        expect(() => flaggedTexts(doc)).toThrow(RedactionError);
      }),
      params(),
    );
  });

  it('(e) a known node type with an unexpected shape is refused with a RedactionError', () => {
    const mutations: Array<(n: SerializedNode) => boolean> = [
      (n) => Array.isArray(n.children) && (delete n.children, true),
      (n) => Array.isArray(n.children) && ((n.children = 'ZQ' as unknown as SerializedNode[]), true),
      (n) => (n.type === 'text' || n.type === 'timestamp') && ((n.text = 42), true),
      (n) => n.type === 'text' && ((n.format = 'bold'), true),
      (n) => n.type === 'flag' && ((n.ids = []), true),
      (n) => n.type === 'flag' && ((n.ids = 'f1'), true),
      (n) => (n.type === 'link' || n.type === 'autolink') && (delete n.url, true),
      (n) => n.type === 'heading' && ((n.tag = 'h7'), true),
      (n) => n.type === 'list' && ((n.listType = 'dots'), true),
      (n) => (n.type === 'decision' || n.type === 'action') && (delete n.recordId, true),
      (n) => ((n.version = 'one' as unknown as number), true),
    ];
    fc.assert(
      fc.property(renderedDocArb, fc.nat(), fc.nat({ max: mutations.length - 1 }), (r, at, m) => {
        const doc = clone(r.doc);
        const nodes = allNodes(doc);
        const applied = mutations[m]!(nodes[at % nodes.length]!.node);
        fc.pre(applied);
        expect(() => redact(inputWith(doc))).toThrow(RedactionError);
      }),
      params(),
    );
  });

  it('(f) withheld items and their sub-items publish nothing but (optionally) their title, in agenda order', () => {
    fc.assert(
      fc.property(agendaArb, fc.array(docSpecArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('title_only', 'omit' as const), (agenda, specs, display) => {
        const byId = new Map(agenda.map((a) => [a.id, a]));
        const withheld = (id: string): boolean => {
          const it = byId.get(id)!;
          return !it.forPublication || (it.parentId !== null && withheld(it.parentId));
        };
        const canaries: string[] = [];
        const sections = ['opening', ...agenda.map((a) => a.id), 'closing'].map((key, i) => {
          const hide = key !== 'opening' && key !== 'closing' && withheld(key);
          const r = renderDoc(specs[i % specs.length]!, hide ? { prefix: WITHHELD_PREFIX, allCanary: true } : {});
          canaries.push(...r.canaries);
          return { key, content: r.doc };
        });
        const pub = redact({ ...inputWith(emptyRoot()), agenda, sections, meeting: { title: 'P', startsAt: '2026-02-01T09:30', redactionMarker: MARKER, withheldDisplay: display } });
        assertNoLeak(pub, [CANARY_PREFIX, WITHHELD_PREFIX], canaries);
        const numbered = [...agenda].sort((a, b) => cmpNumber(a.number, b.number));
        const want = ['opening', ...numbered.filter((a) => display === 'title_only' || !withheld(a.id)).map((a) => a.id), 'closing'];
        expect(pub.sections.map((s) => s.key)).toEqual(want);
        for (const s of pub.sections) {
          const isWithheld = s.key !== 'opening' && s.key !== 'closing' && withheld(s.key);
          expect(s.withheld).toBe(isWithheld);
          if (isWithheld) expect(s.blocks).toEqual([]);
        }
        expect(pub.date).toBe('2026-02-01');
      }),
      params(),
    );
  });

  it('(g) flaggedTexts reports every flagged text under each of its flag ids, and nothing unflagged', () => {
    fc.assert(
      fc.property(renderedDocArb, (r) => {
        const found = flaggedTexts(r.doc);
        for (const { ids, canary } of r.flaggedAtoms)
          for (const id of ids) {
            const entry = found.find((f) => f.ids.includes(id));
            expect(entry?.text).toContain(canary);
          }
        for (const f of found) {
          expect(f.ids.length).toBeGreaterThan(0);
          expect(f.text.replace(/ZQ\d+XK*/g, '').replace(/[\n\t]/g, '')).toBe('');
        }
      }),
      params(),
    );
  });
});

function cmpNumber(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

function emptyRoot(): SerializedDoc {
  return { root: { type: 'root', version: 1, children: [] } };
}
