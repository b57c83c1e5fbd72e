import { AlignmentType, ExternalHyperlink, Paragraph, Tab, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { PublicCellBlock, PublicInline, PublicSummary, PublicTable, SummaryBlock } from '../../../shared/redaction/public-model';
import { recordBlock } from './lexical-render';
import { minutesTable } from './tables';
import { textRuns, type RunStyle } from './sanitise';
import { instantOfDate, LIST_REF, packHouseDocument } from './style';
import { SAFE_URL } from '../../../shared/editor/links';

/**
 * The public summary, rendered from the PublicSummary model ONLY (shared/redaction/public-summary.ts): this module
 * never sees the minutes, the flags or ExportData, and it adds no words of its own: each block of the model is one
 * paragraph here, as it is one paragraph in the live preview. A redacted inline is written as the marker and nothing
 * else (no length, no shading, no hidden text).
 */
export function buildPublicSummary(summary: PublicSummary): Promise<Uint8Array> {
  const listInstance = new Map<number, number>();
  const children: FileChild[] = summary.blocks.map((b) => paragraph(b, summary.marker, listInstance));
  return packHouseDocument({
    bodyName: summary.bodyName,
    title: `${summary.meetingTitle} – public summary`,
    confidential: false,
    // the draft marking is in the header of every page as well as under the title (a block of the model)
    draftMarking: summary.draft ?? null,
    ...(summary.reference ? { reference: summary.reference } : {}),
    ...(summary.language ? { language: summary.language } : {}),
    children,
    fixedInstant: instantOfDate(summary.date),
  });
}

const HEADING = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'] as const;

function paragraph(b: SummaryBlock, marker: string, listInstance: Map<number, number>): FileChild {
  switch (b.kind) {
    case 'table':
      return table(b, marker, listInstance);
    case 'title':
      return new Paragraph({ heading: 'Title', children: textRuns(b.text) });
    case 'subtitle':
      return new Paragraph({ style: 'Subtitle', keepNext: true, children: textRuns(b.text) });
    case 'meta':
      if (b.role === 'issue') return new Paragraph({ style: 'Meta', alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: textRuns(b.text) });
      if (b.role === 'marking') return new Paragraph({ style: 'Marking', spacing: { before: 120 }, children: textRuns(b.text) });
      return new Paragraph({ style: 'Meta', children: textRuns(b.text) });
    case 'heading':
      return new Paragraph({ style: HEADING[b.level - 1], children: inlines(b.inlines, marker, {}) });
    case 'paragraph':
      return new Paragraph({ ...(b.note ? { style: 'Meta' } : {}), children: inlines(b.inlines, marker, {}) });
    case 'quote':
      return new Paragraph({ style: 'QuoteBlock', children: inlines(b.inlines, marker, {}) });
    case 'listItem': {
      // docx needs a fresh instance number per list for numbering to restart.
      if (!listInstance.has(b.list)) listInstance.set(b.list, 1001 + listInstance.size);
      return new Paragraph({
        numbering: { reference: b.ordered ? LIST_REF.number : LIST_REF.bullet, level: b.depth, instance: listInstance.get(b.list)! },
        spacing: { after: 60 },
        children: inlines(b.inlines, marker, {}),
      });
    }
    case 'record':
      return recordBlock(inlines(b.inlines, marker, {}));
  }
}

/**
 * A table of the minutes: each block of each cell one paragraph (an empty cell one empty paragraph), header cells in
 * bold; fixed layout, header rows repeated (tables.ts).
 */
function table(t: PublicTable, marker: string, listInstance: Map<number, number>): FileChild {
  return minutesTable(
    t.rows.map((r) => ({
      header: r.header,
      cells: r.cells.map((c) => ({
        header: c.header,
        colSpan: c.colSpan,
        rowSpan: c.rowSpan,
        paragraphs: c.blocks.map((b) => cellParagraph(b, marker, listInstance, c.header || r.header ? { bold: true } : {})),
      })),
    })),
  );
}

function cellParagraph(b: PublicCellBlock, marker: string, listInstance: Map<number, number>, style: RunStyle): Paragraph {
  const spacing = { after: 40 };
  switch (b.kind) {
    case 'heading':
      return new Paragraph({ spacing, children: inlines(b.inlines, marker, { ...style, bold: true }) });
    case 'quote':
      return new Paragraph({ style: 'QuoteBlock', children: inlines(b.inlines, marker, style) });
    case 'listItem':
      if (!listInstance.has(b.list)) listInstance.set(b.list, 1001 + listInstance.size);
      return new Paragraph({
        numbering: { reference: b.ordered ? LIST_REF.number : LIST_REF.bullet, level: b.depth, instance: listInstance.get(b.list)! },
        spacing,
        children: inlines(b.inlines, marker, style),
      });
    default:
      return new Paragraph({ spacing, children: inlines(b.inlines, marker, style) });
  }
}

function inlines(list: readonly PublicInline[], marker: string, style: RunStyle): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const i of list) {
    switch (i.kind) {
      case 'text':
        out.push(
          ...textRuns(i.text, {
            ...style,
            ...(i.bold ? { bold: true } : {}),
            ...(i.italic ? { italics: true } : {}),
            ...(i.underline ? { underline: {} } : {}),
            ...(i.strike ? { strike: true } : {}),
            ...(i.subscript ? { subScript: true } : {}),
            ...(i.superscript ? { superScript: true } : {}),
            ...(i.code ? { font: 'Courier New' } : {}),
          }),
        );
        break;
      case 'redacted':
        out.push(...textRuns(marker, style));
        break;
      case 'break':
        out.push(new TextRun({ ...style, break: 1 }));
        break;
      case 'tab':
        out.push(new TextRun({ ...style, children: [new Tab()] }));
        break;
      case 'link': {
        const children = inlines(i.children, marker, { ...style, underline: {}, color: '1A5A96' });
        if (SAFE_URL.test(i.url)) out.push(new ExternalHyperlink({ link: i.url, children }));
        else out.push(...children);
        break;
      }
    }
  }
  return out;
}
