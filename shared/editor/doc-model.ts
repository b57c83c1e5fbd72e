import * as z from 'zod';
import { lazySchema } from '../lazy-schema';

/**
 * The stored form of one minutes section: Lexical's serialized editor state, restricted to an allowlist of node
 * types. The same allowlist is what the redaction model knows; anything else is refused at the boundary, so the
 * redaction never meets a node it cannot judge.
 *
 * Node types:
 * - root, paragraph, heading (h1–h6), quote, list (bullet | number), listitem, text, linebreak, tab, link, autolink:
 *   Lexical's own.
 * - flag: an inline element like Lexical's MarkNode, carrying only the ids of the flags that cover its text; the flag
 *   records (reason, note, who, when) live in SQLite. Overlapping flags nest or carry several ids.
 * - decision, action: block elements whose text is the decision / action item as minuted; `recordId` links to the
 *   structured record (outcome; owner, due date, status) in SQLite.
 * - timestamp: an inline text-like node holding the time it was inserted, e.g. "[10:42]".
 * - table, tablerow, tablecell: @lexical/table's nodes (a pasted table). A table is a block of a section; its cells
 *   hold paragraphs, headings, quotes and lists (never a decision, an action or another table: shared/redaction/walk.ts).
 */
export const ELEMENT_TYPES = ['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink', 'flag', 'decision', 'action', 'table', 'tablerow', 'tablecell'] as const;
export const LEAF_TYPES = ['text', 'linebreak', 'tab', 'timestamp'] as const;
export const NODE_TYPES = [...ELEMENT_TYPES, ...LEAF_TYPES] as const;

/** Lexical's text format bitmask. */
export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64, highlight: 128 } as const;

const MAX_TEXT = 200_000;

export interface SerializedNodeBase {
  type: string;
  version: number;
  [key: string]: unknown;
}

export interface SerializedElement extends SerializedNodeBase {
  children: SerializedNode[];
}
export type SerializedNode = SerializedNodeBase | SerializedElement;

/**
 * The stored-document schemas, built on first use (issue 16): building them at import was ~15 ms of the minutes page's
 * start in the renderer, where only the redaction walk's check (shared/redaction/walk.ts) parses with them.
 */
function buildDocSchema() {
  const common = { version: z.number().int() };
  const elementCommon = {
    ...common,
    direction: z.enum(['ltr', 'rtl']).nullable().optional(),
    format: z.union([z.string(), z.number()]).optional(),
    indent: z.number().int().min(0).max(20).optional(),
    textFormat: z.number().int().optional(),
    textStyle: z.string().optional(),
  };

  const FlagIds = z.array(z.string().min(1).max(64)).min(1).max(64);

  // Node and FlagIds are plain schemas (Node is z.lazy): a document's every node is parsed through them.
  const Node: z.ZodType<SerializedNode> = z.lazy(() =>
    z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('root'), ...elementCommon, children: z.array(Node).max(100_000) }),
      z.looseObject({ type: z.literal('paragraph'), ...elementCommon, children: z.array(Node).max(10_000) }),
      z.looseObject({ type: z.literal('heading'), ...elementCommon, tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), children: z.array(Node).max(10_000) }),
      z.looseObject({ type: z.literal('quote'), ...elementCommon, children: z.array(Node).max(10_000) }),
      z.looseObject({
        type: z.literal('list'),
        ...elementCommon,
        listType: z.enum(['bullet', 'number', 'check']),
        start: z.number().int().optional(),
        tag: z.enum(['ul', 'ol']).optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({ type: z.literal('listitem'), ...elementCommon, value: z.number().int().optional(), checked: z.boolean().optional(), children: z.array(Node).max(10_000) }),
      z.looseObject({
        type: z.literal('link'),
        ...elementCommon,
        url: z.string().max(4000),
        rel: z.string().nullable().optional(),
        target: z.string().nullable().optional(),
        title: z.string().nullable().optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({
        type: z.literal('autolink'),
        ...elementCommon,
        url: z.string().max(4000),
        rel: z.string().nullable().optional(),
        target: z.string().nullable().optional(),
        title: z.string().nullable().optional(),
        isUnlinked: z.boolean().optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({ type: z.literal('flag'), ...elementCommon, ids: FlagIds, children: z.array(Node).max(10_000) }),
      z.looseObject({ type: z.literal('decision'), ...elementCommon, recordId: z.string().min(1).max(64), children: z.array(Node).max(10_000) }),
      z.looseObject({ type: z.literal('action'), ...elementCommon, recordId: z.string().min(1).max(64), children: z.array(Node).max(10_000) }),
      z.looseObject({
        type: z.literal('table'),
        ...elementCommon,
        colWidths: z.array(z.number().min(0).max(100_000)).max(1000).optional(),
        rowStriping: z.boolean().optional(),
        frozenColumnCount: z.number().int().min(0).optional(),
        frozenRowCount: z.number().int().min(0).optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({ type: z.literal('tablerow'), ...elementCommon, height: z.number().min(0).max(100_000).optional(), children: z.array(Node).max(1000) }),
      z.looseObject({
        type: z.literal('tablecell'),
        ...elementCommon,
        headerState: z.number().int().min(0).max(3).optional(),
        colSpan: z.number().int().min(1).max(1000).optional(),
        rowSpan: z.number().int().min(1).max(10_000).optional(),
        width: z.number().min(0).max(100_000).nullable().optional(),
        backgroundColor: z.string().max(100).nullable().optional(),
        verticalAlign: z.string().max(20).nullable().optional(),
        children: z.array(Node).max(10_000),
      }),
      z.looseObject({
        type: z.literal('text'),
        ...common,
        text: z.string().max(MAX_TEXT),
        format: z.number().int().min(0).max(2047).optional(),
        style: z.string().max(1000).optional(),
        mode: z.enum(['normal', 'token', 'segmented']).optional(),
        detail: z.number().int().optional(),
      }),
      z.looseObject({ type: z.literal('linebreak'), ...common }),
      z.looseObject({ type: z.literal('tab'), ...common, text: z.string().optional(), format: z.number().int().optional(), style: z.string().optional(), mode: z.string().optional(), detail: z.number().int().optional() }),
      z.looseObject({ type: z.literal('timestamp'), ...common, text: z.string().max(40), at: z.string().max(40) }),
    ]),
  );

  return z.object({
    root: z.looseObject({ type: z.literal('root'), ...elementCommon, children: z.array(Node).max(100_000) }),
  });
}

/** What is stored per section and what the editor loads: `{ root: {...} }`. */
export const SerializedDoc = lazySchema(buildDocSchema);
export type SerializedDoc = { root: SerializedElement & { type: 'root' } };

export function emptyDoc(): SerializedDoc {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] }],
    },
  };
}

export function isElement(n: SerializedNode): n is SerializedElement {
  return Array.isArray((n as SerializedElement).children);
}

/** Plain text of a serialized subtree (paragraph-like blocks separated by newlines). */
export function plainText(n: SerializedNode): string {
  if (n.type === 'text' || n.type === 'timestamp') return typeof n.text === 'string' ? n.text : '';
  if (n.type === 'linebreak') return '\n';
  if (n.type === 'tab') return '\t';
  if (!isElement(n)) return '';
  const inner = n.children.map(plainText);
  const blocky = ['root', 'list', 'table', 'tablerow', 'tablecell'].includes(n.type);
  return inner.join(blocky ? '\n' : '');
}
