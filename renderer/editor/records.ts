import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, $getSelection, $isElementNode, $isParagraphNode, $isRangeSelection, $isRootNode, type ElementNode, type LexicalNode, type NodeKey } from 'lexical';
import { $createActionNode, $isActionNode, type ActionNode } from './nodes/ActionNode';
import { $createDecisionNode, $isDecisionNode, type DecisionNode } from './nodes/DecisionNode';
import type { RecordKind } from './nodes/recordBlock';

export interface RecordRef {
  kind: RecordKind;
  recordId: string;
  text: string;
}

/**
 * The block of the section (a child of the root) holding `node`: for a paragraph inside a table cell, the table — a
 * decision or action is never made inside a table (shared/redaction/walk.ts refuses it); it goes after the table.
 */
function $sectionBlock(node: LexicalNode): ElementNode | null {
  let n: LexicalNode = node;
  for (let p = n.getParent(); p && !$isRootNode(p); p = n.getParent()) n = p;
  return $isElementNode(n) ? n : null;
}

/** The top-level block holding the caret (or the last block when the editor has no selection). */
export function $captureTarget(): ElementNode | null {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    const block = $sectionBlock(selection.anchor.getNode());
    if (block) return block;
  }
  const last = $getRoot().getLastChild();
  return $isElementNode(last) ? last : null;
}

/** The text a capture of `block` would record: the block's own text, or '' when a new empty block will be made. */
export function $captureText(block: ElementNode | null): string {
  return block && $isConvertible(block) ? block.getTextContent() : '';
}

function $isConvertible(block: LexicalNode): block is ElementNode {
  return $isParagraphNode(block) || $isHeadingNode(block) || $isQuoteNode(block);
}

/**
 * Makes `recordId`'s block: converts `targetKey`'s block (default: the caret's) if it is a paragraph, heading or quote
 * — its text moves into the record block unchanged — or inserts a new empty record block after it. If the target
 * vanished meanwhile (deleted while the page was creating the record) a new record block holding `fallbackText` is
 * added at the end, so what the page recorded is visible. Leaves the caret at the end of the record block.
 */
export function $captureRecord(kind: RecordKind, recordId: string, targetKey?: NodeKey | null, fallbackText = ''): DecisionNode | ActionNode {
  const record = kind === 'decision' ? $createDecisionNode(recordId) : $createActionNode(recordId);
  const target = targetKey ? $getNodeByKey(targetKey) : $captureTarget();
  const block: LexicalNode | null = target && target.isAttached() && !$isRootNode(target) ? $sectionBlock(target) : null;
  if (block && $isConvertible(block)) {
    block.getChildren().forEach((child) => record.append(child));
    record.setDirection(block.getDirection());
    block.replace(record);
  } else if (block) {
    block.insertAfter(record);
  } else {
    if (fallbackText) record.append($createTextNode(fallbackText));
    $getRoot().append(record);
  }
  record.selectEnd();
  return record;
}

/**
 * Enter inside a decision or action never splits it (the register would keep a truncated text): wherever the caret
 * is in the record, a new paragraph starts after the whole record. False when the caret is not in one record.
 */
export function $exitRecordOnEnter(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const block = selection.anchor.getNode().getTopLevelElement();
  if (!($isDecisionNode(block) || $isActionNode(block))) return false;
  if (selection.focus.getNode().getTopLevelElement() !== block) return false;
  const paragraph = $createParagraphNode();
  paragraph.setDirection(block.getDirection());
  block.insertAfter(paragraph);
  paragraph.select();
  return true;
}

/**
 * `node` as a record of the section when it is a decision or action block, null otherwise: the page's record list and
 * orphan check read every such block (meta.ts).
 */
export function $recordRefOf(node: LexicalNode): RecordRef | null {
  if ($isDecisionNode(node)) return { kind: 'decision', recordId: node.getRecordId(), text: node.getTextContent() };
  if ($isActionNode(node)) return { kind: 'action', recordId: node.getRecordId(), text: node.getTextContent() };
  return null;
}
