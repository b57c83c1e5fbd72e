import { $generateNodesFromSerializedNodes, $insertGeneratedNodes, type BaseSerializedNode } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isTableCellNode, $isTableNode, $isTableRowNode } from '@lexical/table';
import { $dfs, $findMatchingParent } from '@lexical/utils';
import {
  $copyNode,
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isRangeSelection,
  $isTabNode,
  $isTextNode,
  $setSelection,
  type BaseSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import { MAX_TEXT, NODE_TYPES, TEXT_FORMAT } from '../../shared/editor/doc-model';
import { MINUTES_NAMESPACE } from './config';
import { $flagIdsForInsertion, $flagIdsSelected, $insertFlaggedText } from './flags';
import { $isActionNode } from './nodes/ActionNode';
import { $isDecisionNode } from './nodes/DecisionNode';
import { $createFlagNode, $isFlagNode } from './nodes/FlagNode';
import { $isTimestampNode } from './nodes/TimestampNode';
import { replaceForbiddenChars } from '../../shared/text/forbidden-chars';
import { LINK_URL_MAX, SAFE_URL } from '../../shared/editor/links';

/**
 * Paste cleaning. What arrives from Word or a web page is reduced to the minutes' node types, with no styles:
 *
 * 1. DOM pass (cleanPastedDocument): scripts, styles, <meta>/<link>/<xml>, forms, media and Word's hidden list glyphs
 *    (`mso-list:Ignore`) are dropped; Word's `<o:p>` is unwrapped; an image becomes the visible text "[image omitted]",
 *    an iframe/embed/object "[embedded content omitted]", a table becomes one paragraph per row with the cells' text
 *    joined by " | " (preceded by "[table converted to text]"), so nothing disappears silently.
 * 2. Lexical parses what is left ($generateNodesFromDOM) into the registered node classes only.
 * 3. Node pass ($cleanImportedNodes): text keeps only bold/italic/underline/strikethrough and loses its inline style;
 *    blocks lose alignment, indent and styles; links keep only http(s)/mailto URLs (others become their text);
 *    any node whose type is outside the allowlist is replaced by its text. Pasted decision/action blocks whose record
 *    is already in this section (a copy, not a move) become paragraphs, so one record never has two blocks.
 *
 * A copy from any minutes section arrives as Lexical JSON (same namespace) and keeps its flags, timestamps and
 * records; it goes through the same node pass. Plain text becomes one paragraph per line ($insertPlainText).
 *
 * Whatever is pasted stays within the stored schema (shared/editor/doc-schema.ts), or every later save of the section
 * would be refused: a text run longer than TEXT_RUN_MAX is cut by line breaks, and a pasted block of more than
 * BLOCK_CHILDREN_MAX children (HTML with a <br> per line) is split at its line breaks into blocks of its type.
 */

export const IMAGE_OMITTED = '[image omitted]';
export const EMBED_OMITTED = '[embedded content omitted]';
export const TABLE_NOTE = '[table converted to text]';

const KEPT_FORMAT = TEXT_FORMAT.bold | TEXT_FORMAT.italic | TEXT_FORMAT.underline | TEXT_FORMAT.strikethrough;
const DROPPED_TAGS = 'script,style,meta,link,title,template,noscript,xml,svg,canvas,video,audio,source,track,form,input,button,select,textarea,head,base,map,area';
const ALLOWED = new Set<string>(NODE_TYPES);
/** The longest text run a paste makes: half of what a stored text node may hold, so that text it joins stays within. */
const TEXT_RUN_MAX = MAX_TEXT / 2;
/** The most children a pasted block keeps (a stored block may hold 10,000: room for what it is pasted into). */
const BLOCK_CHILDREN_MAX = 1000;

/** Step 1: cleans a parsed clipboard document in place (see the module comment). */
export function cleanPastedDocument(doc: Document): Document {
  const body = doc.body;
  body.querySelectorAll(DROPPED_TAGS).forEach((el) => el.remove());
  // Word's list bullets/numbers are real text inside spans styled mso-list:Ignore; they would be pasted as "·" junk.
  body.querySelectorAll('[style*="mso-list"]').forEach((el) => {
    if (/mso-list:\s*ignore/i.test(el.getAttribute('style') ?? '')) el.remove();
  });
  // Word namespaced tags (<o:p>, <w:sdt>, <v:shape> …): keep their text, drop the tag.
  for (const el of Array.from(body.getElementsByTagName('*'))) {
    if (el.tagName.includes(':')) el.replaceWith(...Array.from(el.childNodes));
  }
  body.querySelectorAll('img,picture').forEach((el) => el.replaceWith(noteSpan(doc, IMAGE_OMITTED)));
  body.querySelectorAll('iframe,embed,object,frame,frameset').forEach((el) => el.replaceWith(noteSpan(doc, EMBED_OMITTED)));
  // Innermost tables first, so a nested table's text ends up in its outer cell; an outermost table stays a table.
  for (const table of Array.from(body.querySelectorAll('table')).reverse()) {
    if (!table.parentElement?.closest('table')) continue;
    const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    const replacement = doc.createElement('div');
    replacement.append(paragraph(doc, TABLE_NOTE));
    for (const tr of rows) {
      const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
      const text = cells.map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ');
      if (text.replace(/[|\s]/g, '') !== '') replacement.append(paragraph(doc, text));
    }
    table.replaceWith(replacement);
  }
  // Web pages hide text that was never meant to be seen; don't paste it.
  body.querySelectorAll('[hidden],[aria-hidden="true"]').forEach((el) => el.remove());
  for (const el of Array.from(body.querySelectorAll<HTMLElement>('[style]'))) {
    if (/display:\s*none/i.test(el.getAttribute('style') ?? '')) el.remove();
  }
  return doc;
}

function noteSpan(doc: Document, text: string): HTMLElement {
  const span = doc.createElement('span');
  span.textContent = ` ${text} `;
  return span;
}

function paragraph(doc: Document, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.textContent = text;
  return p;
}

/**
 * The flags of the meeting pasted into. A pasted flag mark with any other id (copied from another meeting, or back
 * from another program as HTML) would hide its text here while no record of this meeting stands behind it: if the
 * mark were later lost, nothing would keep that text confidential. It gets a new id instead, the same for every
 * piece of one pasted flag, and the save adopts it as a flag of this meeting (in force, default reason).
 */
export interface PastedFlags {
  owns: (id: string) => boolean;
  newId: () => string;
}

/** One paste's id for each pasted flag id: its own when the meeting owns it, else one new id per foreign id. */
function flagIdMapper(flags: PastedFlags | undefined): (id: string) => string {
  if (!flags) return (id) => id;
  const fresh = new Map<string, string>();
  return (id) => {
    if (flags.owns(id)) return id;
    let next = fresh.get(id);
    if (next === undefined) fresh.set(id, (next = flags.newId()));
    return next;
  };
}

/**
 * Step 3: the node pass over freshly generated (not yet inserted) nodes. Returns the nodes to insert.
 * `existingRecordIds`: record ids already in the target section; `flagId`: the id each pasted flag id becomes.
 */
export function $cleanImportedNodes(nodes: LexicalNode[], existingRecordIds: ReadonlySet<string> = new Set(), flagId: (id: string) => string = (id) => id): LexicalNode[] {
  const out: LexicalNode[] = [];
  for (const node of nodes) out.push(...$cleanNode(node, existingRecordIds, flagId));
  for (const node of out) $capListNesting(node, 0);
  return $splitCrowdedRun(out);
}

/** Lists nest at most this deep in a paste (Word's go to 9; a stored list item's indent may not pass 20). */
const LIST_LEVELS_MAX = 10;

/** Under `node` (inside `level` lists), a list nested deeper than LIST_LEVELS_MAX becomes lines of its parent item. */
function $capListNesting(node: LexicalNode, level: number): void {
  if (!$isElementNode(node)) return;
  const inside = $isListNode(node) ? level + 1 : level;
  for (const child of node.getChildren()) {
    if ($isListNode(child) && inside + 1 > LIST_LEVELS_MAX && $isListItemNode(node)) $flattenListInto(child);
    else $capListNesting(child, inside);
  }
}

/** The inline content of every item of `list` (nested ones too), each on a line of its own, in its place; flags kept. */
function $flattenListInto(list: ElementNode): void {
  const items = $dfs(list)
    .map((e) => e.node)
    .filter($isListItemNode);
  for (const item of items) {
    const inline = item.getChildren().filter(isInline);
    if (inline.length === 0) continue;
    if (list.getPreviousSibling() !== null) list.insertBefore($createLineBreakNode());
    for (const c of inline) list.insertBefore(c);
  }
  list.remove();
}

function $cleanNode(node: LexicalNode, recordIds: ReadonlySet<string>, flagId: (id: string) => string): LexicalNode[] {
  if (!ALLOWED.has(node.getType())) return [$createTextNode(node.getTextContent())];
  if ($isTimestampNode(node)) return [node];
  if ($isTextNode(node) && !$isTabNode(node)) {
    // NUL, lone surrogates and U+FFFE/U+FFFF cannot be saved: each becomes a visible U+FFFD (shared/domain/common.ts).
    const text = node.getTextContent();
    const clean = replaceForbiddenChars(text);
    if (clean !== text) node.setTextContent(clean);
    node.setStyle('');
    node.setFormat(node.getFormat() & KEPT_FORMAT);
    if (node.getMode() !== 'normal') node.setMode('normal');
    return $cutLongText(node);
  }
  if ($isLineBreakNode(node) || $isTabNode(node)) return [node];
  if (!$isElementNode(node)) return [$createTextNode(node.getTextContent())];
  for (const child of node.getChildren()) {
    const cleaned = $cleanNode(child, recordIds, flagId);
    const at = cleaned.indexOf(child);
    cleaned.slice(0, at === -1 ? cleaned.length : at).forEach((c) => child.insertBefore(c));
    if (at === -1) child.remove();
    else cleaned.slice(at + 1).reduce<LexicalNode>((prev, c) => prev.insertAfter(c), child);
  }
  if ($isLinkNode(node) || $isAutoLinkNode(node)) {
    // Another scheme, or an address longer than the minutes store (every later save of the item would be refused): its words only.
    if (!SAFE_URL.test(node.getURL().trim()) || node.getURL().length > LINK_URL_MAX) return node.getChildren();
    node.setTarget(null);
    node.setTitle(null);
    node.setRel('noopener noreferrer');
  }
  if ($isFlagNode(node)) {
    const ids = node.getIDs();
    const mapped = ids.map(flagId);
    if (mapped.some((id, i) => id !== ids[i])) return [$createFlagNode(mapped).append(...node.getChildren())];
  }
  if (($isDecisionNode(node) || $isActionNode(node)) && recordIds.has(node.getRecordId())) {
    const p = $createParagraphNode();
    node.getChildren().forEach((c) => p.append(c));
    return [p];
  }
  $resetBlockLooks(node);
  if ($isTableCellNode(node)) node.setBackgroundColor(null);
  if ($isListItemNode(node)) $inlineBlocksOfItem(node);
  return $hoistBlocksOfLine(node).flatMap((n) => ($isElementNode(n) ? $splitCrowdedBlock(n) : [n]));
}

const isInline = (n: LexicalNode): boolean => !$isElementNode(n) || n.isInline();
/** The blocks that hold one line of inline content only (shared/redaction/walk.ts, which every save goes through). */
const LINE_TYPES = new Set(['paragraph', 'quote', 'heading', 'decision', 'action']);

/**
 * A block inside a line (a pasted `<blockquote><p>a</p><p>b</p></blockquote>`, a quote in a quote) would make every
 * save of the section refused. The line is split around it: each paragraph in it becomes a line of the outer type
 * (of a quote, a quote; of a record block, a paragraph after the first: a record has one block), any other block
 * (already cleaned the same way) comes out after the text before it, as it is.
 */
function $hoistBlocksOfLine(node: ElementNode): LexicalNode[] {
  if (!LINE_TYPES.has(node.getType()) || node.getChildren().every(isInline)) return [node];
  const record = $isDecisionNode(node) || $isActionNode(node);
  const out: LexicalNode[] = [node];
  let line: ElementNode | null = node;
  let nodeUsed = false;
  const newLine = (): ElementNode => {
    const fresh = record ? $createParagraphNode() : $copyNode(node);
    out.push(fresh);
    return fresh;
  };
  for (const child of node.getChildren()) {
    if (isInline(child)) {
      line ??= newLine();
      line.append(child);
      nodeUsed ||= line === node;
    } else if ($isParagraphNode(child)) {
      const target = nodeUsed ? newLine() : node;
      nodeUsed = true;
      target.append(...child.getChildren());
      child.remove();
      line = null;
    } else {
      child.remove();
      out.push(child);
      line = null;
    }
  }
  return nodeUsed || record ? out : out.slice(1);
}

/**
 * A list item holds inline content and nested lists only (walk.ts): the text of any other block in it (a pasted
 * `<li><blockquote>…</blockquote></li>`, a table) stays in the item, on a line of its own.
 */
function $inlineBlocksOfItem(item: ElementNode): void {
  for (const child of item.getChildren()) {
    if (isInline(child) || $isListNode(child)) continue;
    const lines = $isTableNode(child) ? $tableAsParagraphs(child) : [child];
    lines.forEach((line, i) => {
      if (i > 0 || child.getPreviousSibling() !== null) child.insertBefore($createLineBreakNode());
      for (const c of $isElementNode(line) ? line.getChildren() : [line]) child.insertBefore(c);
    });
    const next = child.getNextSibling();
    if (next !== null && isInline(next)) child.insertBefore($createLineBreakNode());
    child.remove();
  }
}

/** Cuts `text` into runs of at most TEXT_RUN_MAX, after a space where there is one near the end, never in a surrogate pair. */
function textRuns(text: string): string[] {
  const runs: string[] = [];
  let rest = text;
  while (rest.length > TEXT_RUN_MAX) {
    let cut = rest.lastIndexOf(' ', TEXT_RUN_MAX - 1) + 1;
    if (cut < TEXT_RUN_MAX - 1000) cut = TEXT_RUN_MAX;
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1]!)) cut--;
    runs.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  runs.push(rest);
  return runs;
}

/** A text node longer than TEXT_RUN_MAX as runs of its format joined by line breaks (adjacent runs would merge). */
function $cutLongText(node: TextNode): LexicalNode[] {
  const text = node.getTextContent();
  if (text.length <= TEXT_RUN_MAX) return [node];
  const runs = textRuns(text);
  node.setTextContent(runs[0]!);
  const out: LexicalNode[] = [node];
  for (const run of runs.slice(1)) out.push($createLineBreakNode(), $createTextNode(run).setFormat(node.getFormat()));
  return out;
}

/** Inline children in lines (split at line breaks, which are dropped), none longer than BLOCK_CHILDREN_MAX nodes. */
function linesOf(children: LexicalNode[]): LexicalNode[][] {
  const lines: LexicalNode[][] = [[]];
  for (const child of children) {
    if ($isLineBreakNode(child)) lines.push([]);
    else if (lines[lines.length - 1]!.length >= BLOCK_CHILDREN_MAX) lines.push([child]);
    else lines[lines.length - 1]!.push(child);
  }
  return lines;
}

/**
 * A block with more than BLOCK_CHILDREN_MAX children (HTML with a <br> per line) as one block of its type per line
 * (a decision's or action's further lines as paragraphs: a record has one block). Other nodes as they are.
 */
function $splitCrowdedBlock(node: ElementNode): LexicalNode[] {
  if (node.isInline() || node.getChildrenSize() <= BLOCK_CHILDREN_MAX || !node.getChildren().every((c) => $isTextNode(c) || $isLineBreakNode(c) || ($isElementNode(c) && c.isInline()))) return [node];
  const lines = linesOf(node.getChildren());
  for (const c of node.getChildren()) if ($isLineBreakNode(c)) c.remove();
  return lines.map((line, i) => (i === 0 ? node : ($isDecisionNode(node) || $isActionNode(node) ? $createParagraphNode() : $copyNode(node)).append(...line)));
}

/** Top-level inline nodes of a paste (HTML with no block) past BLOCK_CHILDREN_MAX: one paragraph per line. */
function $splitCrowdedRun(nodes: LexicalNode[]): LexicalNode[] {
  const inline = (n: LexicalNode) => !$isElementNode(n) || n.isInline();
  if (nodes.filter(inline).length <= BLOCK_CHILDREN_MAX) return nodes;
  const out: LexicalNode[] = [];
  let run: LexicalNode[] = [];
  const flush = () => {
    if (run.length > 0) out.push(...linesOf(run).map((line) => $createParagraphNode().append(...line)));
    run = [];
  };
  for (const n of nodes) {
    if (inline(n)) run.push(n);
    else {
      flush();
      out.push(n);
    }
  }
  flush();
  return out;
}

/** A table as text: "[table converted to text]", then one paragraph per row, its cells' text joined by " | ". */
function $tableAsParagraphs(table: ElementNode): LexicalNode[] {
  const out: LexicalNode[] = [$createParagraphNode().append($createTextNode(TABLE_NOTE))];
  for (const row of table.getChildren()) {
    if (!$isTableRowNode(row)) continue;
    const text = row
      .getChildren()
      .map((c) => c.getTextContent().replace(/\s+/g, ' ').trim())
      .join(' | ');
    if (text.replace(/[|\s]/g, '') !== '') out.push($createParagraphNode().append($createTextNode(text)));
  }
  return out;
}

/** Pasting into a table cell: tables in what is pasted become text (no table inside a table: walk.ts refuses it). */
function $flattenTablesIfInCell(nodes: LexicalNode[], selection: BaseSelection): LexicalNode[] {
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : null;
  if (!anchor || !$findMatchingParent(anchor, $isTableCellNode)) return nodes;
  return nodes.flatMap((n) => ($isTableNode(n) ? $tableAsParagraphs(n) : [n]));
}

function $resetBlockLooks(node: ElementNode): void {
  if ($isFlagNode(node) || $isLinkNode(node)) return;
  node.setFormat('');
  node.setStyle('');
  node.setTextStyle('');
  node.setTextFormat(0);
  // A list item's indent is its nesting depth, and a list's its level: Lexical owns those.
  if (!$isListItemNode(node) && !$isListNode(node)) node.setIndent(0);
}

/** The records ids already present in the editor. */
function $recordIdsInEditor(): Set<string> {
  const ids = new Set<string>();
  for (const { node } of $dfs($getRoot())) if ($isDecisionNode(node) || $isActionNode(node)) ids.add(node.getRecordId());
  return ids;
}

/** What a paste or drop carries, as the DataTransfer interface exposes it (a test can pass a plain object). */
export interface ClipboardLike {
  getData(type: string): string;
  readonly types?: ReadonlyArray<string>;
  readonly files?: { readonly length: number };
}

/** Parses HTML with the page's DOMParser, cleans it and turns it into cleaned Lexical nodes (inside an update). */
export function $nodesFromPastedHtml(editor: LexicalEditor, html: string, flags?: PastedFlags): LexicalNode[] {
  const doc = cleanPastedDocument(new DOMParser().parseFromString(html, 'text/html'));
  return $cleanImportedNodes($generateNodesFromDOM(editor, doc), $recordIdsInEditor(), flagIdMapper(flags));
}

function $nodesFromLexicalJSON(json: string, flags: PastedFlags | undefined): LexicalNode[] | null {
  try {
    const payload = JSON.parse(json) as { namespace?: unknown; nodes?: unknown };
    if (payload.namespace !== MINUTES_NAMESPACE || !Array.isArray(payload.nodes)) return null;
    const nodes = payload.nodes as BaseSerializedNode[];
    const types = (n: BaseSerializedNode): boolean => ALLOWED.has(n.type) && (n.children ?? []).every(types);
    if (!nodes.every(types)) return null;
    return $cleanImportedNodes($generateNodesFromSerializedNodes(nodes), $recordIdsInEditor(), flagIdMapper(flags));
  } catch {
    return null;
  }
}

const NEWLINE = /\r\n|\r|\n/;

/** A line of plain text as text runs (within TEXT_RUN_MAX) joined by line breaks. */
function $lineNodes(line: string): LexicalNode[] {
  return line === '' ? [] : textRuns(line).flatMap((run, i) => (i === 0 ? [$createTextNode(run)] : [$createLineBreakNode(), $createTextNode(run)]));
}

/**
 * Plain text at a range selection: one paragraph per line (a blank line an empty one), as if typed with Enter
 * between the lines: within a list or a table cell, as Enter splits them; within a flag, the flag stays on both halves
 * and the pasted text is flagged, as typed text is, also over flagged words and on the lines after a break at a flag's
 * end (flags.ts, $flagIdsForInsertion, $insertFlaggedText). Tabs as tab nodes. Not one paragraph of line breaks (Lexical's insertRawText): past
 * ~5,000 lines it would exceed the stored schema's 10,000 children and no save of the section would be accepted again.
 * A line longer than TEXT_RUN_MAX is cut by line breaks.
 */
function $insertPlainText(selection: RangeSelection, text: string): void {
  if ($getSelection() !== selection) $setSelection(selection);
  // Pasted in a flag, at its edge or over flagged words: every line carries the flag, the lines after a paragraph
  // break made at the flag's end too (a new mark with the same ids).
  const ids = $flagIdsForInsertion(selection);
  text.split(NEWLINE).forEach((line, i) => {
    if (i > 0) $rangeSelection()?.insertParagraph();
    textRuns(line).forEach((run, j) => {
      if (j > 0) $rangeSelection()?.insertLineBreak();
      for (const part of run.split(/(\t)/)) {
        const sel = $rangeSelection();
        if (!sel || part === '') continue;
        if (part === '\t') sel.insertNodes([$createTabNode()]);
        else if (ids.length > 0) $insertFlaggedText(sel, part, ids);
        else sel.insertText(part);
      }
    });
  });
}

function $rangeSelection(): RangeSelection | null {
  const sel = $getSelection();
  return $isRangeSelection(sel) ? sel : null;
}

/**
 * Inserts clipboard content at `selection`, cleaned: our own Lexical JSON first, then HTML, then plain text; a paste
 * of only files (e.g. a screenshot) inserts "[image omitted]" rather than nothing; over a selection with an end in a
 * flag, the plain text (it joins the flag). Returns whether anything was inserted.
 */
export function $insertCleanedDataTransfer(editor: LexicalEditor, data: ClipboardLike, selection: BaseSelection, flags?: PastedFlags): boolean {
  // Over a selection with an end in a flag, the paste replaces flagged words: it goes in as its plain text, which
  // joins the flag (fail-closed, as typing over flagged words does); pasted blocks and formatting would land outside.
  const plainOverFlag = $isRangeSelection(selection) && $flagIdsSelected(selection).length > 0 ? replaceForbiddenChars(data.getData('text/plain')) : '';
  if ($isRangeSelection(selection) && plainOverFlag) {
    $insertPlainText(selection, plainOverFlag);
    return true;
  }
  const lexical = data.getData('application/x-lexical-editor');
  const fromJson = lexical ? $nodesFromLexicalJSON(lexical, flags) : null;
  if (fromJson && fromJson.length > 0) {
    $insertGeneratedNodes(editor, $flattenTablesIfInCell(fromJson, selection), selection);
    return true;
  }
  const html = data.getData('text/html');
  if (html) {
    const nodes = $nodesFromPastedHtml(editor, html, flags);
    if (nodes.length > 0) {
      $insertGeneratedNodes(editor, $flattenTablesIfInCell(nodes, selection), selection);
      return true;
    }
  }
  const text = replaceForbiddenChars(data.getData('text/plain') || data.getData('text/uri-list'));
  if (text) {
    if ($isRangeSelection(selection)) $insertPlainText(selection, text);
    else $insertGeneratedNodes(editor, text.split(NEWLINE).map((line) => $createParagraphNode().append(...$lineNodes(line))), selection);
    return true;
  }
  if ((data.files?.length ?? 0) > 0 && $isRangeSelection(selection)) {
    selection.insertText(IMAGE_OMITTED);
    return true;
  }
  return false;
}
