import { nodeCrypto } from '../../node-crypto';
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { LOGO_PNG_BASE64 } from './logo-data';
import { decodeLoosely, hitText, normaliseForMatch, PassageMatcher, writtenAsFlagged, type Hit, type Passage } from '../../../shared/redaction/match-text';
import { SAFE_URL } from '../../../shared/editor/links';

/**
 * The last gate before a public file leaves the app: it re-reads the DOCX bytes as any reader would (a zip of XML
 * parts) and refuses the file if
 * - a part is not one of the parts this app writes (comments, custom properties, macros, embedded objects…);
 * - a part is not well-formed XML, or a relationship is of an unexpected type;
 * - an element that hides or keeps text out of sight is present (tracked changes, hidden text, comments, document
 *   variables, embedded objects, fields other than PAGE / NUMPAGES…);
 * - an image is not the logo;
 * - any flagged passage, or any 8-word / 40-character window of a long one, is found in the text or in an attribute
 *   of any part, after normalisation (see match-text.ts).
 * It does not trust the builder: it is written against the file format, not against how the builders work.
 * Only when a passage is found does it look at where (a heading, the title, the list under "Participation", the page
 * header) to explain a flag on text that the summary prints anyway; the file is refused all the same.
 */

export type FindingKind =
  | 'unreadable'
  | 'unknown_part'
  | 'parse_error'
  | 'forbidden_element'
  | 'forbidden_field'
  | 'forbidden_relationship'
  | 'bad_media'
  | 'passage'
  | 'passage_window';

export interface Finding {
  kind: FindingKind;
  /** Zip path of the part, e.g. "word/document.xml". */
  part: string;
  /** The flagged passage found, or null for a structural finding. */
  passageId: string | null;
  /** Where and what, in words: "text of the part", "attribute w:descr of wp:docPr", "element w:del"… */
  where: string;
  /** A short stretch of the normalised text around the hit (at most 80 characters), when there is one. */
  excerpt?: string;
  /**
   * The text found, normalised, when it is not the passage as flagged: another form of it ("eur 12m" for "€12
   * million"), or the part of it found (a window). Said in the refusal, so the officer can find it.
   */
  found?: string;
  /** The passage sits in text that the summary prints whatever the flags say (see describeFindings). */
  printed?: PrintedPlace;
}

/** Text of the summary that no flag removes: the meeting title, headings, attending organisations, the page header. */
export interface PrintedPlace {
  place: 'meeting_title' | 'heading' | 'organisations' | 'page_header';
  /** The paragraph as printed (at most 120 characters). */
  text: string;
}

export type CheckResult = { ok: true } | { ok: false; findings: Finding[] };

export interface ForbiddenText {
  passages: Array<{ id: string; text: string }>;
}

export interface CheckOptions {
  /** Images that may appear (byte for byte). Default: the house logo only. */
  allowedMedia?: Uint8Array[];
}

// ---- the parts this app writes ---------------------------------------------------------------------------------

export const ALLOWED_PARTS: readonly RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/core\.xml$/,
  /^docProps\/app\.xml$/,
  /^word\/document\.xml$/,
  /^word\/styles\.xml$/,
  /^word\/numbering\.xml$/,
  /^word\/settings\.xml$/,
  /^word\/fontTable\.xml$/,
  /^word\/webSettings\.xml$/,
  /^word\/footnotes\.xml$/,
  /^word\/endnotes\.xml$/,
  /^word\/header\d+\.xml$/,
  /^word\/footer\d+\.xml$/,
  /^word\/_rels\/(document|header\d+|footer\d+|footnotes|endnotes|fontTable|numbering|styles|settings)\.xml\.rels$/,
  /^word\/theme\/theme1\.xml$/,
  /^word\/media\/image\d+\.png$/,
];
const isMedia = (p: string) => /^word\/media\//.test(p);

// ---- namespaces and forbidden elements ------------------------------------------------------------------------

const NS = {
  w: ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'],
  a: ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  r: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  wp: ['http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing'],
  pic: ['http://schemas.openxmlformats.org/drawingml/2006/picture', 'http://purl.oclc.org/ooxml/drawingml/picture'],
  vml: ['urn:schemas-microsoft-com:vml', 'urn:schemas-microsoft-com:office:office', 'urn:schemas-microsoft-com:office:word'],
} as const;
const inNs = (uri: string, which: keyof typeof NS) => (NS[which] as readonly string[]).includes(uri);
/** Namespaces whose elements are part of a run of text: no separator is added where they open or close. */
const MARKUP_NS: readonly string[] = [...NS.w, ...NS.a, ...NS.wp, ...NS.pic, ...NS.r];

/** WordprocessingML elements that hide text, keep it out of sight, or bring content this app never writes. */
const FORBIDDEN_W = new Set([
  // tracked changes
  'del', 'ins', 'delText', 'delInstrText', 'moveFrom', 'moveTo', 'moveFromRangeStart', 'moveFromRangeEnd', 'moveToRangeStart', 'moveToRangeEnd',
  'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'tblGridChange', 'numberingChange', 'cellIns', 'cellDel', 'cellMerge',
  // hidden text
  'vanish', 'specVanish', 'webHidden',
  // comments and annotations
  'commentReference', 'commentRangeStart', 'commentRangeEnd', 'annotationRef',
  // document variables, embedded and attached content
  'docVar', 'docVars', 'object', 'control', 'pict', 'altChunk', 'subDoc', 'attachedTemplate', 'mailMerge', 'customXml', 'fldData', 'ffData',
  'embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic', 'embedTrueTypeFonts', 'embedSystemFonts',
]);

/** Elements after which reading continues as a new word: paragraphs, tabs, breaks, table cells. */
const SEPARATING_W = new Set(['p', 'tab', 'ptab', 'br', 'cr', 'tc', 'tr', 'tbl', 'txbxContent', 'body', 'hdr', 'ftr', 'footnote', 'endnote']);
const SEPARATING_A = new Set(['p', 'br']);

/** The only field instructions allowed: PAGE and NUMPAGES, optionally with a format switch. */
const ALLOWED_FIELD = /^\s*(PAGE|NUMPAGES)(\s+\\\*\s*[A-Za-z]+)*\s*$/;

/** Attributes whose value is human text even when short (the rest are searched for passages of 8+ characters). */
const TEXT_ATTRIBUTES = new Set(['descr', 'title', 'name', 'tooltip', 'anchor', 'Target', 'author', 'initials', 'instr', 'alias', 'tag', 'caption']);

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const ALLOWED_REL_TYPES = new Set([
  `${REL}officeDocument`,
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  `${REL}extended-properties`,
  `${REL}styles`,
  `${REL}numbering`,
  `${REL}footnotes`,
  `${REL}endnotes`,
  `${REL}settings`,
  `${REL}header`,
  `${REL}footer`,
  `${REL}theme`,
  `${REL}fontTable`,
  `${REL}webSettings`,
  `${REL}image`,
  `${REL}hyperlink`,
]);

/**
 * Attributes of the package's fixed frame, written by the docx library the same in every document whatever the
 * meeting holds (test/unit/redaction-check-frame.test.ts proves them the same for an empty meeting and one full of
 * flagged text): the theme's font names ("Microsoft Yi Baiti", "Times New Roman"…) and the compatibility settings'
 * URIs ("http://schemas.microsoft.com/office/word"). Searched, they refused every summary with a flag on
 * "Microsoft", a member of the Taskforce. Like the namespace declarations, they are not searched.
 */
function isFrame(part: string, data: Uint8Array, element: string, attribute: string): boolean {
  // The theme only when it is, byte for byte, the one the docx library writes: any other theme is searched whole.
  if (part === 'word/theme/theme1.xml') return attribute === 'typeface' && sha256(data) === FRAME_THEME_SHA256;
  return part === 'word/settings.xml' && element === 'compatSetting' && (attribute === 'uri' || attribute === 'name' || attribute === 'val');
}

/** SHA-256 of word/theme/theme1.xml as docx 9 writes it in every document (a test keeps it current). */
export const FRAME_THEME_SHA256 = '14d6fc4b249d866d8ab97f1ee68e6601c3feedc56857db791418573bf378f6de';
const hashes = new WeakMap<Uint8Array, string>();
function sha256(data: Uint8Array): string {
  let h = hashes.get(data);
  if (h === undefined) hashes.set(data, (h = nodeCrypto().createHash('sha256').update(data).digest('hex')));
  return h;
}

// ---- the check ---------------------------------------------------------------------------------------------------

interface Segment {
  part: string;
  where: string;
  /** Normalised. */
  text: string;
  /** Attribute values are searched for short passages only when the attribute is known to carry text. */
  shortOk: boolean;
}

export function checkPublicDocx(bytes: Uint8Array, forbidden: ForbiddenText, options: CheckOptions = {}): CheckResult {
  const findings: Finding[] = [];
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch (err) {
    return { ok: false, findings: [{ kind: 'unreadable', part: '', passageId: null, where: `the file is not a readable zip (${String(err).slice(0, 120)})` }] };
  }
  const allowedMedia = options.allowedMedia ?? [logoBytes()];
  const segments: Segment[] = [];

  for (const [name, data] of Object.entries(parts)) {
    if (name.endsWith('/')) continue; // directory entry
    if (!ALLOWED_PARTS.some((re) => re.test(name))) {
      findings.push({ kind: 'unknown_part', part: name, passageId: null, where: `part "${name}" is not one this app writes` });
      // Still read it, so the report says which passage it carried.
      if (/\.(xml|rels)$/i.test(name)) readXmlPart(name, data, [], segments, parts);
      continue;
    }
    if (isMedia(name)) {
      if (!allowedMedia.some((m) => sameBytes(m, data))) findings.push({ kind: 'bad_media', part: name, passageId: null, where: 'an image other than the logo' });
      continue;
    }
    readXmlPart(name, data, findings, segments, parts);
  }

  const matcher = new PassageMatcher(forbidden.passages.map((p): Passage => ({ id: p.id, text: p.text })));
  const flaggedText = new Map(forbidden.passages.map((p) => [p.id, p.text]));
  /** How a hit is written, when not as flagged (see Finding.found). */
  const writtenOtherwise = (hit: Hit, text: string): { found?: string } => {
    const found = hitText(text, hit);
    const flagged = flaggedText.get(hit.passageId);
    return flagged === undefined || writtenAsFlagged(flagged, found) ? {} : { found };
  };
  const reported = new Set<string>();
  // The same attribute values come back thousands of times (w:val="0", style ids…): search each text once.
  const searched = new Map<string, Hit[]>();
  for (const seg of segments) {
    let hits = searched.get(seg.text);
    if (!hits) searched.set(seg.text, (hits = matcher.search(seg.text)));
    for (const hit of hits) {
      // Short passages are searched in text and in attributes known to carry text only (see TEXT_ATTRIBUTES).
      if (!seg.shortOk && hit.short) continue;
      const key = `${hit.passageId}\u0000${seg.part}\u0000${seg.where}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({
        kind: hit.how === 'word_window' || hit.how === 'char_window' ? 'passage_window' : 'passage',
        part: seg.part,
        passageId: hit.passageId,
        where: `${seg.where} (${describeHit(hit)})`,
        excerpt: excerptOf(seg.text, hit),
        ...writtenOtherwise(hit, seg.text),
      });
    }
  }
  if (findings.length === 0) return { ok: true };
  explainPrinted(findings, parts, forbidden.passages);
  return { ok: false, findings };
}

function describeHit(h: Hit): string {
  switch (h.how) {
    case 'whole':
      return 'the whole passage';
    case 'whole_without_spaces':
      return 'the whole passage, spacing aside';
    case 'word_window':
      return '8 consecutive words of the passage';
    case 'char_window':
      return '40 consecutive characters of the passage';
    case 'name_with_initials':
      return 'the name, with initials between its words';
  }
}

function excerptOf(text: string, h: Hit): string {
  if (h.how === 'whole_without_spaces' || h.how === 'char_window') return '';
  const from = Math.max(0, h.at - 20);
  return text.slice(from, from + 80);
}

function readXmlPart(name: string, data: Uint8Array, findings: Finding[], segments: Segment[], parts: Record<string, Uint8Array>) {
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    findings.push({ kind: 'parse_error', part: name, passageId: null, where: 'the part is not valid UTF-8' });
    return;
  }
  const parser = new SaxesParser({ xmlns: true, position: false });
  // The part's text in pieces, joined once at the end: asking a growing string whether it ends with a space made
  // this quadratic (V8 flattens the concatenation each time), 4 s for a 100-page summary.
  const pieces: string[] = [];
  let endsWithSpace = false;
  const append = (t: string) => {
    if (t === '') return;
    pieces.push(t);
    endsWithSpace = t.endsWith(' ');
  };
  const sep = () => {
    if (!endsWithSpace) append(' ');
  };
  let field: string | null = null; // collecting w:instrText of the current field
  const forbid = (kind: FindingKind, where: string) => findings.push({ kind, part: name, passageId: null, where });
  const isRels = name.endsWith('.rels');
  const isTypes = name === '[Content_Types].xml';
  let failed = false;

  parser.on('error', (err) => {
    if (!failed) forbid('parse_error', `not well-formed XML: ${err.message.slice(0, 160)}`);
    failed = true;
  });
  parser.on('doctype', () => forbid('forbidden_element', 'a DOCTYPE declaration'));
  parser.on('text', (t) => {
    append(t);
    if (field !== null) field += t;
  });
  parser.on('cdata', (t) => {
    append(t);
  });
  parser.on('comment', (c) => segments.push({ part: name, where: 'an XML comment', text: normaliseForMatch(c), shortOk: true }));
  parser.on('opentag', (tag: SaxesTagNS) => {
    const { uri, local } = tag;
    if (!MARKUP_NS.includes(uri) || (inNs(uri, 'w') && SEPARATING_W.has(local)) || (inNs(uri, 'a') && SEPARATING_A.has(local))) sep();
    if (inNs(uri, 'w') && FORBIDDEN_W.has(local)) forbid('forbidden_element', `element w:${local}`);
    if (inNs(uri, 'vml')) forbid('forbidden_element', `VML/Office element ${tag.name}`);
    if (inNs(uri, 'w') && local === 'instrText') field = '';
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns' || attr.local === 'Ignorable') continue;
      if (isFrame(name, data, local, attr.local)) continue;
      const where = `attribute ${attr.name} of ${tag.name}`;
      segments.push({ part: name, where, text: normaliseForMatch(attr.value), shortOk: TEXT_ATTRIBUTES.has(attr.local) });
      // A link target carries text percent-encoded: search it decoded as well.
      if (attr.local === 'Target' || attr.local === 'anchor') {
        const decoded = decodeLoosely(attr.value);
        if (decoded !== attr.value) segments.push({ part: name, where: `${where}, decoded`, text: normaliseForMatch(decoded), shortOk: true });
      }
      if (inNs(uri, 'w') && local === 'fldSimple' && attr.local === 'instr' && !ALLOWED_FIELD.test(attr.value))
        forbid('forbidden_field', `field "${attr.value.slice(0, 60)}"`);
      if (inNs(uri, 'a') && local === 'blip' && attr.local === 'link') forbid('forbidden_element', 'a linked (external) image');
      if (inNs(uri, 'wp') && local === 'docPr' && attr.local === 'hidden' && /^(1|true|on)$/i.test(attr.value)) forbid('forbidden_element', 'a hidden drawing');
    }
    if (isRels && local === 'Relationship') checkRelationship(name, tag, forbid, parts);
    if (isTypes && local === 'Override') {
      const partName = String(tag.attributes.PartName?.value ?? '').replace(/^\//, '');
      if (!ALLOWED_PARTS.some((re) => re.test(partName))) forbid('unknown_part', `content type declared for "${partName}"`);
    }
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    const { uri, local } = tag;
    if (inNs(uri, 'w') && local === 'instrText') {
      if (field !== null && !ALLOWED_FIELD.test(field)) forbid('forbidden_field', `field "${field.trim().slice(0, 60)}"`);
      field = null;
    }
    if (!MARKUP_NS.includes(uri) || (inNs(uri, 'w') && SEPARATING_W.has(local)) || (inNs(uri, 'a') && SEPARATING_A.has(local))) sep();
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (!failed) forbid('parse_error', `not well-formed XML: ${String(err).slice(0, 160)}`);
    failed = true;
  }
  const text = pieces.join('');
  segments.push({ part: name, where: 'text of the part', text: normaliseForMatch(text), shortOk: true });
  // An address pasted as text keeps "%20" for its spaces: read decoded too, as a link's target is.
  if (/%[0-9A-Fa-f]{2}/.test(text)) segments.push({ part: name, where: 'text of the part, decoded', text: normaliseForMatch(decodeLoosely(text)), shortOk: true });
}

function checkRelationship(relsName: string, tag: SaxesTagNS, forbid: (k: FindingKind, w: string) => void, parts: Record<string, Uint8Array>) {
  const type = String(tag.attributes.Type?.value ?? '');
  const target = String(tag.attributes.Target?.value ?? '');
  const external = String(tag.attributes.TargetMode?.value ?? '') === 'External';
  if (!ALLOWED_REL_TYPES.has(type)) {
    forbid('forbidden_relationship', `relationship of type "${type.split('/').pop()}" to "${target.slice(0, 60)}"`);
    return;
  }
  if (type === `${REL}hyperlink`) {
    if (!SAFE_URL.test(target)) forbid('forbidden_relationship', `a link to "${target.slice(0, 60)}" (only http, https and mailto links are allowed)`);
    return;
  }
  if (external) {
    forbid('forbidden_relationship', `an external ${type.split('/').pop()} relationship to "${target.slice(0, 60)}"`);
    return;
  }
  if (type === `${REL}image`) {
    const base = relsName.replace(/_rels\/[^/]+\.rels$/, '');
    const resolved = normalisePath(base + target);
    if (!parts[resolved]) forbid('forbidden_relationship', `an image relationship to a missing part "${target.slice(0, 60)}"`);
  }
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

let logoCache: Uint8Array | null = null;
function logoBytes(): Uint8Array {
  logoCache ??= Uint8Array.from(atob(LOGO_PNG_BASE64), (c) => c.charCodeAt(0));
  return logoCache;
}

// ---- explaining a flag on text that is printed anyway ------------------------------------------------------------

interface PrintedParagraph {
  place: PrintedPlace['place'];
  raw: string;
  norm: string;
}

/**
 * For each passage found, whether it sits in text that the summary prints whatever the flags say, read from the
 * file itself: a paragraph in the Title style (the meeting title), in a Heading style (agenda item titles and
 * headings), in the section under the heading "Participation" (the attending organisations), the title in the
 * document properties, or the page header. Runs only when the check has already failed.
 */
function explainPrinted(findings: Finding[], parts: Record<string, Uint8Array>, passages: ForbiddenText['passages']): void {
  const ids = new Set(findings.filter((f) => f.kind === 'passage' || f.kind === 'passage_window').map((f) => f.passageId));
  if (ids.size === 0) return;
  const printed: PrintedParagraph[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (name === 'word/document.xml') printed.push(...printedParagraphs(data));
    else if (/^word\/header\d+\.xml$/.test(name)) printed.push(...printedParagraphs(data, 'page_header'));
    else if (name === 'docProps/core.xml') {
      const title = /<dc:title>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(data))?.[1];
      if (title) printed.push({ place: 'meeting_title', raw: decodeEntities(title), norm: normaliseForMatch(decodeEntities(title)) });
    }
  }
  for (const id of ids) {
    if (id === null) continue;
    const matcher = new PassageMatcher(passages.filter((p) => p.id === id));
    const where = printed.find((p) => matcher.search(p.norm).length > 0);
    if (!where) continue;
    for (const f of findings) if (f.passageId === id) f.printed = { place: where.place, text: where.raw.trim().slice(0, 120) };
  }
}

/** The paragraphs of a part that are printed whatever the flags say, with their text. */
function printedParagraphs(data: Uint8Array, fixed?: PrintedPlace['place']): PrintedParagraph[] {
  const out: PrintedParagraph[] = [];
  const parser = new SaxesParser({ xmlns: true, position: false });
  let text: string[] | null = null;
  let style = '';
  let section = '';
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (!inNs(tag.uri, 'w')) return;
    if (tag.local === 'p') {
      text = [];
      style = '';
    } else if (tag.local === 'pStyle') style = Object.values(tag.attributes).find((a) => a.local === 'val')?.value ?? '';
  });
  parser.on('text', (t) => text?.push(t));
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (!inNs(tag.uri, 'w') || tag.local !== 'p' || !text) return;
    const raw = text.join('');
    text = null;
    const norm = normaliseForMatch(raw);
    let place: PrintedPlace['place'] | null = fixed ?? null;
    if (!place && /^(Title|Subtitle)$/i.test(style)) place = 'meeting_title';
    else if (!place && /^Heading\d$/i.test(style)) {
      place = 'heading';
      if (style === 'Heading1') section = norm;
    } else if (!place && section === 'participation') place = 'organisations';
    if (place) out.push({ place, raw, norm });
  });
  try {
    parser.write(new TextDecoder().decode(data)).close();
  } catch {
    // Only an explanation: a part that does not parse was reported already.
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? m;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

const PRINTED_ADVICE: Record<PrintedPlace['place'], (text: string) => string> = {
  meeting_title: (t) => `is printed in the title of the public summary (the meeting title “${t}”), which is always published: change the flag to cover only the confidential words, or rename the meeting`,
  heading: (t) => `is printed in a heading of the public summary (“${t}”), and headings are always published: change the flag to cover only the confidential words, or rename the agenda item (or the heading in the minutes)`,
  organisations: (t) => `is printed in the list of participating organisations (“${t}”), which the public summary always includes: change the flag to cover only the confidential words, or correct the organisation in the attendance list`,
  page_header: (t) => `is printed in the page header (“${t}”), which is always published: change the flag to cover only the confidential words`,
};

/**
 * One sentence for an error message: which passage leaked and where, one clause per passage (its first finding);
 * for text that the summary prints anyway, where it is printed and what to do.
 */
export function describeFindings(findings: readonly Finding[], labelOf: (passageId: string) => string = (id) => `flag ${id}`): string {
  const clauses: string[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.passageId === null) clauses.push(`${f.part || 'the file'}: ${f.where}`);
    else if (!seen.has(f.passageId)) {
      seen.add(f.passageId);
      const printed = findings.find((g) => g.passageId === f.passageId && g.printed)?.printed;
      const as = f.found === undefined ? '' : `, written there as “${f.found.length > 80 ? `${f.found.slice(0, 79)}…` : f.found}”`;
      clauses.push(printed ? `${labelOf(f.passageId)} ${PRINTED_ADVICE[printed.place](printed.text)}` : `${labelOf(f.passageId)} was found in ${f.part}, ${f.where}${as}`);
    }
  }
  const first = clauses.slice(0, 3);
  const rest = clauses.length - first.length;
  const more = rest > 0 ? ` and ${rest} more finding${rest === 1 ? '' : 's'}` : '';
  return `${first.join('; ')}${more}`;
}
