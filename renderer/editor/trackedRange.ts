import {
  $createRangeSelection,
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type PointType,
  type RangeSelection,
} from 'lexical';

/**
 * A place in the document as its block (the nearest element that is not inline: a paragraph, a heading, a list item, a
 * record) and the number of characters before it there. Splitting, joining or marking the block's text (a flag's wrap)
 * does not move it; `text` is the block's text it was read against.
 */
interface BlockPoint {
  block: NodeKey;
  offset: number;
  text: string;
}

/** Inline leaves of `block` in order (text, line breaks, inline decorators), through inline elements (links, marks). */
function $walk(block: ElementNode, visit: (leaf: LexicalNode) => boolean | void, atElement?: (el: ElementNode, index: number) => boolean | void): boolean {
  const children = block.getChildren();
  for (let i = 0; i <= children.length; i++) {
    if (atElement?.(block, i)) return true;
    const child = children[i];
    if (child === undefined) break;
    if ($isElementNode(child)) {
      if (child.isInline() && $walk(child, visit, atElement)) return true;
    } else if (visit(child)) return true;
  }
  return false;
}

function $blockText(block: ElementNode): string {
  const parts: string[] = [];
  $walk(block, (leaf) => void parts.push(leaf.getTextContent()));
  return parts.join('');
}

/** The block of a point, if it holds inline content only (a container of blocks, such as the root, has no offsets). */
function $blockOf(point: PointType): ElementNode | null {
  let n: LexicalNode | null = point.getNode();
  while (n !== null && !($isElementNode(n) && !n.isInline())) n = n.getParent();
  if (n === null || n.getChildren().some((c) => $isElementNode(c) && !c.isInline())) return null;
  return n;
}

function $toBlockPoint(point: PointType): BlockPoint | null {
  const block = $blockOf(point);
  if (block === null) return null;
  let at = 0;
  let found: number | null = null;
  $walk(
    block,
    (leaf) => {
      if (point.type === 'text' && leaf.getKey() === point.key) {
        found = at + point.offset;
        return true;
      }
      at += leaf.getTextContentSize();
    },
    (el, index) => {
      if (point.type === 'element' && el.getKey() === point.key && index === point.offset) {
        found = at;
        return true;
      }
    },
  );
  return found === null ? null : { block: block.getKey(), offset: found, text: $blockText(block) };
}

/**
 * Where `bp` now is in its block, as a point: in a text, at the end of the text before it (`before`) or the start of the
 * text after it (`after`) where it lies between two; else before the leaf that follows it. Null when the block is gone.
 */
function $fromBlockPoint(bp: BlockPoint, bias: 'before' | 'after'): { key: NodeKey; offset: number; type: 'text' | 'element' } | null {
  const block = $getNodeByKey(bp.block);
  if (!$isElementNode(block) || !block.isAttached()) return null;
  let at = 0;
  let point: { key: NodeKey; offset: number; type: 'text' | 'element' } | null = null;
  $walk(block, (leaf) => {
    const size = leaf.getTextContentSize();
    if ($isTextNode(leaf) && bp.offset >= at && bp.offset <= at + size) {
      point = { key: leaf.getKey(), offset: bp.offset - at, type: 'text' };
      if (bias === 'before' || bp.offset < at + size) return true;
    }
    at += size;
  });
  if (point !== null) return point;
  at = 0;
  $walk(block, (leaf) => {
    if (at >= bp.offset) {
      const parent = leaf.getParentOrThrow();
      point = { key: parent.getKey(), offset: leaf.getIndexWithinParent(), type: 'element' };
      return true;
    }
    at += leaf.getTextContentSize();
  });
  return point ?? { key: block.getKey(), offset: block.getChildrenSize(), type: 'element' };
}

/**
 * Where a place at `offset` in `before` is in `after`, the same text changed in one stretch (typed, deleted, replaced):
 * the stretch found as what differs between their common start and common end. A place before the change stays, one
 * after it moves with it. Text typed right at the place goes after the start of a range and before its end (outside
 * it); a change across the place is taken inside the range (fail-closed).
 */
export function mapOffset(before: string, after: string, offset: number, side: 'start' | 'end'): number {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before[p] === after[p]) p++;
  let s = 0;
  while (s < max - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  const oldEnd = before.length - s;
  const newEnd = after.length - s;
  if (offset < p) return offset;
  if (offset > oldEnd) return offset + newEnd - oldEnd;
  if (oldEnd === p) return side === 'start' ? newEnd : p;
  if (offset === p) return p;
  if (offset === oldEnd) return newEnd;
  return side === 'start' ? p : newEnd;
}

/** `bp` read again against its block as it now stands (null when the block is gone). */
function $follow(bp: BlockPoint | null, side: 'start' | 'end'): BlockPoint | null {
  if (bp === null) return null;
  const block = $getNodeByKey(bp.block);
  if (!$isElementNode(block) || !block.isAttached()) return null;
  const text = $blockText(block);
  return text === bp.text ? bp : { block: bp.block, offset: mapOffset(bp.text, text, bp.offset, side), text };
}

export interface TrackedRange {
  /** The range as the document now stands (inside an update or a read); null when its blocks are gone. */
  $range(): RangeSelection | null;
  /** Stops following the document's changes. */
  dispose(): void;
}

/**
 * Follows `range` while the officer goes on editing (e.g. while a flag is being recorded): text typed, deleted or
 * pasted before, inside or after it moves it, widens or narrows it, as it would a selection. Text typed right at its
 * start or end stays outside. Read inside an update or a read of `editor`.
 */
export function $trackRange(editor: LexicalEditor, range: RangeSelection): TrackedRange {
  const [from, to] = range.isBackward() ? [range.focus, range.anchor] : [range.anchor, range.focus];
  let start = $toBlockPoint(from);
  let end = $toBlockPoint(to);
  // The points as the saved range had them, for a block that holds other blocks (no offsets there).
  const fallback = start === null || end === null ? range.clone() : null;
  const stop = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    editorState.read(() => {
      start = $follow(start, 'start');
      end = $follow(end, 'end');
    });
  });
  return {
    $range() {
      if (fallback !== null) return fallback.anchor.getNode().isAttached() && fallback.focus.getNode().isAttached() ? fallback.clone() : null;
      start = $follow(start, 'start');
      end = $follow(end, 'end');
      const a = start && $fromBlockPoint(start, 'after');
      const b = end && $fromBlockPoint(end, 'before');
      if (!a || !b) return null;
      const out = $createRangeSelection();
      out.anchor.set(a.key, a.offset, a.type);
      out.focus.set(b.key, b.offset, b.type);
      return out;
    },
    dispose: stop,
  };
}

/**
 * Runs `change` (which may split and move the nodes the current selection is in, e.g. a flag's wrap of another range)
 * and leaves the officer's selection where it was in the text: put back if the change moved it.
 */
export function $keepingSelection(change: () => void): void {
  const live = $getSelection();
  if (!$isRangeSelection(live)) return change();
  const { format, style } = live;
  const anchor = $toBlockPoint(live.anchor);
  const focus = $toBlockPoint(live.focus);
  change();
  if (anchor === null || focus === null) return;
  const now = $getSelection();
  const same = (p: PointType, bp: BlockPoint) => {
    const q = $toBlockPoint(p);
    return q !== null && q.block === bp.block && q.offset === bp.offset;
  };
  if ($isRangeSelection(now) && same(now.anchor, anchor) && same(now.focus, focus)) return;
  const a = $fromBlockPoint(anchor, 'after');
  const f = $fromBlockPoint(focus, 'after');
  if (!a || !f) return;
  const back = $createRangeSelection();
  back.anchor.set(a.key, a.offset, a.type);
  back.focus.set(f.key, f.offset, f.type);
  back.format = format;
  back.style = style;
  $setSelection(back);
}
