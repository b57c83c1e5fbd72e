import { $createParagraphNode, type ElementNode, type ParagraphNode, type RangeSelection } from 'lexical';

/** What DecisionNode and ActionNode share: how they render and how the caret leaves them. */
export type RecordKind = 'decision' | 'action';

export const RECORD_LABEL: Record<RecordKind, string> = { decision: 'Decision', action: 'Action' };

export function createRecordDOM(kind: RecordKind, recordId: string): HTMLElement {
  const element = document.createElement('div');
  element.className = `tfs-record tfs-${kind}`;
  element.setAttribute('data-label', RECORD_LABEL[kind]);
  element.setAttribute('data-record-id', recordId);
  return element;
}

/**
 * Enter inside a record block always continues with a plain paragraph: at the end it exits the block, in the middle
 * the tail becomes a paragraph. A second block never gets the same recordId (one record, one block).
 */
export function $recordInsertNewAfter(node: ElementNode, restoreSelection: boolean): ParagraphNode {
  const paragraph = $createParagraphNode();
  paragraph.setDirection(node.getDirection());
  node.insertAfter(paragraph, restoreSelection);
  return paragraph;
}

/** Backspace at the start turns the block back into a paragraph with the same text (the record stays in SQLite). */
export function $recordCollapseAtStart(node: ElementNode, _selection: RangeSelection): true {
  const paragraph = $createParagraphNode();
  node.getChildren().forEach((child) => paragraph.append(child));
  node.replace(paragraph);
  paragraph.selectStart();
  return true;
}
