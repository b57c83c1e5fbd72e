import { BorderStyle, ExternalHyperlink, Paragraph, Tab, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { isElement, TEXT_FORMAT, type SerializedDoc, type SerializedNode } from '../../../shared/editor/doc-model';
import { COLOUR, LIST_REF, shaded } from './style';
import { humanise } from './tables';
import { sanitiseText, textRuns, type RunStyle } from './sanitise';
import type { FlagRecord } from './types';

/**
 * Renders one minutes section (Lexical's serialized JSON, restricted by shared/editor/doc-model.ts) for the
 * INTERNAL minutes: every node type of the allowlist, with flagged passages shaded AND labelled in brackets, so the
 * mark survives black-and-white printing and screen readers.
 */
export interface MinutesRenderContext {
  flags: ReadonlyMap<string, FlagRecord>;
  /** Each numbered list restarts at 1: docx needs a fresh instance number per list. */
  nextListInstance: () => number;
}

/** Heading levels 1 and 2 are the agenda's; headings inside a section start below them. */
const HEADING_OFFSET = 2;
const HEADING = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'] as const;

const SAFE_URL = /^(https?:|mailto:)/i;

export function renderSection(doc: SerializedDoc, ctx: MinutesRenderContext): FileChild[] {
  return blocks(doc.root.children, ctx);
}

function blocks(nodes: readonly SerializedNode[], ctx: MinutesRenderContext): FileChild[] {
  const out: FileChild[] = [];
  let pendingInline: SerializedNode[] = [];
  const flush = () => {
    if (pendingInline.length) out.push(new Paragraph({ children: inlines(pendingInline, ctx, {}) }));
    pendingInline = [];
  };
  for (const n of nodes) {
    if (isBlock(n)) {
      flush();
      out.push(...block(n, ctx));
    } else pendingInline.push(n);
  }
  flush();
  return out;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'decision', 'action', 'root']);
const isBlock = (n: SerializedNode) => BLOCK_TYPES.has(n.type);

function kids(n: SerializedNode): SerializedNode[] {
  return isElement(n) ? n.children : [];
}

function block(n: SerializedNode, ctx: MinutesRenderContext): FileChild[] {
  switch (n.type) {
    case 'paragraph':
      return [new Paragraph({ children: inlines(kids(n), ctx, {}) })];
    case 'heading': {
      const level = Math.min(6, Number(String(n.tag ?? 'h1').slice(1)) + HEADING_OFFSET);
      return [new Paragraph({ style: HEADING[level - 1], children: inlines(kids(n), ctx, {}) })];
    }
    case 'quote':
      return [new Paragraph({ style: 'QuoteBlock', children: inlines(kids(n), ctx, {}) })];
    case 'list':
      return list(n, 0, ctx);
    case 'decision':
    case 'action':
      return [recordBlock(n.type, inlines(kids(n), ctx, {}))];
    default:
      return blocks(kids(n), ctx);
  }
}

/** Decision and action blocks: a bold label and a shaded, ruled paragraph. */
export function recordBlock(kind: 'decision' | 'action', children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    shading: shaded(COLOUR.decisionFill),
    border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLOUR.accent, space: 6 } },
    indent: { left: 170 },
    children: [new TextRun({ text: kind === 'decision' ? 'Decision: ' : 'Action: ', bold: true }), ...children],
  });
}

function list(n: SerializedNode, depth: number, ctx: MinutesRenderContext): FileChild[] {
  const ordered = n.listType === 'number';
  const instance = ctx.nextListInstance();
  const out: FileChild[] = [];
  for (const item of kids(n)) {
    const inlineKids = kids(item).filter((c) => c.type !== 'list');
    const nested = kids(item).filter((c) => c.type === 'list');
    if (inlineKids.length > 0 || nested.length === 0)
      out.push(
        new Paragraph({
          numbering: { reference: ordered ? LIST_REF.number : LIST_REF.bullet, level: Math.min(depth, 8), instance },
          spacing: { after: 60 },
          children: inlines(inlineKids, ctx, {}),
        }),
      );
    for (const sub of nested) out.push(...list(sub, depth + 1, ctx));
  }
  return out;
}

function formatStyle(format: number): RunStyle {
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

function inlines(nodes: readonly SerializedNode[], ctx: MinutesRenderContext, inherited: RunStyle): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(...textRuns(String(n.text ?? ''), { ...inherited, ...formatStyle(Number(n.format ?? 0)) }));
        break;
      case 'timestamp':
        out.push(...textRuns(String(n.text ?? ''), { ...inherited, color: COLOUR.muted }));
        break;
      case 'linebreak':
        out.push(new TextRun({ ...inherited, break: 1 }));
        break;
      case 'tab':
        out.push(new TextRun({ ...inherited, children: [new Tab()] }));
        break;
      case 'link':
      case 'autolink': {
        const url = sanitiseText(String(n.url ?? '')).trim();
        const children = inlines(kids(n), ctx, { ...inherited, underline: {}, color: '1A5A96' });
        if (SAFE_URL.test(url)) out.push(new ExternalHyperlink({ link: url, children }));
        else out.push(...children);
        break;
      }
      case 'flag': {
        const ids = Array.isArray(n.ids) ? (n.ids as string[]) : [];
        const reasons = ids.map((id) => ctx.flags.get(id)).filter((f): f is FlagRecord => !!f && f.retiredAt === null);
        if (reasons.length === 0) {
          out.push(...inlines(kids(n), ctx, inherited));
          break;
        }
        const label = `[Flagged: ${[...new Set(reasons.map((f) => humanise(f.reason)))].join('; ')}] `;
        const mark = { ...inherited, shading: shaded(COLOUR.flagFill) };
        out.push(...textRuns(label, { ...mark, bold: true, size: 17 }));
        out.push(...inlines(kids(n), ctx, mark));
        out.push(...textRuns(' [end of flag]', { ...mark, bold: true, size: 17 }));
        break;
      }
      default:
        // Block nodes met inline (should not happen in the allowlist) still show their text.
        out.push(...inlines(kids(n), ctx, inherited));
    }
  }
  return out;
}
