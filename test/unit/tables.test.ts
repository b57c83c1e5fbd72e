import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import type { PublicTable } from '../../shared/redaction/public-model';
import { IMAGE_PLACEHOLDER } from '../../shared/redaction/forbidden';
import { publicSummary, summaryText } from '../../shared/redaction/public-summary';
import { flaggedTexts, publicBlocks, RedactionError } from '../../shared/redaction/redact';
import { sectionText } from '../../shared/redaction/plain-text';
import { markedIds } from '../../shared/redaction/flag-state';
import { sectionTree, walkSection } from '../../shared/redaction/walk';
import { searchBlocks } from '../../shared/search/blocks';
import { applyFlags } from '../../shared/redaction/apply-flags';

/**
 * Tables in the minutes (pasted from Word, LibreOffice or a web page): the one reader (walkSection) reads their cells
 * as blocks of text, so the save validation, the redaction, flags, search and both documents read them through it.
 */
const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
const t = (text: string): SerializedNode => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const p = (...c: SerializedNode[]) => el('paragraph', c);
const f = (ids: string[], ...c: SerializedNode[]) => el('flag', c, { ids });
const cell = (children: SerializedNode[], extra: Record<string, unknown> = {}) => el('tablecell', children, { headerState: 0, colSpan: 1, rowSpan: 1, ...extra });
const th = (...c: SerializedNode[]) => cell([p(...c)], { headerState: 1 });
const td = (...c: SerializedNode[]) => cell([p(...c)]);
const row = (...cells: SerializedNode[]) => el('tablerow', cells);
const table = (...rows: SerializedNode[]) => el('table', rows);
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) as SerializedDoc['root'] });

const POSITIONS = doc(
  p(t('Before the table.')),
  table(row(th(t('Signatory')), th(t('Position'))), row(td(t('Acme AI')), td(t('Supports, '), f(['f1'], t('pending board approval of 40M'))))),
  p(t('After.')),
);

describe('walkSection reads tables: cells are blocks of text', () => {
  it('visits each cell block with its position, header row and spans, in row order', () => {
    const seen: Array<{ text: string; cell: unknown }> = [];
    walkSection(POSITIONS, 's', (shape, atoms) => seen.push({ text: atoms.map((a) => a.text).join(''), cell: shape.cell ?? null }));
    expect(seen.map((s) => s.text)).toEqual(['Before the table.', 'Signatory', 'Position', 'Acme AI', 'Supports, pending board approval of 40M', 'After.']);
    expect(seen[1]!.cell).toEqual({ table: 0, row: 0, cell: 0, header: true, headerRow: true, colSpan: 1, rowSpan: 1 });
    expect(seen[4]!.cell).toEqual({ table: 0, row: 1, cell: 1, header: false, headerRow: false, colSpan: 1, rowSpan: 1 });
    expect(seen[5]!.cell).toBeNull();
  });

  it('groups them as a table (sectionTree); an empty cell is one empty paragraph', () => {
    const tree = sectionTree(doc(table(row(cell([]), td(t('x'))))), 's');
    expect(tree).toHaveLength(1);
    expect(tree[0]!.kind).toBe('table');
    const rows = tree[0]!.kind === 'table' ? tree[0]!.rows : [];
    expect(rows[0]!.cells.map((c) => c.blocks.map((b) => b.atoms.length))).toEqual([[0], [1]]);
  });

  it('every reader of text sees the cells: plain text, flagged passages, marks, search, flag re-application', () => {
    expect(sectionText(POSITIONS)).toContain('Acme AI');
    expect(flaggedTexts(POSITIONS)).toEqual([{ ids: ['f1'], text: 'pending board approval of 40M' }]);
    expect([...markedIds([{ content: POSITIONS }])]).toEqual(['f1']);
    const search = searchBlocks(POSITIONS);
    expect(search.find((b) => b.text.startsWith('Supports'))!.flags).toEqual([[10, 39]]);
    // a flag whose mark is gone is put back inside its cell
    const unmarked = doc(table(row(td(t('Supports, pending board approval of 40M')))));
    const applied = applyFlags(unmarked, [{ id: 'f9', excerpt: 'board approval' }]);
    expect(applied.applied).toEqual(['f9']);
    expect(flaggedTexts(applied.content)).toEqual([{ ids: ['f9'], text: 'board approval' }]);
  });

  it('fails closed on what it cannot judge in a table, saying what to do', () => {
    const refuses = (d: SerializedDoc) => {
      try {
        walkSection(d, 's', () => {});
      } catch (e) {
        expect(e).toBeInstanceOf(RedactionError);
        return (e as RedactionError).message;
      }
      throw new Error('not refused');
    };
    expect(refuses(doc(table(row(cell([el('decision', [t('Agreed')], { recordId: 'r1' })])))))).toMatch(/decision cannot be inside a table: move it out/);
    expect(refuses(doc(table(row(cell([table(row(td(t('inner'))))])))))).toMatch(/table inside a table cell/);
    expect(refuses(doc(table(row(t('loose text')))))).toMatch(/directly inside a table row/);
    expect(refuses(doc(table(td(t('no row')))))).toMatch(/directly inside a table/);
    expect(refuses(doc(p(table(row(td(t('x')))))))).toMatch(/inside a line of text/);
    expect(refuses(doc(table(row(cell([p(t('x'))], { colSpan: 0 })))))).toMatch(/colSpan/);
    expect(refuses(doc(table(row(cell([p(t('x'))], { headerState: 9 })))))).toMatch(/header state/);
    expect(refuses(doc(table(row(cell([el('image', [])])))))).toMatch(/inside a table cell/);
  });
});

const AGENDA = [
  { id: 'i1', number: '1', title: 'Positions', parentId: null, forPublication: true },
  { id: 'i2', number: '2', title: 'Confidential briefing', parentId: null, forPublication: false },
];

function summaryOf(sections: Array<{ key: string; content: SerializedDoc }>) {
  return publicSummary({
    bodyName: 'Signatory Taskforce',
    meeting: { title: 'Plenary', startsAt: '2026-03-12T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
    agenda: AGENDA,
    sections,
    attendance: [{ organisation: 'Acme AI', status: 'in_person' }],
  });
}

describe('the public summary of a table', () => {
  it('is a table block; a flag in a cell is replaced by the marker in that cell only; the header row is kept', () => {
    const s = summaryOf([{ key: 'i1', content: POSITIONS }]);
    const tables = s.blocks.filter((b): b is PublicTable => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const [head, body] = tables[0]!.rows;
    expect(head!.header).toBe(true);
    expect(body!.header).toBe(false);
    expect(body!.cells[1]!.blocks[0]!.inlines).toEqual([{ kind: 'text', text: 'Supports, ' }, { kind: 'redacted' }]);
    const text = summaryText(s).join('\n');
    expect(text).toContain('Signatory\tPosition\nAcme AI\tSupports, […]');
    expect(text).not.toContain('board approval');
  });

  it("a withheld item's tables never appear", () => {
    const secret = doc(table(row(td(t('Secret cell of a withheld item')))));
    const s = summaryOf([{ key: 'i2', content: secret }]);
    expect(s.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(summaryText(s).join('\n')).not.toContain('Secret cell');
  });

  it('a pasted image leaves no placeholder in a cell; a table left with nothing in any cell is dropped', () => {
    const s = summaryOf([{ key: 'i1', content: doc(table(row(td(t(`Chart ${IMAGE_PLACEHOLDER}`)), td(t(IMAGE_PLACEHOLDER))))) }]);
    expect(summaryText(s).join('\n')).not.toContain(IMAGE_PLACEHOLDER);
    const table1 = s.blocks.find((b): b is PublicTable => b.kind === 'table')!;
    expect(table1.rows[0]!.cells.map((c) => c.blocks.length)).toEqual([1, 0]);
    const onlyImage = summaryOf([{ key: 'i1', content: doc(table(row(td(t(IMAGE_PLACEHOLDER))))) }]);
    expect(onlyImage.blocks.some((b) => b.kind === 'table')).toBe(false);
  });

  it('a cell wholly flagged still shows the marker, and merged cells keep their spans', () => {
    const blocks = publicBlocks(doc(table(row(cell([p(f(['a'], t('all secret')))], { colSpan: 2 })), row(td(t('x')), td(t('y'))))));
    const tbl = blocks[0] as PublicTable;
    expect(tbl.rows[0]!.cells[0]).toEqual({ header: false, colSpan: 2, rowSpan: 1, blocks: [{ kind: 'paragraph', inlines: [{ kind: 'redacted' }] }] });
  });
});
