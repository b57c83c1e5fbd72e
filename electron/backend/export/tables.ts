import { BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType, type ParagraphChild } from 'docx';
import { COLOUR, shaded, TEXT_WIDTH_TWIPS } from './style';
import { textRuns } from './sanitise';

export type Cell = string | ParagraphChild[];

const border = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cellParagraphs(c: Cell, bold = false, keepNext = false): Paragraph[] {
  if (typeof c === 'string') return [new Paragraph({ spacing: { after: 40 }, keepNext, children: textRuns(c, bold ? { bold: true } : {}) })];
  return [new Paragraph({ spacing: { after: 40 }, keepNext, children: c })];
}

/** A plain grid with a shaded header row; `widths` are fractions of the text width. */
export function simpleTable(headers: string[], rows: Cell[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.round((w / total) * TEXT_WIDTH_TWIPS));
  const row = (cells: Cell[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: cols[i] ?? 1000, type: WidthType.DXA },
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            ...(head ? { shading: shaded('E4EAEF') } : {}),
            children: cellParagraphs(c, head),
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: cols,
    borders,
    rows: [row(headers, true), ...rows.map((r) => row(r, false))],
  });
}

/** Two-column key/value table (one flag in the redaction record), kept on one page where it fits. */
export function keyValueTable(pairs: Array<[string, Cell]>): Table {
  const cols = [Math.round(TEXT_WIDTH_TWIPS * 0.24), TEXT_WIDTH_TWIPS - Math.round(TEXT_WIDTH_TWIPS * 0.24)];
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: cols,
    borders,
    rows: pairs.map(
      ([k, v]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: cols[0]!, type: WidthType.DXA }, margins: { top: 40, bottom: 40, left: 80, right: 80 }, shading: shaded('F1F4F6'), children: cellParagraphs(k, true, true) }),
            new TableCell({ width: { size: cols[1]!, type: WidthType.DXA }, margins: { top: 40, bottom: 40, left: 80, right: 80 }, children: cellParagraphs(v, false, true) }),
          ],
        }),
    ),
  });
}

const KNOWN: Record<string, string> = { ai_office: 'AI Office', aob: 'Any other business' };

/** "commercially_sensitive" → "Commercially sensitive". */
export function humanise(token: string): string {
  if (KNOWN[token]) return KNOWN[token];
  const s = token.replace(/[_-]+/g, ' ').trim();
  return s ? s[0]!.toUpperCase() + s.slice(1) : '';
}
