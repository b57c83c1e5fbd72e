import { AppError } from '../errors';
import { SerializedDoc } from '../editor/doc-schema';

/**
 * THE reader of a stored minutes section: every consumer of the stored Lexical JSON (save validation, plain text,
 * redaction, flagged passages, flag re-application, DOCX rendering of the internal minutes) goes through
 * `walkSection`, so that adding a node type means one case here plus its renderers. The walk the redaction trusts. It knows an ALLOWLIST of node types, each in
 * the places it may appear, and checks the fields it reads; anything else throws a RedactionError, so content the
 * redaction cannot judge never passes through. `redact()` and `flaggedTexts()` both use it, so they cannot disagree
 * about what is flagged.
 */

export class RedactionError extends AppError {
  /** Where in the input the problem is, e.g. `sections[opening].root.children[2].children[0]`. */
  readonly path: string;
  constructor(message: string, path: string) {
    super('bad_request', `${message} (at ${path}). Nothing was published.`, { details: { path } });
    this.name = 'RedactionError';
    this.path = path;
  }
}

/** Deeper than any real minutes; stops hostile or corrupted input before it exhausts the stack. */
export const MAX_NESTING = 64;

/** A link as met during the walk; compared by identity, so two link nodes are two links even with one URL. */
export interface LinkRef {
  url: string;
}

/**
 * One indivisible piece of inline content. `flagIds` is null for unflagged content, else the union of the ids of every
 * flag node around it (never empty). An empty flag node yields one empty flagged text atom, so that every flag is
 * seen (and redacted) even when it holds nothing.
 */
export interface Atom {
  kind: 'text' | 'break' | 'tab';
  text: string;
  /** Lexical's text format bitmask (0 for breaks, tabs and timestamps). */
  format: number;
  flagIds: readonly string[] | null;
  link: LinkRef | null;
  /** A timestamp node's text ("[10:42]"): internal documents show it muted. */
  timestamp?: true;
}

/**
 * Where a block inside a table stands. A table's cells are blocks of text like any other (readers that only want text
 * need not care); readers that lay tables out group the blocks by `table`, `row` and `cell` (see `sectionTree`).
 */
export interface CellPosition {
  /** Which table of the section (0, 1, …). */
  table: number;
  row: number;
  /** The cell's index in its row. */
  cell: number;
  /** A header cell (`<th>`; @lexical/table's headerState not 0). */
  header: boolean;
  /** The cell's row is a header row (headerState has the row bit). */
  headerRow: boolean;
  colSpan: number;
  rowSpan: number;
}

export type BlockShape = (
  | { kind: 'paragraph' }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6 }
  | { kind: 'quote' }
  | { kind: 'listItem'; ordered: boolean; depth: number; /** Which list of the section (0, 1, …): numbering restarts per list. */ list: number }
  | { kind: 'decision'; recordId: string }
  | { kind: 'action'; recordId: string }
) & { /** Set for a block inside a table cell. */ cell?: CellPosition };

export type BlockVisitor = (shape: BlockShape, atoms: Atom[]) => void;

type Obj = Record<string, unknown>;

const short = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

function asNode(x: unknown, path: string): Obj & { type: string } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new RedactionError('A node of the minutes is not an object', path);
  const type = (x as Obj).type;
  if (typeof type !== 'string') throw new RedactionError('A node of the minutes has no type', path);
  return x as Obj & { type: string };
}

function childrenOf(n: Obj & { type: string }, path: string): unknown[] {
  if (!Array.isArray(n.children)) throw new RedactionError(`A "${n.type}" node has no list of children`, path);
  return n.children;
}

function stringField(n: Obj & { type: string }, field: string, path: string): string {
  const v = n[field];
  if (typeof v !== 'string') throw new RedactionError(`A "${n.type}" node has no text field "${field}"`, path);
  return v;
}

function misplaced(type: string, where: string, path: string): never {
  throw new RedactionError(`The redaction does not know a node of type ${short(type)} ${where}`, path);
}

function checkDepth(depth: number, path: string) {
  if (depth > MAX_NESTING) throw new RedactionError(`The minutes nest deeper than ${MAX_NESTING} levels`, path);
}

function union(outer: readonly string[] | null, ids: readonly string[]): string[] {
  const out = outer ? [...outer] : [];
  for (const id of ids) if (!out.includes(id)) out.push(id);
  return out;
}

interface InlineContext {
  flagIds: readonly string[] | null;
  link: LinkRef | null;
  depth: number;
}

/** Appends the atoms of inline nodes (text, linebreak, tab, timestamp, flag, link, autolink) to `out`. */
function inlineAtoms(nodes: readonly unknown[], path: string, ctx: InlineContext, out: Atom[]): void {
  nodes.forEach((raw, i) => inlineAtom(raw, `${path}.children[${i}]`, ctx, out));
}

function inlineAtom(raw: unknown, p: string, ctx: InlineContext, out: Atom[]): void {
  checkDepth(ctx.depth, p);
  const n = asNode(raw, p);
  switch (n.type) {
    case 'text': {
      const text = stringField(n, 'text', p);
      const format = n.format ?? 0;
      if (typeof format !== 'number' || !Number.isInteger(format)) throw new RedactionError('A text node has a format that is not a number', p);
      // Empty unflagged text says nothing; empty flagged text is kept so the flag still yields its marker.
      if (text !== '' || ctx.flagIds) out.push({ kind: 'text', text, format, flagIds: ctx.flagIds, link: ctx.link });
      return;
    }
    case 'timestamp':
      out.push({ kind: 'text', text: stringField(n, 'text', p), format: 0, flagIds: ctx.flagIds, link: ctx.link, timestamp: true });
      return;
    case 'linebreak':
      out.push({ kind: 'break', text: '\n', format: 0, flagIds: ctx.flagIds, link: ctx.link });
      return;
    case 'tab':
      out.push({ kind: 'tab', text: '\t', format: 0, flagIds: ctx.flagIds, link: ctx.link });
      return;
    case 'flag': {
      const ids = n.ids;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id !== ''))
        throw new RedactionError('A flag node does not carry a list of flag ids', p);
      const flagIds = union(ctx.flagIds, ids as string[]);
      const before = out.length;
      inlineAtoms(childrenOf(n, p), p, { ...ctx, flagIds, depth: ctx.depth + 1 }, out);
      if (out.length === before) out.push({ kind: 'text', text: '', format: 0, flagIds, link: ctx.link });
      return;
    }
    case 'link':
    case 'autolink': {
      if (ctx.link) throw new RedactionError('A link inside a link is not expected', p);
      const url = stringField(n, 'url', p);
      // An autolink the user has unlinked is shown as plain text by Lexical: it publishes no URL either.
      const link = n.type === 'autolink' && n.isUnlinked === true ? null : { url };
      inlineAtoms(childrenOf(n, p), p, { ...ctx, link, depth: ctx.depth + 1 }, out);
      return;
    }
    default:
      misplaced(n.type, 'inside a line of text', p);
  }
}

const HEADING_LEVEL: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

function lineAtoms(n: Obj & { type: string }, path: string, depth: number): Atom[] {
  const atoms: Atom[] = [];
  inlineAtoms(childrenOf(n, path), path, { flagIds: null, link: null, depth: depth + 1 }, atoms);
  return atoms;
}

function listOrdered(n: Obj & { type: string }, path: string): boolean {
  const t = n.listType;
  if (t !== 'bullet' && t !== 'number' && t !== 'check') throw new RedactionError('A list has an unknown list type', path);
  return t === 'number';
}

/**
 * A list item holds inline content, a nested list, or both. Each maximal run of inline children becomes one block
 * at the list's depth; a nested list continues one level deeper. An item with no children at all is an empty bullet.
 */
function visitList(
  list: Obj & { type: string },
  path: string,
  listDepth: number,
  depth: number,
  visit: BlockVisitor,
  lists: { n: number },
  cell: CellPosition | null,
): void {
  checkDepth(depth, path);
  const ordered = listOrdered(list, path);
  const listNo = lists.n++;
  childrenOf(list, path).forEach((raw, i) => {
    const p = `${path}.children[${i}]`;
    const item = asNode(raw, p);
    if (item.type !== 'listitem') misplaced(item.type, 'directly inside a list', p);
    const kids = childrenOf(item, p);
    const shape = (): BlockShape => ({ kind: 'listItem', ordered, depth: listDepth, list: listNo, ...(cell ? { cell } : {}) });
    if (kids.length === 0) visit(shape(), []);
    let run: Atom[] | null = null;
    const flush = () => {
      if (run) visit(shape(), run);
      run = null;
    };
    kids.forEach((kidRaw, k) => {
      const kp = `${p}.children[${k}]`;
      const kid = asNode(kidRaw, kp);
      if (kid.type === 'list') {
        flush();
        visitList(kid, kp, listDepth + 1, depth + 2, visit, lists, cell);
      } else {
        run ??= [];
        inlineAtom(kidRaw, kp, { flagIds: null, link: null, depth: depth + 2 }, run);
      }
    });
    flush();
  });
}

/** Checks a section against the stored-document schema of shared/editor/doc-model.ts as well as the walk's own rules. */
function checkSchema(content: unknown, path: string) {
  const parsed = SerializedDoc.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('') : '';
    throw new RedactionError(`The minutes do not have the expected form: ${issue?.message ?? 'invalid'}`, `${path}${where}`);
  }
}

interface WalkState {
  visit: BlockVisitor;
  lists: { n: number };
  tables: { n: number };
}

/** One block of a section or of a table cell. */
function visitBlock(n: Obj & { type: string }, p: string, depth: number, st: WalkState, cell: CellPosition | null): void {
  checkDepth(depth, p);
  const at = cell ? { cell } : {};
  switch (n.type) {
    case 'paragraph':
      return st.visit({ kind: 'paragraph', ...at }, lineAtoms(n, p, depth));
    case 'quote':
      return st.visit({ kind: 'quote', ...at }, lineAtoms(n, p, depth));
    case 'heading': {
      const level = typeof n.tag === 'string' && Object.prototype.hasOwnProperty.call(HEADING_LEVEL, n.tag) ? HEADING_LEVEL[n.tag] : undefined;
      if (!level) throw new RedactionError('A heading has an unknown level', p);
      return st.visit({ kind: 'heading', level, ...at }, lineAtoms(n, p, depth));
    }
    case 'decision':
    case 'action':
      if (cell) throw new RedactionError(`${n.type === 'decision' ? 'A decision' : 'An action item'} cannot be inside a table: move it out of the table`, p);
      return st.visit({ kind: n.type, recordId: stringField(n, 'recordId', p) }, lineAtoms(n, p, depth));
    case 'list':
      return visitList(n, p, 0, depth, st.visit, st.lists, cell);
    case 'table':
      if (cell) throw new RedactionError('A table inside a table cell is not supported: paste the inner table outside the table', p);
      return visitTable(n, p, depth, st);
    default:
      misplaced(n.type, cell ? 'inside a table cell' : 'as a block of a section', p);
  }
}

/** A positive whole number field (colSpan, rowSpan) or its default; anything else is refused. */
function spanField(n: Obj & { type: string }, field: string, p: string): number {
  const v = n[field] ?? 1;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1000) throw new RedactionError(`A table cell has a ${field} that is not a whole number from 1 to 1000`, p);
  return v;
}

/** A table: rows of cells; each cell's blocks are visited with their position. An empty cell is one empty paragraph. */
function visitTable(table: Obj & { type: string }, path: string, depth: number, st: WalkState): void {
  const tableNo = st.tables.n++;
  childrenOf(table, path).forEach((rowRaw, r) => {
    const rp = `${path}.children[${r}]`;
    const row = asNode(rowRaw, rp);
    if (row.type !== 'tablerow') misplaced(row.type, 'directly inside a table', rp);
    checkDepth(depth + 1, rp);
    const cells = childrenOf(row, rp).map((cellRaw, c) => {
      const cp = `${rp}.children[${c}]`;
      const cellNode = asNode(cellRaw, cp);
      if (cellNode.type !== 'tablecell') misplaced(cellNode.type, 'directly inside a table row', cp);
      const hs = cellNode.headerState ?? 0;
      if (typeof hs !== 'number' || !Number.isInteger(hs) || hs < 0 || hs > 3) throw new RedactionError('A table cell has an unknown header state', cp);
      return { node: cellNode, cp, hs, colSpan: spanField(cellNode, 'colSpan', cp), rowSpan: spanField(cellNode, 'rowSpan', cp) };
    });
    // A header row: every cell of it is a header of its column (the row bit, 1, of @lexical/table's headerState).
    const headerRow = cells.length > 0 && cells.every((c) => (c.hs & 1) === 1);
    cells.forEach(({ node, cp, hs, colSpan, rowSpan }, c) => {
      const cell: CellPosition = { table: tableNo, row: r, cell: c, header: hs !== 0, headerRow, colSpan, rowSpan };
      const kids = childrenOf(node, cp);
      if (kids.length === 0) return st.visit({ kind: 'paragraph', cell }, []);
      kids.forEach((kidRaw, k) => {
        const kp = `${cp}.children[${k}]`;
        visitBlock(asNode(kidRaw, kp), kp, depth + 3, st, cell);
      });
    });
  });
}

/** Walks the blocks of one stored section in document order, validating as it goes. Table cells' blocks carry `cell`. */
export function walkSection(content: unknown, path: string, visit: BlockVisitor): void {
  if (typeof content !== 'object' || content === null) throw new RedactionError('A section has no document', path);
  const root = asNode((content as Obj).root, `${path}.root`);
  if (root.type !== 'root') misplaced(root.type, 'at the top of a section', `${path}.root`);
  const rootPath = `${path}.root`;
  const st: WalkState = { visit, lists: { n: 0 }, tables: { n: 0 } };
  childrenOf(root, rootPath).forEach((raw, i) => {
    const p = `${rootPath}.children[${i}]`;
    visitBlock(asNode(raw, p), p, 1, st, null);
  });
  // The walk has judged every node; the schema adds the finer rules of the stored form (field types, bounds).
  checkSchema(content, path);
}

/** A block as read by the walk. */
export interface ReadBlock {
  shape: BlockShape;
  atoms: Atom[];
}

/**
 * A section read once by the walk (judged, schema checked): its blocks in order. For a caller that needs several
 * things of one section (a save wants its plain text, its flagged passages and its search blocks): each reader given a
 * ReadSection visits these blocks instead of walking the content again. Made only by `ReadSection.of`, so it never
 * holds content the walk has not judged; it keeps the blocks, not the content, so a later change to that content
 * object is not in it.
 */
export class ReadSection {
  private constructor(private readonly blocks: readonly ReadBlock[]) {}

  /** Reads `content` with walkSection: throws a RedactionError where walkSection would. */
  static of(content: unknown, path: string): ReadSection {
    const blocks: ReadBlock[] = [];
    walkSection(content, path, (shape, atoms) => void blocks.push({ shape, atoms }));
    return new ReadSection(blocks);
  }

  forEach(visit: BlockVisitor): void {
    for (const b of this.blocks) visit(b.shape, b.atoms);
  }
}

/** The blocks of a section: those of a ReadSection, or of `content` walked now (walkSection). */
export function eachBlock(source: unknown, path: string, visit: BlockVisitor): void {
  if (source instanceof ReadSection) source.forEach(visit);
  else walkSection(source, path, visit);
}

export interface TableCellTree {
  header: boolean;
  colSpan: number;
  rowSpan: number;
  blocks: ReadBlock[];
}
export interface TableRowTree {
  header: boolean;
  cells: TableCellTree[];
}
/** A section's content as blocks and tables, in order: what readers that lay out tables walk. */
export type SectionNode = { kind: 'block'; block: ReadBlock } | { kind: 'table'; rows: TableRowTree[] };

/**
 * The same walk, grouped: each table becomes one node holding its rows and cells (a row with no cells is kept, with
 * none). Built on walkSection, so it judges exactly what walkSection judges.
 */
export function sectionTree(content: unknown, path: string): SectionNode[] {
  const out: SectionNode[] = [];
  let current: { no: number; rows: TableRowTree[] } | null = null;
  walkSection(content, path, (shape, atoms) => {
    const cell = shape.cell;
    if (!cell) {
      current = null;
      return void out.push({ kind: 'block', block: { shape, atoms } });
    }
    if (!current || current.no !== cell.table) {
      current = { no: cell.table, rows: [] };
      out.push({ kind: 'table', rows: current.rows });
    }
    const rows = current.rows;
    while (rows.length <= cell.row) rows.push({ header: false, cells: [] });
    const row = rows[cell.row]!;
    row.header = cell.headerRow;
    while (row.cells.length <= cell.cell) row.cells.push({ header: false, colSpan: 1, rowSpan: 1, blocks: [] });
    const c = row.cells[cell.cell]!;
    c.header = cell.header;
    c.colSpan = cell.colSpan;
    c.rowSpan = cell.rowSpan;
    c.blocks.push({ shape, atoms });
  });
  return out;
}

/**
 * Every string under `field` anywhere in `content`, read as plain JSON: what a reader that cannot judge the content
 * (an unknown node) still takes from it, fail-closed (every link's address, every text).
 */
export function stringsUnder(content: unknown, field: 'url' | 'text'): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      const value = (v as Record<string, unknown>)[field];
      if (typeof value === 'string') out.push(value);
      Object.values(v).forEach(visit);
    }
  };
  visit(content);
  return out;
}
