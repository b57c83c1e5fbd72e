import { BorderStyle, ExternalHyperlink, Paragraph, Tab, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { TEXT_FORMAT, type SerializedDoc } from '../../../shared/editor/doc-model';
import { sectionTree, type Atom, type BlockShape, type LinkRef } from '../../../shared/redaction/walk';
import { COLOUR, LIST_REF, shaded } from './style';
import { humanise, minutesTable } from './tables';
import { textRuns, type RunStyle } from './sanitise';
import type { FlagRecord } from './types';
import { SAFE_URL } from '../../../shared/editor/links';

/**
 * Renders one minutes section for the INTERNAL minutes, read through the one reader of the stored document
 * (shared/redaction/walk.ts, the same walk the redaction uses): flagged passages in force are shaded AND labelled in
 * brackets, so the mark survives black-and-white printing and screen readers.
 */
export interface MinutesRenderContext {
  flags: ReadonlyMap<string, FlagRecord>;
  /** Each numbered list restarts at 1: docx needs a fresh instance number per list. */
  nextListInstance: () => number;
}

/** Heading levels 1 and 2 are the agenda's; headings inside a section start below them. */
const HEADING_OFFSET = 2;
const HEADING = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'] as const;


export function renderSection(doc: SerializedDoc, ctx: MinutesRenderContext): FileChild[] {
  const out: FileChild[] = [];
  const listInstances = new Map<number, number>();
  for (const n of sectionTree(doc, 'section')) {
    if (n.kind === 'block') {
      out.push(block(n.block.shape, inlines(n.block.atoms, ctx), ctx, listInstances));
      continue;
    }
    // A table of the minutes: each block of a cell one paragraph (flags shaded and labelled as everywhere).
    const rows = n.rows.filter((r) => r.cells.length > 0);
    if (rows.length === 0) continue;
    out.push(
      minutesTable(
        rows.map((r) => ({
          header: r.header,
          cells: r.cells.map((c) => ({
            header: c.header,
            colSpan: c.colSpan,
            rowSpan: c.rowSpan,
            paragraphs: c.blocks.map((b) => block(b.shape, inlines(b.atoms, ctx, c.header || r.header || b.shape.kind === 'heading'), ctx, listInstances, true)),
          })),
        })),
      ),
    );
  }
  return out;
}

function block(shape: BlockShape, children: ParagraphChild[], ctx: MinutesRenderContext, lists: Map<number, number>, inCell = false): Paragraph {
  switch (shape.kind) {
    case 'heading':
      // In a cell, a heading is bold text: a heading style would put the cell in the navigation pane.
      if (inCell) return new Paragraph({ spacing: { after: 40 }, children });
      return new Paragraph({ style: HEADING[Math.min(6, shape.level + HEADING_OFFSET) - 1], children });
    case 'quote':
      return new Paragraph({ style: 'QuoteBlock', children });
    case 'listItem': {
      if (!lists.has(shape.list)) lists.set(shape.list, ctx.nextListInstance());
      return new Paragraph({
        numbering: { reference: shape.ordered ? LIST_REF.number : LIST_REF.bullet, level: Math.min(shape.depth, 8), instance: lists.get(shape.list)! },
        spacing: { after: 60 },
        children,
      });
    }
    case 'decision':
    case 'action':
      return recordBlock([new TextRun({ text: shape.kind === 'decision' ? 'Decision: ' : 'Action: ', bold: true }), ...children]);
    default:
      return new Paragraph({ ...(inCell ? { spacing: { after: 40 } } : {}), children });
  }
}

/** Decision and action blocks: a shaded, ruled paragraph (the caller gives the bold label as the first run). */
export function recordBlock(children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    shading: shaded(COLOUR.decisionFill),
    border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLOUR.accent, space: 6 } },
    indent: { left: 170 },
    children,
  });
}

export function formatStyle(format: number): RunStyle {
  const s: { -readonly [K in keyof RunStyle]: RunStyle[K] } = {};
  if (format & TEXT_FORMAT.bold) s.bold = true;
  if (format & TEXT_FORMAT.italic) s.italics = true;
  if (format & TEXT_FORMAT.underline) s.underline = {};
  if (format & TEXT_FORMAT.strikethrough) s.strike = true;
  if (format & TEXT_FORMAT.code) s.font = 'Courier New';
  if (format & TEXT_FORMAT.subscript) s.subScript = true;
  if (format & TEXT_FORMAT.superscript) s.superScript = true;
  return s;
}

/** The reasons of the flags in force over an atom, or null when none is (a lifted flag is shown as plain text). */
function inForceReasons(a: Atom, ctx: MinutesRenderContext): string | null {
  const reasons = (a.flagIds ?? []).map((id) => ctx.flags.get(id)).filter((f): f is FlagRecord => !!f && f.retiredAt === null);
  return reasons.length === 0 ? null : [...new Set(reasons.map((f) => humanise(f.reason)))].join('; ');
}

function inlines(atoms: readonly Atom[], ctx: MinutesRenderContext, bold = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let link: { ref: LinkRef; children: ParagraphChild[] } | null = null;
  let flag: string | null = null;
  const target = () => link?.children ?? out;
  const closeLink = () => {
    if (!link) return;
    const url = link.ref.url.trim();
    if (SAFE_URL.test(url)) out.push(new ExternalHyperlink({ link: url, children: link.children }));
    else out.push(...link.children);
    link = null;
  };
  const mark = { shading: shaded(COLOUR.flagFill) };
  for (const a of atoms) {
    const reasons = inForceReasons(a, ctx);
    if (reasons !== flag) {
      if (flag !== null) target().push(...textRuns(' [end of flag]', { ...mark, bold: true, size: 17 }));
      if (reasons !== null) target().push(...textRuns(`[Flagged: ${reasons}] `, { ...mark, bold: true, size: 17 }));
      flag = reasons;
    }
    if (a.link !== (link as { ref: LinkRef } | null)?.ref) {
      closeLink();
      if (a.link) link = { ref: a.link, children: [] };
    }
    const style: RunStyle = {
      ...(bold ? { bold: true } : {}),
      ...(a.link ? { underline: {}, color: '1A5A96' } : {}),
      ...formatStyle(a.format),
      ...(a.timestamp ? { color: COLOUR.muted } : {}),
      ...(flag !== null ? mark : {}),
    };
    if (a.kind === 'break') target().push(new TextRun({ ...style, break: 1 }));
    else if (a.kind === 'tab') target().push(new TextRun({ ...style, children: [new Tab()] }));
    else target().push(...textRuns(a.text, style));
  }
  if (flag !== null) target().push(...textRuns(' [end of flag]', { ...mark, bold: true, size: 17 }));
  closeLink();
  return out;
}
