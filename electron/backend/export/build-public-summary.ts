import { ExternalHyperlink, Paragraph, Tab, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { PublicBlock, PublicDocument, PublicInline, PublicSection } from '../../../shared/redaction/public-model';
import { longDate } from './dates';
import { recordBlock } from './lexical-render';
import { itemHeading, itemLevel } from './meeting-meta';
import { sanitiseText, textRuns, type RunStyle } from './sanitise';
import { instantOfDate, LIST_REF, packHouseDocument, titleBlock } from './style';

/**
 * The public summary, built from the PublicDocument ONLY: this module never sees the minutes, the flags or
 * ExportData. What redact() left out cannot be written here; a redacted inline is written as the marker and nothing
 * else (no length, no shading, no hidden text).
 */
export function buildPublicSummary(doc: PublicDocument): Promise<Uint8Array> {
  let listInstance = 1000;
  const children: FileChild[] = [...titleBlock(doc.meetingTitle, 'Public summary', [longDate(doc.date)])];

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Participation') }));
  if (doc.organisations.length === 0) children.push(new Paragraph({ children: textRuns('No participating organisations were recorded.') }));
  else {
    children.push(new Paragraph({ children: textRuns('Representatives of the following organisations took part in the meeting:') }));
    const instance = ++listInstance;
    for (const org of doc.organisations)
      children.push(new Paragraph({ numbering: { reference: LIST_REF.bullet, level: 0, instance }, spacing: { after: 40 }, children: textRuns(org) }));
  }

  const decisions: Array<{ section: PublicSection; block: PublicBlock }> = [];
  const actions: Array<{ section: PublicSection; block: PublicBlock }> = [];
  for (const section of doc.sections) {
    children.push(new Paragraph({ style: section.number ? itemLevel(section.number) : 'Heading1', children: textRuns(itemHeading(section.number, section.title)) }));
    if (section.withheld) {
      children.push(new Paragraph({ children: textRuns('Not published.', { italics: true }) }));
      continue;
    }
    if (section.blocks.length === 0) children.push(new Paragraph({ style: 'Meta', children: textRuns('No summary for this item.') }));
    let lastOrderedInstance: number | null = null;
    let bulletInstance: number | null = null;
    for (const block of section.blocks) {
      if (block.kind !== 'listItem') {
        lastOrderedInstance = null;
        bulletInstance = null;
      }
      switch (block.kind) {
        case 'paragraph':
          children.push(new Paragraph({ children: inlines(block.inlines, doc.marker, {}) }));
          break;
        case 'heading':
          children.push(new Paragraph({ style: `Heading${Math.min(6, block.level + 2)}`, children: inlines(block.inlines, doc.marker, {}) }));
          break;
        case 'quote':
          children.push(new Paragraph({ style: 'QuoteBlock', children: inlines(block.inlines, doc.marker, {}) }));
          break;
        case 'listItem': {
          const instance = block.ordered ? (lastOrderedInstance ??= ++listInstance) : (bulletInstance ??= ++listInstance);
          children.push(
            new Paragraph({
              numbering: { reference: block.ordered ? LIST_REF.number : LIST_REF.bullet, level: Math.max(0, Math.min(8, block.depth)), instance },
              spacing: { after: 60 },
              children: inlines(block.inlines, doc.marker, {}),
            }),
          );
          break;
        }
        case 'decision':
          decisions.push({ section, block });
          children.push(recordBlock('decision', inlines(block.inlines, doc.marker, {})));
          break;
        case 'action':
          actions.push({ section, block });
          children.push(recordBlock('action', inlines(block.inlines, doc.marker, {})));
          break;
      }
    }
  }

  const listOf = (title: string, entries: Array<{ section: PublicSection; block: PublicBlock }>, none: string) => {
    children.push(new Paragraph({ heading: 'Heading1', children: textRuns(title) }));
    if (entries.length === 0) {
      children.push(new Paragraph({ children: textRuns(none) }));
      return;
    }
    const instance = ++listInstance;
    for (const { section, block } of entries) {
      const where = section.number ? `Item ${section.number}: ` : `${section.title}: `;
      children.push(
        new Paragraph({
          numbering: { reference: LIST_REF.bullet, level: 0, instance },
          spacing: { after: 60 },
          children: [...textRuns(where, { bold: true }), ...inlines('inlines' in block ? block.inlines : [], doc.marker, {})],
        }),
      );
    }
  };
  listOf('Decisions', decisions, 'No decisions were taken.');
  listOf('Next steps', actions, 'No next steps were recorded.');

  return packHouseDocument({
    bodyName: doc.bodyName,
    title: `${doc.meetingTitle} – public summary`,
    confidential: false,
    children,
    fixedInstant: instantOfDate(doc.date),
  });
}

const SAFE_URL = /^(https?:|mailto:)/i;

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
        const url = sanitiseText(i.url).trim();
        const children = inlines(i.children, marker, { ...style, underline: {}, color: '1A5A96' });
        if (SAFE_URL.test(url)) out.push(new ExternalHyperlink({ link: url, children }));
        else out.push(...children);
        break;
      }
    }
  }
  return out;
}
