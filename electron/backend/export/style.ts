import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TabStopType,
  TextRun,
  type FileChild,
  type ILevelsOptions,
  type IStylesOptions,
} from 'docx';
import { DEFAULT_DOCUMENT_CONVENTIONS } from '../../../shared/domain/body';
import { bulletAt, LIST_LEVELS, numberFormatAt, numberTextAt } from '../../../shared/format/list-labels';
import { LOGO_PNG_BASE64 } from './logo-data';
import { finalisePackage } from './package';
import { singleLine, textRuns } from './sanitise';

/**
 * The house style of every export: A4, Arial (which LibreOffice renders with the metric-compatible Liberation Sans,
 * and Word, Pages and every Office viewer have), the body's name and the logo in the header, "Page X of Y" in the
 * footer (PAGE and NUMPAGES: the only fields any export contains), headings numbered from the agenda.
 */
export const FONT = 'Arial';
export const COLOUR = { text: '1F2933', muted: '5F6B76', accent: '2F4858', flagFill: 'FFE8A3', decisionFill: 'E8F0F5', rule: 'B8C4CE' };
/**
 * The marking of internal documents, in the header of every page and under the title. Deliberately not an EU
 * classification level ("CONFIDENTIAL" is one): the body may choose its own words (body.internalMarking).
 */
export const DEFAULT_INTERNAL_MARKING: string = DEFAULT_DOCUMENT_CONVENTIONS.internalMarking;
export const MARKING_COLOUR = '9B1C1C';
/** Every line spacing states its rule: without w:lineRule LibreOffice reads 276 as an exact 13.8 pt. */
const LINE = { line: 276, lineRule: LineRuleType.AUTO } as const;
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO } as const;

/** A4 in twentieths of a point; 2.2 cm side margins; at the top 2.75 cm, plus a line for each marking under the header. */
const PAGE = { width: 11906, height: 16838, margin: 1247, top: 1560 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const pt = (points: number) => points * 2; // half-points

export const HOUSE_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: pt(10.5), color: COLOUR.text, language: { value: DEFAULT_DOCUMENT_CONVENTIONS.language } },
      paragraph: { spacing: { after: 120, ...LINE } },
    },
    title: { run: { font: FONT, size: pt(20), bold: true, color: COLOUR.accent }, paragraph: { spacing: { after: 120, ...SINGLE }, keepNext: true } },
    heading1: { run: { font: FONT, size: pt(14), bold: true, color: COLOUR.accent }, paragraph: { spacing: { before: 300, after: 120, ...SINGLE }, keepNext: true, keepLines: true } },
    heading2: { run: { font: FONT, size: pt(12), bold: true, color: COLOUR.accent }, paragraph: { spacing: { before: 240, after: 100, ...SINGLE }, keepNext: true, keepLines: true } },
    heading3: { run: { font: FONT, size: pt(11), bold: true, color: COLOUR.text }, paragraph: { spacing: { before: 200, after: 80, ...SINGLE }, keepNext: true, keepLines: true } },
    heading4: { run: { font: FONT, size: pt(10.5), bold: true, italics: true, color: COLOUR.text }, paragraph: { spacing: { before: 160, after: 60, ...SINGLE }, keepNext: true, keepLines: true } },
    heading5: { run: { font: FONT, size: pt(10.5), italics: true, color: COLOUR.text }, paragraph: { spacing: { before: 120, after: 60, ...SINGLE }, keepNext: true, keepLines: true } },
    heading6: { run: { font: FONT, size: pt(10), italics: true, color: COLOUR.muted }, paragraph: { spacing: { before: 120, after: 60, ...SINGLE }, keepNext: true, keepLines: true } },
    listParagraph: { run: { font: FONT } },
  },
  paragraphStyles: [
    { id: 'Meta', name: 'Meta', basedOn: 'Normal', run: { size: pt(9.5), color: COLOUR.muted }, paragraph: { spacing: { after: 80, ...LINE } } },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { size: pt(12), color: COLOUR.muted }, paragraph: { spacing: { after: 240, ...LINE } } },
    {
      id: 'Marking',
      name: 'Marking',
      basedOn: 'Normal',
      run: { size: pt(9.5), bold: true, color: MARKING_COLOUR },
      paragraph: { spacing: { before: 0, after: 160, ...SINGLE } },
    },
    {
      id: 'QuoteBlock',
      name: 'Quote Block',
      basedOn: 'Normal',
      run: { italics: true, color: COLOUR.muted },
      paragraph: { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: COLOUR.rule, space: 8 } } },
    },
    { id: 'HeaderText', name: 'Header Text', basedOn: 'Normal', run: { size: pt(8.5), color: COLOUR.muted }, paragraph: { spacing: { after: 0, ...SINGLE } } },
  ],
};

const bulletLevels: ILevelsOptions[] = Array.from({ length: LIST_LEVELS }, (_, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: bulletAt(level),
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 454 * (level + 1), hanging: 284 } } },
}));
const LEVEL_FORMAT = { decimal: LevelFormat.DECIMAL, lowerLetter: LevelFormat.LOWER_LETTER, lowerRoman: LevelFormat.LOWER_ROMAN } as const;
/** The labels of shared/format/list-labels.ts, which the preview prints too. */
const numberLevels: ILevelsOptions[] = Array.from({ length: LIST_LEVELS }, (_, level) => ({
  level,
  format: LEVEL_FORMAT[numberFormatAt(level)],
  text: numberTextAt(level),
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 454 * (level + 1), hanging: 340 } } },
}));
export const LIST_REF = { bullet: 'house-bullets', number: 'house-numbers' } as const;

function logo(): ImageRun {
  const data = Uint8Array.from(atob(LOGO_PNG_BASE64), (c) => c.charCodeAt(0));
  // A fixed id keeps the drawing's id stable (docx would otherwise count up across documents of one process).
  return new ImageRun({ type: 'png', data, transformation: { width: 22, height: 22 }, altText: { id: '1', name: 'Logo', description: 'Logo', title: 'Logo' } });
}

function header(bodyName: string, reference: string, markings: Array<{ text: string; colour: string }>): Header {
  const children = [
    new Paragraph({
      style: 'HeaderText',
      tabStops: [
        { type: TabStopType.LEFT, position: 454 },
        { type: TabStopType.RIGHT, position: TEXT_WIDTH },
      ],
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule, space: 4 } },
      children: [
        logo(),
        ...textRuns(`\t${singleLine(bodyName)}`, { size: pt(8.5), color: COLOUR.muted }),
        ...(reference ? textRuns(`\t${singleLine(reference)}`, { size: pt(8.5), color: COLOUR.muted }) : []),
      ],
    }),
  ];
  for (const m of markings)
    children.push(
      new Paragraph({
        style: 'HeaderText',
        alignment: AlignmentType.CENTER,
        spacing: { before: 60 },
        children: textRuns(singleLine(m.text), { bold: true, size: pt(9), color: m.colour }),
      }),
    );
  return new Header({ children });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'HeaderText',
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: pt(8.5), color: COLOUR.muted })],
      }),
    ],
  });
}

export interface HouseDocumentOptions {
  bodyName: string;
  /** Document title (core properties). */
  title: string;
  /** Internal documents carry the internal marking in the header of every page (and the builder puts it in the body). */
  confidential: boolean;
  /** The internal marking's words (default DEFAULT_INTERNAL_MARKING). */
  internalMarking?: string;
  /** The draft marking, on every page, for documents from minutes that are not approved; absent or null: none. */
  draftMarking?: string | null;
  /** The document's reference, at the right of the header. */
  reference?: string;
  /** Language of the text (w:lang), default en-GB. */
  language?: string;
  children: FileChild[];
  /** The instant written as created/modified, e.g. the meeting date at 00:00Z, so output is deterministic. */
  fixedInstant: string;
}

/** Builds and packs a document in the house style, then normalises the package (package.ts). */
export async function packHouseDocument(o: HouseDocumentOptions): Promise<Uint8Array> {
  const body = singleLine(o.bodyName);
  const markings: Array<{ text: string; colour: string }> = [];
  if (o.draftMarking) markings.push({ text: o.draftMarking, colour: COLOUR.accent });
  if (o.confidential) markings.push({ text: o.internalMarking || DEFAULT_INTERNAL_MARKING, colour: MARKING_COLOUR });
  const language = o.language || DEFAULT_DOCUMENT_CONVENTIONS.language;
  const styles: IStylesOptions = {
    ...HOUSE_STYLES,
    default: { ...HOUSE_STYLES.default, document: { ...HOUSE_STYLES.default!.document, run: { ...HOUSE_STYLES.default!.document!.run, language: { value: language } } } },
  };
  const doc = new Document({
    title: singleLine(o.title),
    creator: body,
    lastModifiedBy: body,
    revision: 1,
    styles,
    numbering: { config: [{ reference: LIST_REF.bullet, levels: bulletLevels }, { reference: LIST_REF.number, levels: numberLevels }] },
    features: { trackRevisions: false, updateFields: false },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top + markings.length * 260, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: header(o.bodyName, o.reference ?? '', markings) },
        footers: { default: footer() },
        children: o.children,
      },
    ],
  });
  const raw = await Packer.toBuffer(doc);
  return finalisePackage(new Uint8Array(raw), o.fixedInstant);
}

/** The instant written into the properties of a meeting's documents: its date at midnight UTC. */
export function instantOfDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : '2000-01-01T00:00:00Z';
}

// ---- small shared blocks ---------------------------------------------------------------------------------------

/**
 * Title, subtitle and the lines under them; then, for internal or draft documents, the markings again in the body
 * (a header is lost by text extraction and by some readers).
 */
export function titleBlock(title: string, subtitle: string, meta: string[], markings: string[] = []): Paragraph[] {
  return [
    new Paragraph({ heading: 'Title', children: textRuns(title) }),
    new Paragraph({ style: 'Subtitle', keepNext: true, children: textRuns(subtitle) }),
    ...meta.map((m) => new Paragraph({ style: 'Meta', children: textRuns(m) })),
    ...markings.map((m) => new Paragraph({ style: 'Marking', spacing: { before: 120 }, children: textRuns(m) })),
  ];
}

export function shaded(fill: string) {
  return { type: ShadingType.CLEAR, color: 'auto', fill };
}

export const TEXT_WIDTH_TWIPS = TEXT_WIDTH;
