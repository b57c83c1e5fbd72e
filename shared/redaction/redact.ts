import type { SerializedDoc } from '../editor/doc-model';
import type { WithheldDisplay } from '../domain/meeting';
import { TEXT_FORMAT } from '../editor/doc-model';
import { CLOSING_KEY, OPENING_KEY, withheldItems } from './publication';
import type { PublicBlock, PublicCellBlock, PublicDocument, PublicInline, PublicSection, PublicTableRow } from './public-model';
import { urlKey } from './url-key';
import { RedactionError, sectionTree, stringsUnder, type Atom, type BlockShape, type ReadBlock, type SectionNode, type TableRowTree } from './walk';

export { RedactionError } from './walk';
export { flaggedTexts } from './flagged-texts';
export { publicPlainText, inlinesPlainText, WITHHELD_NOTE } from './plain-text';

export { withheldItems, publicationStates } from './publication';
/** Titles of the two sections that are not agenda items. */
export const SECTION_TITLE = { opening: 'Opening', closing: 'Closing' } as const;

export interface RedactionAgendaItem {
  id: string;
  /** '1', '2', '2.1' as given by orderAndNumber (shared/domain/agenda.ts). */
  number: string;
  title: string;
  parentId: string | null;
  forPublication: boolean;
  /**
   * Its description on the agenda. No public page prints a withheld item's (the agenda prints only its title, or not
   * even that): its words are searched for where they could be typed again (withheld-copies.ts).
   */
  description?: string;
  /** Its presenter and documents on the agenda: as its description (no public page prints a withheld item's). */
  presenter?: string;
  documents?: ReadonlyArray<{ title: string; reference: string }>;
}

export interface RedactionInput {
  bodyName: string;
  meeting: { title: string; startsAt: string; redactionMarker: string; withheldDisplay: WithheldDisplay };
  agenda: readonly RedactionAgendaItem[];
  /** One stored document per section: 'opening', an agenda item id, or 'closing'. Missing sections are empty. */
  sections: ReadonlyArray<{ key: string; content: SerializedDoc }>;
  /** Names of the organisations that took part. */
  organisations: readonly string[];
  /** Withheld in addition to the items whose forPublication is false (may also name 'opening' or 'closing'). */
  withheldItemIds?: readonly string[];
  /**
   * Link addresses of withheld items the agenda does not show (removed from it: services/withheld-in-trash.ts): not a
   * link target anywhere in the meeting, as those of its withheld items are not.
   */
  withheldUrls?: readonly string[];
}

/**
 * Builds the public document: the only thing the public summary and its preview ever see.
 *
 * - Every section is walked with an allowlist (./walk.ts); an unknown node, or a known one of unexpected shape,
 *   throws a RedactionError: nothing is published that the redaction could not judge.
 * - Everything inside a `flag` node, whatever its ids and whether or not a record exists, is hidden: each maximal
 *   run of flagged content in a block becomes ONE `{ kind: 'redacted' }`, whose length does not depend on what it hides.
 * - A link that holds any flagged content loses its URL: its unflagged text is kept as plain text, its flagged text
 *   is redacted. (Fail-safe: the URL itself may name what was flagged, and dropping it hides no unflagged words.)
 * - Withheld items (forPublication false, listed in withheldItemIds, or a sub-item of either, or whose parent is
 *   unknown) keep their title with withheld=true and NO blocks, or are left out when withheldDisplay is 'omit'.
 *   Their minutes are read only for the URLs of their flagged links: such a URL is not published anywhere else.
 * - Sections come in agenda order: opening, items by number, closing; an item with no minutes is kept, with no
 *   blocks (empty blocks are dropped, see publicBlocks).
 *   Stored sections whose key is no agenda item (e.g. of a deleted item) are not published.
 */
export function redact(input: RedactionInput): PublicDocument {
  const byKey = new Map<string, SerializedDoc>();
  input.sections.forEach((s, i) => {
    if (byKey.has(s.key)) throw new RedactionError(`Two stored sections have the key ${JSON.stringify(s.key)}`, `sections[${i}]`);
    byKey.set(s.key, s.content);
  });
  const withheld = withheldKeys(input);
  const order: Array<{ key: string; number: string; title: string }> = [
    { key: OPENING_KEY, number: '', title: SECTION_TITLE.opening },
    ...sortByNumber(input.agenda).map((it) => ({ key: it.id, number: it.number, title: it.title })),
    { key: CLOSING_KEY, number: '', title: SECTION_TITLE.closing },
  ];
  const sections: PublicSection[] = [];
  const read: Array<{ index: number; blocks: SectionNode[] }> = [];
  /** Atoms of the withheld sections: only their links' URLs are taken from them, every one tainted (taintedUrls). */
  const withheldAtoms: Atom[][] = [];
  for (const s of order) {
    if (withheld.has(s.key)) {
      if (input.meeting.withheldDisplay !== 'omit') sections.push({ ...s, withheld: true, blocks: [] });
      const content = byKey.get(s.key);
      if (content !== undefined) withheldAtoms.push(...withheldLinkAtoms(content, `sections[${s.key}]`));
      continue;
    }
    const content = byKey.get(s.key);
    sections.push({ ...s, withheld: false, blocks: [] });
    if (content !== undefined) read.push({ index: sections.length - 1, blocks: readBlocks(content, `sections[${s.key}]`) });
  }
  // A URL is tainted meeting-wide once any link to it holds or touches flagged content, however the links are split,
  // in a published section or a withheld one.
  const tainted = taintedUrls([...read.flatMap((r) => atomsOf(r.blocks)), ...withheldAtoms]);
  for (const url of input.withheldUrls ?? []) tainted.add(urlKey(url));
  for (const r of read) sections[r.index]!.blocks = toBlocks(r.blocks, tainted);
  return {
    marker: input.meeting.redactionMarker,
    bodyName: input.bodyName,
    meetingTitle: input.meeting.title,
    date: input.meeting.startsAt.slice(0, 10),
    organisations: [...input.organisations],
    sections,
  };
}

/**
 * The links of a withheld section, each taken as flagged: the address of any link in a withheld item is not printed
 * anywhere in the meeting (a published item linking the same address keeps its words, as a flagged link's copies do).
 * The address is the withheld item's text as much as its words are (an audit of 2026-12-07 found a data room's address
 * linked again under "Any other business" printed in the file's link targets). Withheld minutes are never published,
 * so content the redaction cannot judge does not stop the summary: every URL anywhere in such a section is then taken.
 */
function withheldLinkAtoms(content: SerializedDoc, path: string): Atom[][] {
  try {
    return atomsOf(readBlocks(content, path)).map((atoms) => atoms.filter((a) => a.link).map((a) => ({ ...a, flagIds: a.flagIds ?? [path] })));
  } catch (err) {
    if (!(err instanceof RedactionError)) throw err;
    return [stringsUnder(content, 'url').map((url) => ({ kind: 'text', text: '', format: 0, flagIds: [path], link: { url } }))];
  }
}

function withheldKeys(input: RedactionInput): Set<string> {
  return withheldItems(input.agenda, input.withheldItemIds);
}

function sortByNumber<T extends { number: string }>(items: readonly T[]): T[] {
  const parts = (n: string) => n.split('.').map((p) => Number.parseInt(p, 10));
  return items
    .map((it, i) => ({ it, i, key: parts(it.number) }))
    .sort((a, b) => {
      for (let k = 0; k < Math.max(a.key.length, b.key.length); k++) {
        const x = a.key[k] ?? -1;
        const y = b.key[k] ?? -1;
        if (x !== y) return (Number.isNaN(x) ? Infinity : x) - (Number.isNaN(y) ? Infinity : y);
      }
      return a.i - b.i;
    })
    .map((e) => e.it);
}

/**
 * The public blocks of one stored section. Blocks with nothing in them (an empty paragraph, the one an empty editor
 * holds, an empty bullet) are left out, so a section nobody wrote in has no blocks. A block holding only a flag is kept:
 * its marker says something was withheld there.
 */
export function publicBlocks(content: unknown, path = 'section'): PublicBlock[] {
  const blocks = readBlocks(content, path);
  return toBlocks(blocks, taintedUrls(atomsOf(blocks)));
}

function readBlocks(content: unknown, path: string): SectionNode[] {
  return sectionTree(content, path);
}

/** The atoms of every block, table cells' blocks included (one entry per block). */
function atomsOf(nodes: readonly SectionNode[]): Atom[][] {
  return nodes.flatMap((n) => (n.kind === 'block' ? [n.block.atoms] : n.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map((b) => b.atoms)))));
}

function toBlocks(nodes: readonly SectionNode[], tainted: ReadonlySet<string>): PublicBlock[] {
  const out: PublicBlock[] = [];
  for (const n of nodes) {
    if (n.kind === 'table') {
      const rows = tableRows(n.rows, tainted);
      if (rows.length > 0) out.push({ kind: 'table', rows });
      continue;
    }
    const inlines = toInlines(n.block.atoms, tainted);
    if (inlines.length > 0) out.push(toBlock(n.block.shape, inlines));
  }
  return out;
}

/**
 * The rows of a table, each cell's blocks redacted as paragraphs are. Rows with no cells are dropped, and so is a table
 * with nothing in any cell (as an empty paragraph is).
 */
function tableRows(rows: readonly TableRowTree[], tainted: ReadonlySet<string>): PublicTableRow[] {
  let any = false;
  const out = rows
    .filter((r) => r.cells.length > 0)
    .map((r) => ({
      header: r.header,
      cells: r.cells.map((c) => ({
        header: c.header,
        colSpan: c.colSpan,
        rowSpan: c.rowSpan,
        blocks: c.blocks.flatMap((b): PublicCellBlock[] => {
          const inlines = toInlines(b.atoms, tainted);
          if (inlines.length === 0) return [];
          any = true;
          return [toCellBlock(b, inlines)];
        }),
      })),
    }));
  return any ? out : [];
}

function toCellBlock(b: ReadBlock, inlines: PublicInline[]): PublicCellBlock {
  const block = toBlock(b.shape, inlines);
  // The walk refuses decisions, actions and tables in cells; should one get here, fail closed.
  if (block.kind === 'decision' || block.kind === 'action' || block.kind === 'table') throw new RedactionError('A table cell holds a block the redaction does not expect', 'table cell');
  return block;
}

/** The URL of every link in `atoms` that holds or touches flagged content (what taintedUrls keys), as written. */
export function flaggedLinkUrls(atoms: readonly Atom[]): Array<{ url: string; flagIds: string[] }> {
  const out: Array<{ url: string; flagIds: string[] }> = [];
  atoms.forEach((a, i) => {
    if (!a.link) return;
    const touching = [a.flagIds, atoms[i - 1]?.flagIds, atoms[i + 1]?.flagIds].filter((ids) => ids != null);
    if (touching.length > 0) out.push({ url: a.link.url, flagIds: [...new Set(touching.flat())] });
  });
  return out;
}

/**
 * URLs that must not be published: any link whose content is flagged, or whose content sits right beside flagged
 * content in the same block (a flag that ends where a link begins may be about the link). Keyed by `urlKey`.
 */
export function taintedUrls(blocks: ReadonlyArray<readonly Atom[]>): Set<string> {
  const out = new Set<string>();
  for (const atoms of blocks) for (const { url } of flaggedLinkUrls(atoms)) out.add(urlKey(url));
  return out;
}

function toBlock(shape: BlockShape, inlines: PublicInline[]): PublicBlock {
  switch (shape.kind) {
    case 'heading':
      return { kind: 'heading', level: shape.level, inlines };
    case 'listItem':
      return { kind: 'listItem', ordered: shape.ordered, depth: shape.depth, list: shape.list, inlines };
    case 'decision':
    case 'action':
      return { kind: shape.kind, recordId: shape.recordId, inlines };
    default:
      return { kind: shape.kind, inlines };
  }
}

/**
 * Atoms of one block → public inlines. Flagged atoms never contribute anything but the fact of a run: the run
 * becomes a single `redacted` inline. Links keep their URL unless it is tainted (see taintedUrls); a tainted link
 * is dissolved into its unflagged text.
 */
export function toInlines(atoms: readonly Atom[], tainted: ReadonlySet<string> = taintedUrls([atoms])): PublicInline[] {
  const out: PublicInline[] = [];
  let i = 0;
  while (i < atoms.length) {
    const a = atoms[i]!;
    if (a.flagIds) {
      while (i < atoms.length && atoms[i]!.flagIds) i++;
      out.push({ kind: 'redacted' });
      continue;
    }
    if (a.link && !tainted.has(urlKey(a.link.url))) {
      const children: PublicInline[] = [];
      while (i < atoms.length && atoms[i]!.link === a.link) pushPlain(children, atoms[i++]!);
      out.push({ kind: 'link', url: a.link.url, children });
      continue;
    }
    pushPlain(out, a);
    i++;
  }
  return out;
}

/** Appends one unflagged atom, merging text with the previous inline when the formatting is the same. */
function pushPlain(out: PublicInline[], a: Atom): void {
  if (a.kind === 'break') return void out.push({ kind: 'break' });
  if (a.kind === 'tab') return void out.push({ kind: 'tab' });
  if (a.text === '') return;
  const next: PublicInline & { kind: 'text' } = { kind: 'text', text: a.text };
  if (a.format & TEXT_FORMAT.bold) next.bold = true;
  if (a.format & TEXT_FORMAT.italic) next.italic = true;
  if (a.format & TEXT_FORMAT.underline) next.underline = true;
  if (a.format & TEXT_FORMAT.strikethrough) next.strike = true;
  if (a.format & TEXT_FORMAT.subscript) next.subscript = true;
  if (a.format & TEXT_FORMAT.superscript) next.superscript = true;
  if (a.format & TEXT_FORMAT.code) next.code = true;
  const prev = out[out.length - 1];
  if (prev?.kind === 'text' && sameFormat(prev, next)) {
    prev.text += next.text;
    return;
  }
  out.push(next);
}

const FORMAT_KEYS = ['bold', 'italic', 'underline', 'strike', 'subscript', 'superscript', 'code'] as const;
function sameFormat(a: PublicInline & { kind: 'text' }, b: PublicInline & { kind: 'text' }): boolean {
  return FORMAT_KEYS.every((k) => a[k] === b[k]);
}
