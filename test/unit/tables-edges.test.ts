import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import type { PublicBlock, PublicTable } from '../../shared/redaction/public-model';
import { publicationStates, publicBlocks, toInlines } from '../../shared/redaction/redact';
import { MAX_NESTING, RedactionError, sectionTree, walkSection, type Atom, type BlockShape } from '../../shared/redaction/walk';

/**
 * The edges of the table code of the walk and the redaction (issue 15: the survivors of the mutation run of the
 * redaction group in walk.ts and redact.ts, see docs/mutation.md): what a refusal says and where, cell positions of
 * lists and of several tables, header rows, empty rows, cells and tables, nesting inside a cell.
 */
const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
const t = (text: string): SerializedNode => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const p = (...c: SerializedNode[]) => el('paragraph', c);
const f = (ids: string[], ...c: SerializedNode[]) => el('flag', c, { ids });
const link = (url: string, ...c: SerializedNode[]) => el('link', c, { url });
const li = (...c: SerializedNode[]) => el('listitem', c);
const list = (listType: string, ...items: SerializedNode[]) => el('list', items, { listType });
const cell = (children: SerializedNode[], extra: Record<string, unknown> = {}) => el('tablecell', children, { headerState: 0, colSpan: 1, rowSpan: 1, ...extra });
const td = (...c: SerializedNode[]) => cell([p(...c)]);
const row = (...cells: SerializedNode[]) => el('tablerow', cells);
const table = (...rows: SerializedNode[]) => el('table', rows);
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) as SerializedDoc['root'] });

/** The RedactionError the walk throws for `content` (the test fails if it accepts it or throws anything else). */
function refusal(content: unknown): RedactionError {
  try {
    walkSection(content, 's', () => {});
  } catch (e) {
    expect(e).toBeInstanceOf(RedactionError);
    return e as RedactionError;
  }
  throw new Error('not refused');
}

const shapes = (content: unknown) => {
  const out: Array<{ shape: BlockShape; text: string }> = [];
  walkSection(content, 's', (shape, atoms) => out.push({ shape, text: atoms.map((a) => a.text).join('') }));
  return out;
};

const tables = (blocks: PublicBlock[]) => blocks.filter((b): b is PublicTable => b.kind === 'table');

describe('the walk refuses what it cannot judge in its own words, and says where', () => {
  it('a node that is not an object, and a section that is not a document', () => {
    for (const bad of [null, 'text', 7, [t('x')]]) {
      const e = refusal(doc(p(t('ok')), bad as unknown as SerializedNode));
      expect(e.message).toMatch(/^A node of the minutes is not an object/);
      expect(e.path).toBe('s.root.children[1]');
    }
    for (const bad of [null, undefined, 'minutes', 3]) expect(refusal(bad).message).toMatch(/^A section has no document/);
  });

  it('a text format that is not a whole number (the walk refuses it before the schema)', () => {
    const e = refusal(doc(p({ ...t('x'), format: 1.5 })));
    expect(e.message).toMatch(/^A text node has a format that is not a number/);
    expect(e.path).toBe('s.root.children[0].children[0]');
  });

  it('paths inside a list item, a table row and a table cell', () => {
    expect(refusal(doc(list('bullet', li(t('a')), li(t('b'), el('image', []))))).path).toBe('s.root.children[0].children[1].children[1]');
    expect(refusal(doc(table(row(td(t('a'))), row(td(t('b')), p(t('loose')))))).path).toBe('s.root.children[0].children[1].children[1]');
    expect(refusal(doc(table(row(td(t('a')), cell([p(t('b')), el('image', [])]))))).path).toBe('s.root.children[0].children[0].children[1].children[1]');
  });

  it('a block that is not a row, directly inside a table, is named as such', () => {
    const e = refusal(doc(table(td(t('no row')))));
    expect(e.message).toMatch(/^The redaction does not know a node of type "tablecell" directly inside a table \(/);
    expect(e.path).toBe('s.root.children[0].children[0]');
  });

  it('a decision and an action item in a cell, each by its name', () => {
    const rec = (type: string) => refusal(doc(table(row(cell([el(type, [t('Agreed')], { recordId: 'r1' })]))))).message;
    expect(rec('decision')).toMatch(/^A decision cannot be inside a table/);
    expect(rec('action')).toMatch(/^An action item cannot be inside a table/);
  });

  it('spans: whole numbers from 1 to 1000, named in the refusal; 1000 itself is allowed', () => {
    const span = (extra: Record<string, unknown>) => doc(table(row(cell([p(t('x'))], extra))));
    for (const [field, v] of [['colSpan', 0], ['colSpan', 1.5], ['colSpan', '2'], ['rowSpan', 0], ['rowSpan', 2.5], ['rowSpan', 5000]] as const) {
      const e = refusal(span({ [field]: v }));
      expect(e.message).toMatch(new RegExp(`^A table cell has a ${field} that is not a whole number from 1 to 1000`));
      expect(e.path).toBe('s.root.children[0].children[0].children[0]');
    }
    const cellAt = sectionTree(span({ colSpan: 1000, rowSpan: 1000 }), 's')[0];
    expect(cellAt?.kind === 'table' && cellAt.rows[0]!.cells[0]).toMatchObject({ colSpan: 1000, rowSpan: 1000 });
  });

  it('a header state outside 0–3 or not a whole number, in its own words; 3 is a header', () => {
    for (const hs of [-1, 4, 1.5, '1']) expect(refusal(doc(table(row(cell([p(t('x'))], { headerState: hs }))))).message).toMatch(/^A table cell has an unknown header state/);
    // 3: both the row and the column bit (a corner cell of a table with a header row and a header column)
    expect(shapes(doc(table(row(cell([p(t('x'))], { headerState: 3 }))))).map((x) => x.shape.cell)).toMatchObject([{ header: true, headerRow: true }]);
  });

  it('a cell counts toward the nesting limit: 62 flags nested in a paragraph pass at the top, not in a cell', () => {
    const nested = (k: number): SerializedNode => (k === 0 ? t('deep') : f([`f${k}`], nested(k - 1)));
    expect(MAX_NESTING).toBe(64);
    expect(() => walkSection(doc(p(nested(62))), 's', () => {})).not.toThrow();
    expect(refusal(doc(table(row(cell([p(nested(62))]))))).message).toMatch(/^The minutes nest deeper than 64 levels/);
  });
});

describe('cell positions and the grouping of tables', () => {
  it('a list inside a cell keeps its cell position', () => {
    const s = shapes(doc(table(row(cell([list('number', li(t('one')), li(t('two')))])))));
    expect(s.map((x) => x.text)).toEqual(['one', 'two']);
    for (const x of s) expect(x.shape).toEqual({ kind: 'listItem', ordered: true, depth: 0, list: 0, cell: { table: 0, row: 0, cell: 0, header: false, headerRow: false, colSpan: 1, rowSpan: 1 } });
  });

  it('tables are numbered 0, 1, … and two tables one after the other stay two tables', () => {
    const two = doc(table(row(td(t('first')))), table(row(td(t('second')))));
    expect(shapes(two).map((x) => x.shape.cell?.table)).toEqual([0, 1]);
    const tree = sectionTree(two, 's');
    expect(tree.map((n) => n.kind)).toEqual(['table', 'table']);
    expect(tables(publicBlocks(two))).toHaveLength(2);
  });

  it('a header row is a row whose every cell has the row bit; one header cell does not make it one', () => {
    const mixed = doc(table(row(cell([p(t('h'))], { headerState: 1 }), td(t('d')))));
    expect(shapes(mixed).map((x) => x.shape.cell?.headerRow)).toEqual([false, false]);
    expect(shapes(mixed).map((x) => x.shape.cell?.header)).toEqual([true, false]);
    const rows = tables(publicBlocks(mixed))[0]!.rows;
    expect(rows[0]!.header).toBe(false);
  });

  it('an empty cell is one empty paragraph; a row with no cells is kept in the tree, not a header, and dropped when published', () => {
    const s = shapes(doc(table(row(cell([]), td(t('x'))))));
    expect(s[0]).toEqual({ shape: { kind: 'paragraph', cell: { table: 0, row: 0, cell: 0, header: false, headerRow: false, colSpan: 1, rowSpan: 1 } }, text: '' });
    const withEmptyRow = doc(table(row(), row(td(t('a')), td(t('b')))));
    const tree = sectionTree(withEmptyRow, 's')[0];
    expect(tree?.kind === 'table' && tree.rows[0]).toEqual({ header: false, cells: [] });
    const pub = tables(publicBlocks(withEmptyRow));
    expect(pub).toHaveLength(1);
    expect(pub[0]!.rows).toHaveLength(1);
    expect(pub[0]!.rows[0]!.cells.map((c) => c.blocks.length)).toEqual([1, 1]);
  });
});

describe('the public form of a table', () => {
  it('a table with nothing in any cell is left out; an empty block in a cell is left out of the cell', () => {
    expect(publicBlocks(doc(table(row(cell([]), cell([p()])), row(cell([p(t('')), p()])))))).toEqual([]);
    expect(publicBlocks(doc(table(row())))).toEqual([]);
    const kept = tables(publicBlocks(doc(table(row(cell([p(), p(t('text')), p()]), cell([p()]))))));
    expect(kept[0]!.rows[0]!.cells.map((c) => c.blocks)).toEqual([[{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'text' }] }], []]);
  });

  it('a link right after a flag in a cell loses its URL, and so does the same URL elsewhere in the section', () => {
    const secret = 'https://example.org/secret-deal';
    const blocks = publicBlocks(doc(table(row(td(f(['f1'], t('the deal: ')), link(secret, t('terms')))), row(td(link(secret, t('again')))))));
    expect(JSON.stringify(blocks)).not.toContain(secret);
  });
});

describe('toInlines on its own', () => {
  const a = (text: string, flagIds: string[] | null, url: string | null = null): Atom => ({ kind: 'text', text, format: 0, flagIds, link: url ? { url } : null });

  it('taints a link next to a flag by default (the block itself is searched for tainted URLs)', () => {
    expect(toInlines([a('secret ', ['f1']), a('site', null, 'https://example.org/x')])).toEqual([{ kind: 'redacted' }, { kind: 'text', text: 'site' }]);
    expect(toInlines([a('site', null, 'https://example.org/x'), a(' secret', ['f1'])])).toEqual([{ kind: 'text', text: 'site' }, { kind: 'redacted' }]);
    expect(toInlines([a('site', null, 'https://example.org/x')])).toEqual([{ kind: 'link', url: 'https://example.org/x', children: [{ kind: 'text', text: 'site' }] }]);
  });
});

describe('publicationStates (what the agenda shows)', () => {
  it('published, withheld itself, or withheld with its parent', () => {
    const states = publicationStates([
      { id: 'a', parentId: null, forPublication: true },
      { id: 'b', parentId: null, forPublication: false },
      { id: 'b1', parentId: 'b', forPublication: true },
      { id: 'b2', parentId: 'b', forPublication: false },
    ]);
    expect([...states]).toEqual([
      ['a', 'published'],
      ['b', 'withheld'],
      ['b1', 'withheld_with_parent'],
      ['b2', 'withheld'],
    ]);
  });
});
