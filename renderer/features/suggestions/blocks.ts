import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isTableCellNode, $isTableNode, $isTableRowNode } from '@lexical/table';
import { $getRoot, $isDecoratorNode, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
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

/**
 * readTextBlocks for a section that is typed in: only the top-level blocks that changed since the last read are read
 * again (Lexical reports every changed element and its ancestors in `dirtyElements`); the others come from the last
 * read, whose DOM text nodes Lexical left in place. A section of 10,000 paragraphs costs one paragraph per keystroke.
 */
export class IncrementalBlockReader {
  private readonly cache = new Map<NodeKey, Array<TextBlock<Text>>>();
  private readonly dirty = new Set<NodeKey>();
  private everything = true;
  private readonly unregister: () => void;

  constructor(private readonly editor: LexicalEditor) {
    this.unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      for (const key of dirtyElements.keys()) this.dirty.add(key);
      // A changed leaf marks its ancestors dirty as well; a leaf alone (rare) makes us read everything again.
      if (dirtyLeaves.size > 0 && dirtyElements.size === 0) this.everything = true;
    });
  }

  read(): Array<TextBlock<Text>> {
    return this.editor.read(() => {
      const out: Array<TextBlock<Text>> = [];
      const seen = new Set<NodeKey>();
      for (const child of $getRoot().getChildren()) {
        const key = child.getKey();
        seen.add(key);
        let blocks = this.cache.get(key);
        if (!blocks || this.everything || this.dirty.has(key) || !stillShown(blocks)) {
          blocks = $readTopLevel(this.editor, child);
          this.cache.set(key, blocks);
        }
        for (const b of blocks) out.push(b);
      }
      if (this.cache.size > seen.size) for (const key of [...this.cache.keys()]) if (!seen.has(key)) this.cache.delete(key);
      this.dirty.clear();
      this.everything = false;
      return out;
    });
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
