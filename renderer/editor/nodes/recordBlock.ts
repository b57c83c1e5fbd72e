import {
  $createParagraphNode,
  ElementNode,
  type LexicalParseJSON,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';

/** What DecisionNode and ActionNode share: their record id, how they render and how the caret leaves them. */
export type RecordKind = 'decision' | 'action';

const RECORD_LABEL: Record<RecordKind, string> = { decision: 'Decision', action: 'Action' };

function createRecordDOM(kind: RecordKind, recordId: string): HTMLElement {
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
function $recordInsertNewAfter(node: ElementNode, restoreSelection: boolean): ParagraphNode {
  const paragraph = $createParagraphNode();
  paragraph.setDirection(node.getDirection());
  node.insertAfter(paragraph, restoreSelection);
  return paragraph;
}

/** Backspace at the start turns the block back into a paragraph with the same text (the record stays in SQLite). */
function $recordCollapseAtStart(node: ElementNode): true {
  const paragraph = $createParagraphNode();
  node.getChildren().forEach((child) => paragraph.append(child));
  node.replace(paragraph);
  paragraph.selectStart();
  return true;
}

export type SerializedRecordNode = Spread<{ recordId: string }, SerializedElementNode>;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Lexical's typing of a node's JSON (as its own nodes do)
export interface RecordBlockNode {
  exportJSON(compact?: false): SerializedRecordNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedRecordNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedRecordNode>): this;
}

/**
 * A decision or action as minuted: a block whose text is the record as minuted and whose `recordId` links to the
 * structured record in SQLite (created by the page through the backend, never by the editor). Shown in place with
 * its label ("Decision", "Action": CSS ::before). Never registered itself: DecisionNode and ActionNode name their type and JSON.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class RecordBlockNode extends ElementNode {
  /** @internal */
  __recordId: string;

  constructor(recordId = '', key?: string) {
    super(key);
    this.__recordId = recordId;
  }

  getRecordId(): string {
    return this.getLatest().__recordId;
  }

  setRecordId(recordId: string): this {
    const self = this.getWritable();
    self.__recordId = recordId;
    return self;
  }

  override createDOM(): HTMLElement {
    return createRecordDOM(this.getType() as RecordKind, this.__recordId);
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__recordId !== this.__recordId) dom.setAttribute('data-record-id', this.__recordId);
    return false;
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    return $recordInsertNewAfter(this, restoreSelection);
  }

  override collapseAtStart(): boolean {
    return $recordCollapseAtStart(this);
  }
}
