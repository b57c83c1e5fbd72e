import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MAX_TEXT } from '../../shared/editor/doc-model';
import { SerializedDoc } from '../../shared/editor/doc-schema';

/**
 * The stored-document schema moved from zod's full API to its light build, zod/mini (issue 16), so the renderer carries
 * ~25 KB of zod instead of ~95 KB. The schema is the gate of every save and of the redaction walk: it must accept and
 * refuse exactly what it did. Below is the full-API schema as it was (shared/editor/doc-model.ts before the move),
 * and documents drawn at random, near every limit, valid and not, are parsed by both: same verdict, same first issue
 * (code, path, message: the walk's refusal quotes the message).
 */
function classicDocSchema() {
  const common = { version: z.number().int() };
  const elementCommon = {
    ...common,
    direction: z.enum(['ltr', 'rtl']).nullable().optional(),
    format: z.union([z.string(), z.number()]).optional(),
    indent: z.number().int().min(0).max(20).optional(),
    textFormat: z.number().int().optional(),
    textStyle: z.string().optional(),
  };

  const FlagIds = z.array(z.string().min(1).max(64)).min(1).max(64);

  // Node and FlagIds are plain schemas (Node is z.lazy): a document's every node is parsed through them.
  const Node: z.ZodType<unknown> = z.lazy(() =>
    z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('root'), ...elementCommon, children: z.array(Node).max(100_000) }),
      z.looseObject({ type: z.literal('paragraph'), ...elementCommon, children: z.array(Node).max(10_000) }),
      z.looseObject({ type: z.literal('heading'), ...elementCommon, tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), children: z.array(Node).max(10_000) }),
      z.looseObject({ type: z.literal('quote'), ...elementCommon, children: z.array(Node).max(10_000) }),
      z.looseObject({
        type: z.literal('list'),
        ...elementCommon,
        listType: z.enum(['bullet', 'number', 'check']),
        start: z.number().int().optional(),
        tag: z.enum(['ul', 'ol']).optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({ type: z.literal('listitem'), ...elementCommon, value: z.number().int().optional(), checked: z.boolean().optional(), children: z.array(Node).max(10_000) }),
      z.looseObject({
        type: z.literal('link'),
        ...elementCommon,
        url: z.string().max(4000),
        rel: z.string().nullable().optional(),
        target: z.string().nullable().optional(),
        title: z.string().nullable().optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({
        type: z.literal('autolink'),
        ...elementCommon,
        url: z.string().max(4000),
        rel: z.string().nullable().optional(),
        target: z.string().nullable().optional(),
        title: z.string().nullable().optional(),
        isUnlinked: z.boolean().optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({ type: z.literal('flag'), ...elementCommon, ids: FlagIds, children: z.array(Node).max(10_000) }),
      z.looseObject({ type: z.literal('decision'), ...elementCommon, recordId: z.string().min(1).max(64), children: z.array(Node).max(10_000) }),
      z.looseObject({ type: z.literal('action'), ...elementCommon, recordId: z.string().min(1).max(64), children: z.array(Node).max(10_000) }),
      z.looseObject({
        type: z.literal('table'),
        ...elementCommon,
        colWidths: z.array(z.number().min(0).max(100_000)).max(1000).optional(),
        rowStriping: z.boolean().optional(),
        frozenColumnCount: z.number().int().min(0).optional(),
        frozenRowCount: z.number().int().min(0).optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({ type: z.literal('tablerow'), ...elementCommon, height: z.number().min(0).max(100_000).optional(), children: z.array(Node).max(1000) }),
      z.looseObject({
        type: z.literal('tablecell'),
        ...elementCommon,
        headerState: z.number().int().min(0).max(3).optional(),
        colSpan: z.number().int().min(1).max(1000).optional(),
        rowSpan: z.number().int().min(1).max(10_000).optional(),
        width: z.number().min(0).max(100_000).nullable().optional(),
        backgroundColor: z.string().max(100).nullable().optional(),
        verticalAlign: z.string().max(20).nullable().optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({
        type: z.literal('text'),
        ...common,
        text: z.string().max(MAX_TEXT),
        format: z.number().int().min(0).max(2047).optional(),
        style: z.string().max(1000).optional(),
        mode: z.enum(['normal', 'token', 'segmented']).optional(),
        detail: z.number().int().optional(),
      }),
      z.looseObject({ type: z.literal('linebreak'), ...common }),
      z.looseObject({ type: z.literal('tab'), ...common, text: z.string().optional(), format: z.number().int().optional(), style: z.string().optional(), mode: z.string().optional(), detail: z.number().int().optional() }),
      z.looseObject({ type: z.literal('timestamp'), ...common, text: z.string().max(40), at: z.string().max(40) }),
    ]),
  );

  return z.object({
    root: z.looseObject({ type: z.literal('root'), ...elementCommon, children: z.array(Node).max(100_000) }),
  });
}


const classic = classicDocSchema();

/** The first issue as the walk reads it. */
function verdict(r: { success: boolean; error?: { issues: ReadonlyArray<{ code: string; path: PropertyKey[]; message: string }> } }) {
  if (r.success) return 'ok';
  const i = r.error!.issues[0]!;
  return { code: i.code, path: i.path.map(String), message: i.message };
}

/** A valid node of each type (children are added below); every test document starts from these. */
const BASE: Record<string, Record<string, unknown>> = {
  paragraph: { direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' },
  heading: { tag: 'h2' },
  quote: {},
  list: { listType: 'bullet', start: 1, tag: 'ul' },
  listitem: { value: 1, checked: false },
  link: { url: 'https://x.eu', rel: null, target: null, title: null },
  autolink: { url: 'https://x.eu', isUnlinked: false },
  flag: { ids: ['f1'] },
  decision: { recordId: 'd1' },
  action: { recordId: 'a1' },
  table: { colWidths: [10, 20], rowStriping: false, frozenColumnCount: 0, frozenRowCount: 0 },
  tablerow: { height: 10 },
  tablecell: { headerState: 0, colSpan: 1, rowSpan: 1, width: null, backgroundColor: null, verticalAlign: null },
  text: { text: 'words', format: 0, style: '', mode: 'normal', detail: 0 },
  linebreak: {},
  tab: { text: '\t', format: 0, style: '', mode: 'normal', detail: 0 },
  timestamp: { text: '[10:42]', at: '2026-02-10T10:42:00Z' },
};
const LEAVES = new Set(['text', 'linebreak', 'tab', 'timestamp']);

/** Values at and just past each limit the schema has, and of the wrong kinds. */
const EDGE: unknown[] = [
  ...[0, 1, -1, 0.5, 3, 4, 20, 21, 1000, 1001, 2047, 2048, 10_000, 10_001, 100_000, 100_001, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity],
  ...['', 'x', 'ltr', 'rtl', 'up', 'bullet', 'check', 'ol', 'h6', 'h7', 'token', 'segmented', 'odd', 'y'.repeat(20), 'y'.repeat(21), 'y'.repeat(40), 'y'.repeat(41), 'y'.repeat(64), 'y'.repeat(65), 'y'.repeat(100), 'y'.repeat(101), 'y'.repeat(1000), 'y'.repeat(1001), 'y'.repeat(4000), 'y'.repeat(4001), 't'.repeat(MAX_TEXT), 't'.repeat(MAX_TEXT + 1)],
  ...[null, undefined, true, [], {}, ['f1'], Array.from({ length: 64 }, (_, i) => `f${i}`), Array.from({ length: 65 }, (_, i) => `f${i}`), [''], ['y'.repeat(65)], new Array(1000).fill(1), new Array(1001).fill(1), [-1], [100_001]],
];
const edge = fc.constantFrom(...EDGE);
const FIELDS = ['version', 'direction', 'format', 'indent', 'textFormat', 'textStyle', 'tag', 'listType', 'start', 'value', 'checked', 'url', 'rel', 'target', 'title', 'isUnlinked', 'ids', 'recordId', 'colWidths', 'rowStriping', 'frozenColumnCount', 'frozenRowCount', 'height', 'headerState', 'colSpan', 'rowSpan', 'width', 'backgroundColor', 'verticalAlign', 'text', 'style', 'mode', 'detail', 'at', 'type', 'children', 'extra'];
/** One change to a valid node: a field set to an edge value, or removed. */
const change = fc.record({ field: fc.constantFrom(...FIELDS), value: fc.oneof(edge, fc.constant('delete' as const)) });

const node: fc.Memo<unknown> = fc.memo((depth) =>
  fc
    .record({
      type: fc.constantFrom(...Object.keys(BASE)),
      changes: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.array(change, { maxLength: 2 }) }),
      children: depth > 1 ? fc.array(node(depth - 1), { maxLength: 3 }) : fc.constant([]),
    })
    .map(({ type, changes, children }) => {
      const n: Record<string, unknown> = { type, version: 1, ...BASE[type], ...(LEAVES.has(type) ? {} : { children }) };
      for (const c of changes) {
        if (c.value === 'delete') delete n[c.field];
        else n[c.field] = c.value;
      }
      return n;
    }),
);

/** A document of such nodes: most are valid, and each invalid one is off by one change. */
const doc = fc.record({ children: fc.array(node(4), { maxLength: 4 }), rootChange: fc.option(change) }).map(({ children, rootChange }) => {
  const root: Record<string, unknown> = { type: 'root', version: 1, direction: null, format: '', indent: 0, children };
  if (rootChange) {
    if (rootChange.value === 'delete') delete root[rootChange.field];
    else root[rootChange.field] = rootChange.value;
  }
  return { root };
});

describe('the stored-document schema in zod/mini (issue 16)', () => {
  it('accepts and refuses exactly what the full-API schema did, with the same first issue', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 8, arbitrary: doc }, { weight: 1, arbitrary: edge }, { weight: 1, arbitrary: fc.record({ root: edge }) }), (d) => {
        expect(verdict(SerializedDoc.safeParse(d) as never)).toEqual(verdict(classic.safeParse(d) as never));
      }),
      { numRuns: 4000 },
    );
  });

  it('every single change to a valid node of every type (each field at and past its limits, of a wrong kind, removed): same verdict', () => {
    const differ: string[] = [];
    for (const type of Object.keys(BASE)) {
      for (const field of FIELDS) {
        for (const value of [...EDGE, 'delete']) {
          const n: Record<string, unknown> = { type, version: 1, ...BASE[type], ...(LEAVES.has(type) ? {} : { children: [] }) };
          if (value === 'delete') delete n[field];
          else n[field] = value;
          const d = { root: { type: 'root', version: 1, children: [LEAVES.has(type) ? { type: 'paragraph', version: 1, children: [n] } : n] } };
          const a = verdict(SerializedDoc.safeParse(d));
          const b = verdict(classic.safeParse(d));
          if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(`${type}.${field} = ${JSON.stringify(value)?.slice(0, 30)}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('children at and past each count limit (root 100,000; blocks 10,000; a table row 1,000): same verdict', () => {
    const line = { type: 'linebreak', version: 1 };
    const cell = { type: 'tablecell', version: 1, children: [] };
    const cases: Array<[string, unknown]> = [];
    for (const n of [1000, 1001]) cases.push([`tablerow ${n}`, { type: 'table', version: 1, children: [{ type: 'tablerow', version: 1, children: new Array(n).fill(cell) }] }]);
    for (const n of [10_000, 10_001]) for (const t of ['paragraph', 'quote', 'flag']) cases.push([`${t} ${n}`, { type: t, version: 1, ...BASE[t], children: new Array(n).fill(line) }]);
    for (const [name, block] of cases) {
      const d = { root: { type: 'root', version: 1, children: [block] } };
      expect([name, verdict(SerializedDoc.safeParse(d) as never)]).toEqual([name, verdict(classic.safeParse(d) as never)]);
    }
    for (const n of [100_000, 100_001]) {
      const d = { root: { type: 'root', version: 1, children: new Array(n).fill({ type: 'paragraph', version: 1, children: [] }) } };
      expect([n, verdict(SerializedDoc.safeParse(d) as never)]).toEqual([n, verdict(classic.safeParse(d) as never)]);
    }
  });

  it('some drawn documents pass and some fail (the property above compares both sides, not just refusals)', () => {
    const drawn = fc.sample(doc, { numRuns: 2000, seed: 7 });
    const ok = drawn.filter((d) => SerializedDoc.safeParse(d).success).length;
    expect(ok).toBeGreaterThan(100);
    expect(ok).toBeLessThan(1900);
  });
});
