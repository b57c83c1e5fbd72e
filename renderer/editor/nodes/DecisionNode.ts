import { $applyNodeReplacement, ElementNode, nodeSchema, stringValue, withField, type LexicalNode, type LexicalParseJSON, type ParagraphNode, type RangeSelection, type SerializedElementNode, type SerializedPartial, type Spread } from 'lexical';
import { $recordCollapseAtStart, $recordInsertNewAfter, createRecordDOM } from './recordBlock';

export type SerializedDecisionNode = Spread<{ recordId: string }, SerializedElementNode>;

const decisionSchema = nodeSchema<DecisionNode>()({ recordId: withField(stringValue(), { field: '__recordId' }) });

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface DecisionNode {
  exportJSON(compact?: false): SerializedDecisionNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedDecisionNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedDecisionNode>): this;
}

/**
 * A decision as minuted: a block whose text is the decision and whose `recordId` links to the structured record in SQLite
 * (created by the page through the backend, never by the editor). Shown in place with a "Decision" label (CSS ::before).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class DecisionNode extends ElementNode {
  /** @internal */
  __recordId: string;

  override $config() {
    return this.config('decision', { extends: ElementNode, json: decisionSchema });
  }

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
    return createRecordDOM('decision', this.__recordId);
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__recordId !== this.__recordId) dom.setAttribute('data-record-id', this.__recordId);
    return false;
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    return $recordInsertNewAfter(this, restoreSelection);
  }

  override collapseAtStart(selection: RangeSelection): boolean {
    return $recordCollapseAtStart(this, selection);
  }
}

export function $createDecisionNode(recordId: string): DecisionNode {
  return $applyNodeReplacement(new DecisionNode(recordId));
}

export function $isDecisionNode(node: LexicalNode | null | undefined): node is DecisionNode {
  return node instanceof DecisionNode;
}
