import { $isListItemNode, $isListNode } from '@lexical/list';
import { $getRoot, $isDecoratorNode, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { $isFlagNode } from '../../editor';
import type { Segment, TextBlock } from './map';

/**
 * The text of each block of an editor (paragraph, heading, quote, decision, action, list item), as the suggestion
 * engine reads it, with each run tied to the DOM text node that shows it. Read from the editor state (so blocks and
 * flags are known exactly), mapped to the DOM through the editor's key→element map. A run whose DOM text differs from
 * the state (a render still pending) gets no DOM node: no underline is placed over it.
 */
export function readTextBlocks(editor: LexicalEditor): Array<TextBlock<Text>> {
  return editor.read(() => {
    const blocks: Array<TextBlock<Text>> = [];
    const visit = (node: LexicalNode) => {
      if ($isListNode(node)) {
        for (const item of node.getChildren()) visit(item);
        return;
      }
      if ($isElementNode(node) && !node.isInline()) {
        const { block, nested } = readBlock(editor, node);
        blocks.push(block);
        // A list item holding a nested list: the nested items are blocks of their own, after this one.
        for (const n of nested) visit(n);
      }
    };
    for (const child of $getRoot().getChildren()) visit(child);
    return blocks;
  });
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
