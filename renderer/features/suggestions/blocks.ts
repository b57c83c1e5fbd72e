import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isTableCellNode, $isTableNode, $isTableRowNode } from '@lexical/table';
import { $getNodeByKey, $getRoot, $isDecoratorNode, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { $isFlagNode } from '../../editor';
import type { Segment, TextBlock } from './map';

/**
 * The text of each block of an editor (paragraph, heading, quote, decision, action, list item), as the suggestion
 * engine reads it, with each run tied to the DOM text node that shows it. Read from the editor state (so blocks and
 * flags are known exactly), mapped to the DOM through the editor's key→element map. A run whose DOM text differs from
 * the state (a render still pending) gets no DOM node: no underline is placed over it.
 */
export function readTextBlocks(editor: LexicalEditor): Array<TextBlock<Text>> {
  return editor.read(() => $getRoot().getChildren().flatMap((child) => $readTopLevel(editor, child)));
}

/** The blocks of one top-level node: itself, for a list each of its items (and nested items after theirs), for a table each cell's blocks. */
function $readTopLevel(editor: LexicalEditor, node: LexicalNode): Array<TextBlock<Text>> {
  const blocks: Array<TextBlock<Text>> = [];
  const visit = (n: LexicalNode) => {
    // A list: each item; a table (pasted): each block of each cell, row by row.
    if ($isListNode(n) || $isTableNode(n) || $isTableRowNode(n) || $isTableCellNode(n)) {
      for (const item of n.getChildren()) visit(item);
      return;
    }
    if ($isElementNode(n) && !n.isInline()) {
      const { block, nested } = readBlock(editor, n);
      blocks.push(block);
      // A list item holding a nested list: the nested items are blocks of their own, after this one.
      for (const x of nested) visit(x);
    }
  };
  visit(node);
  return blocks;
}

/** What one read of a section gives: its blocks, numbered, and what changed since the previous read. */
export interface BlockRead {
  /** Block numbers in section order. */
  order: readonly number[];
  /** Every block of the section by its number (the reader's own map, kept up to date in place). */
  byId: ReadonlyMap<number, TextBlock<Text>>;
  /** Blocks read this time, each under a new number (an edited block is a new block). */
  added: Array<[number, TextBlock<Text>]>;
  /** Numbers of the blocks gone since the previous read. */
  removed: number[];
}

interface TopEntry {
  ids: number[];
  blocks: Array<TextBlock<Text>>;
}

/**
 * readTextBlocks for a section that is typed in, numbered, at the cost of what changed: Lexical reports every
 * changed element and its ancestors in `dirtyElements`, so a keystroke in one paragraph of 10,000 reads that
 * paragraph again and patches its numbers in place; the other 9,999 are not visited. The top-level order is walked
 * again only when it may have changed (a block added, removed or moved: the root's size, or a changed block's
 * neighbours, differ from the last walk), and everything is read again after a full re-render (the DOM text nodes
 * of unchanged blocks are gone: sampled at the start, middle and end) or a change Lexical reports without elements.
 * `nextNumber` numbers blocks across every section of the page.
 */
export class IncrementalBlockReader {
  private readonly entries = new Map<NodeKey, TopEntry>();
  private tops: NodeKey[] = [];
  /** Index in `tops` and first position in `order`, per top-level key, as of the last walk. */
  private readonly at = new Map<NodeKey, { top: number; start: number }>();
  private order: number[] = [];
  private readonly byId = new Map<number, TextBlock<Text>>();
  private readonly positions = new Map<number, number>();
  private readonly dirty = new Set<NodeKey>();
  private everything = true;
  private readonly unregister: () => void;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly nextNumber: () => number,
  ) {
    const updates = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      for (const key of dirtyElements.keys()) this.dirty.add(key);
      // A changed leaf marks its ancestors dirty as well; a leaf alone (rare) makes us read everything again.
      if (dirtyLeaves.size > 0 && dirtyElements.size === 0) this.everything = true;
    });
    // A new root element: Lexical renders every block again, under the same keys, and reports no change.
    const roots = editor.registerRootListener(() => {
      this.everything = true;
    });
    this.unregister = () => {
      updates();
      roots();
    };
  }

  /** Where a block stands in its section (its index in `order`); undefined for a number not in the section. */
  position(id: number): number | undefined {
    return this.positions.get(id);
  }

  read(): BlockRead {
    return this.editor.read(() => {
      const added: Array<[number, TextBlock<Text>]> = [];
      const removed: number[] = [];
      const root = $getRoot();
      if (!this.everything && !this.sampleShown()) this.everything = true;
      if (this.everything || this.orderMayHaveChanged(root)) {
        this.walk(root, added, removed);
      } else {
        // A new array for a new order: the one returned before may still be read by a run of the engine.
        if (this.dirty.size > 0) this.order = this.order.slice();
        let sizes = true;
        for (const key of this.dirty) {
          const entry = this.entries.get(key);
          if (!entry) continue; // the root, or an element inside a block (its top-level block is dirty too)
          const node = $getNodeByKey(key)!;
          const next = this.readEntry(node, entry, added, removed);
          const at = this.at.get(key)!;
          if (next.ids.length === entry.ids.length) for (let i = 0; i < next.ids.length; i++) this.place(next.ids[i]!, at.start + i);
          else sizes = false;
        }
        if (!sizes) this.renumber();
      }
      this.dirty.clear();
      this.everything = false;
      return { order: this.order, byId: this.byId, added, removed };
    });
  }

  /** Whether the top-level order may differ from the last walk: a block added, removed, moved or re-parented. */
  private orderMayHaveChanged(root: ElementNode): boolean {
    if (root.getChildrenSize() !== this.tops.length) return true;
    for (const key of this.dirty) {
      const node = $getNodeByKey(key);
      const at = this.at.get(key);
      if (!node) {
        if (at) return true;
        continue;
      }
      const parent = node.getParent();
      const onTop = parent !== null && parent.is(root);
      if (!at) {
        if (onTop) return true;
        continue;
      }
      if (!onTop) return true;
      const prev = node.getPreviousSibling()?.getKey() ?? null;
      const next = node.getNextSibling()?.getKey() ?? null;
      if (prev !== (this.tops[at.top - 1] ?? null) || next !== (this.tops[at.top + 1] ?? null)) return true;
    }
    return false;
  }

  /** Reads the top-level order again: unchanged blocks keep their numbers, changed and new ones are read. */
  private walk(root: ElementNode, added: Array<[number, TextBlock<Text>]>, removed: number[]): void {
    const tops = root.getChildrenKeys();
    const keep = new Set(tops);
    for (const [key, entry] of this.entries) {
      if (keep.has(key)) continue;
      for (const id of entry.ids) this.forget(id, removed);
      this.entries.delete(key);
    }
    for (const key of tops) {
      const entry = this.entries.get(key);
      if (entry && !this.everything && !this.dirty.has(key)) continue;
      this.readEntry($getNodeByKey(key)!, entry, added, removed);
    }
    this.tops = tops;
    this.renumber();
  }

  /** Reads one top-level node's blocks under new numbers (the old ones are forgotten). */
  private readEntry(node: LexicalNode, old: TopEntry | undefined, added: Array<[number, TextBlock<Text>]>, removed: number[]): TopEntry {
    if (old) for (const id of old.ids) this.forget(id, removed);
    const blocks = $readTopLevel(this.editor, node);
    const ids = blocks.map((b) => {
      const id = this.nextNumber();
      this.byId.set(id, b);
      added.push([id, b]);
      return id;
    });
    const entry = { ids, blocks };
    this.entries.set(node.getKey(), entry);
    return entry;
  }

  private forget(id: number, removed: number[]): void {
    this.byId.delete(id);
    this.positions.delete(id);
    removed.push(id);
  }

  private place(id: number, position: number): void {
    this.order[position] = id;
    this.positions.set(id, position);
  }

  /** The order and positions from `tops` and the entries (no DOM, no Lexical read). */
  private renumber(): void {
    this.order = [];
    this.at.clear();
    this.tops.forEach((key, top) => {
      const entry = this.entries.get(key)!;
      this.at.set(key, { top, start: this.order.length });
      for (const id of entry.ids) this.place(id, this.order.length);
    });
  }

  /**
   * Any other full re-render replaces every DOM text node: the first and the last blocks not read again tell (the
   * walk from each end stops at the first block with a DOM node that is not changed).
   */
  private sampleShown(): boolean {
    for (const step of [1, -1]) {
      for (let i = step > 0 ? 0 : this.tops.length - 1; i >= 0 && i < this.tops.length; i += step) {
        const key = this.tops[i]!;
        const entry = this.entries.get(key);
        if (this.dirty.has(key) || !entry || !entry.blocks.some((b) => b.segments.some((x) => x.dom))) continue;
        if (!stillShown(entry.blocks)) return false;
        break;
      }
    }
    return true;
  }

  dispose(): void {
    this.unregister();
  }
}

/** Whether the DOM text nodes of cached blocks are still in the page (a full re-render replaces them). */
function stillShown(blocks: Array<TextBlock<Text>>): boolean {
  for (const b of blocks) for (const s of b.segments) if (s.dom) return s.dom.isConnected;
  return true;
}

function readBlock(editor: LexicalEditor, block: ElementNode): { block: TextBlock<Text>; nested: LexicalNode[] } {
  let text = '';
  const segments: Array<Segment<Text>> = [];
  const nested: LexicalNode[] = [];
  const walk = (el: ElementNode, flagged: boolean) => {
    for (const child of el.getChildren()) {
      if ($isListNode(child)) nested.push(child);
      else if ($isTextNode(child)) {
        const t = child.getTextContent();
        const dom = textNodeOf(editor.getElementByKey(child.getKey()));
        segments.push({ start: text.length, end: text.length + t.length, dom: dom && dom.data === t ? dom : null, flagged });
        text += t;
      } else if ($isLineBreakNode(child)) {
        segments.push({ start: text.length, end: text.length + 1, dom: null, flagged });
        text += '\n';
      } else if ($isElementNode(child)) walk(child, flagged || $isFlagNode(child));
      else if ($isDecoratorNode(child)) {
        segments.push({ start: text.length, end: text.length + 1, dom: null, flagged });
        text += ' ';
      }
    }
  };
  walk(block, false);
  return { block: { text, segments }, nested: $isListItemNode(block) ? nested : [] };
}

function textNodeOf(el: HTMLElement | null): Text | null {
  if (!el) return null;
  // Lexical renders a text node as an element whose first child is the DOM text: take it directly (this runs for
  // every text node of the section after each change, so no TreeWalker per node), and walk only if the shape differs.
  const first = el.firstChild;
  if (first && first.nodeType === 3) return first as Text;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text | null;
}
