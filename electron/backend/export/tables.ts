import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType, type ParagraphChild } from 'docx';
import { COLOUR, shaded, TEXT_WIDTH_TWIPS } from './style';
import { textRuns } from './sanitise';

/** A cell: text, one paragraph of runs, or several paragraphs (an array of run arrays). */
export type Cell = string | ParagraphChild[] | ParagraphChild[][];

const border = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

const isParagraphList = (c: Cell): c is ParagraphChild[][] => Array.isArray(c) && c.length > 0 && Array.isArray(c[0]);

/**
 * The paragraphs of a cell. `keepNext` keeps the row with the next one: given to every row but the last of a block
 * that must stay together, never to the last (which would chain the table to whatever follows, page after page).
 */
function cellParagraphs(c: Cell, bold: boolean, keepNext: boolean): Paragraph[] {
  const paragraphs: ParagraphChild[][] = typeof c === 'string' ? [textRuns(c, bold ? { bold: true } : {})] : isParagraphList(c) ? c : [c];
  return paragraphs.map((children, i) => new Paragraph({ spacing: { after: i === paragraphs.length - 1 ? 40 : 0 }, keepNext: keepNext || i < paragraphs.length - 1, children }));
}

function columns(widths: number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.round((w / total) * TEXT_WIDTH_TWIPS));
  cols[cols.length - 1] = TEXT_WIDTH_TWIPS - cols.slice(0, -1).reduce((a, b) => a + b, 0);
  return cols;
}

/**
 * A plain grid with a shaded header row repeated on every page; `widths` are fractions of the text width. Fixed
 * layout (Word and LibreOffice use the given widths instead of fitting the text); rows never split across pages;
 * the header row keeps with the first row.
 */
export function simpleTable(headers: string[], rows: Cell[][], widths: number[]): Table {
  const cols = columns(widths);
  const row = (cells: Cell[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: cols[i] ?? 1000, type: WidthType.DXA },
            margins: MARGINS,
            ...(head ? { shading: shaded('E4EAEF') } : {}),
            children: cellParagraphs(c, head, head),
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders,
    rows: [row(headers, true), ...rows.map((r) => row(r, false))],
  });
}

/**
 * Two-column key/value table (one flag in the redaction record), kept on one page where it fits: every row keeps
 * with the next but the last, so the block stays together without chaining itself to the next block.
 */
export function keyValueTable(pairs: Array<[string, Cell]>): Table {
  const cols = columns([0.24, 0.76]);
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders,
    rows: pairs.map(([k, v], i) => {
      const keep = i < pairs.length - 1;
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: cols[0]!, type: WidthType.DXA }, margins: MARGINS, shading: shaded('F1F4F6'), children: cellParagraphs(k, true, keep) }),
          new TableCell({ width: { size: cols[1]!, type: WidthType.DXA }, margins: MARGINS, children: cellParagraphs(v, false, keep) }),
        ],
      });
    }),
  });
}

const KNOWN: Record<string, string> = { ai_office: 'AI Office', aob: 'Any other business' };

/** "commercially_sensitive" → "Commercially sensitive". */
export function humanise(token: string): string {
  if (KNOWN[token]) return KNOWN[token];
  const s = token.replace(/[_-]+/g, ' ').trim();
  return s ? s[0]!.toUpperCase() + s.slice(1) : '';
}

/** One cell of a table from the minutes, its paragraphs already rendered. */
export interface GridCell {
  header: boolean;
  colSpan: number;
  rowSpan: number;
  paragraphs: Paragraph[];
}

/**
 * The columns of a grid of cells with column and row spans: how many there are, and at which column each cell starts
 * (cells merged down from a row above take their columns first, as in HTML).
 */
export function gridLayout(rows: ReadonlyArray<{ cells: ReadonlyArray<{ colSpan: number; rowSpan: number }> }>): { columns: number; starts: number[][] } {
  const taken: Array<Set<number>> = rows.map(() => new Set());
  let columns = 0;
  const starts = rows.map((r, ri) => {
    let col = 0;
    return r.cells.map((c) => {
      while (taken[ri]!.has(col)) col++;
      const at = col;
      const rowSpan = Math.min(c.rowSpan, rows.length - ri);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) taken[ri + dr]!.add(at + dc);
      col += c.colSpan;
      columns = Math.max(columns, col);
      return at;
    });
  });
  for (const t of taken) for (const c of t) columns = Math.max(columns, c + 1);
  return { columns: Math.max(1, columns), starts };
}

/**
 * A table of the minutes (a pasted table) in the house style: fixed layout over the text width, equal columns,
 * header rows shaded and repeated on every page, merged cells kept. Rows may break across pages (a pasted cell can be
 * longer than a page).
 */
export function minutesTable(rows: ReadonlyArray<{ header: boolean; cells: readonly GridCell[] }>): Table {
  const { columns, starts } = gridLayout(rows);
  const cols = columnsOf(columns);
  // Header rows repeat only as a leading run (Word ignores tblHeader on a row after a normal one).
  let leading = true;
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders,
    rows: rows.map((r, ri) => {
      leading = leading && r.header;
      return new TableRow({
        tableHeader: leading,
        children: r.cells.map((c, ci) => {
          const at = starts[ri]![ci]!;
          const span = Math.max(1, Math.min(c.colSpan, columns - at));
          const width = cols.slice(at, at + span).reduce((a, b) => a + b, 0);
          return new TableCell({
            width: { size: width || cols[0]!, type: WidthType.DXA },
            margins: MARGINS,
            ...(span > 1 ? { columnSpan: span } : {}),
            ...(c.rowSpan > 1 ? { rowSpan: Math.min(c.rowSpan, rows.length - ri) } : {}),
            ...(c.header || r.header ? { shading: shaded('E4EAEF') } : {}),
            children: c.paragraphs.length > 0 ? c.paragraphs : [new Paragraph({ spacing: { after: 40 }, children: [] })],
          });
        }),
      });
    }),
  });
}

function columnsOf(n: number): number[] {
  return columns(Array.from({ length: n }, () => 1));
}
