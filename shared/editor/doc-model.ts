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

/** The longest text node a stored document may hold (doc-schema.ts). */
export const MAX_TEXT = 200_000;

export interface SerializedNodeBase {
  type: string;
  version: number;
  [key: string]: unknown;
}

export interface SerializedElement extends SerializedNodeBase {
  children: SerializedNode[];
}
export type SerializedNode = SerializedNodeBase | SerializedElement;

/** What is stored per section and what the editor loads: `{ root: {...} }` (its schema: doc-schema.ts). */
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
