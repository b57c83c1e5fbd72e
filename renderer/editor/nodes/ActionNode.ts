import { $applyNodeReplacement, ElementNode, nodeSchema, stringValue, withField, type LexicalNode, type LexicalParseJSON, type ParagraphNode, type RangeSelection, type SerializedElementNode, type SerializedPartial, type Spread } from 'lexical';
import { $recordCollapseAtStart, $recordInsertNewAfter, createRecordDOM } from './recordBlock';

export type SerializedActionNode = Spread<{ recordId: string }, SerializedElementNode>;

const actionSchema = nodeSchema<ActionNode>()({ recordId: withField(stringValue(), { field: '__recordId' }) });

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ActionNode {
  exportJSON(compact?: false): SerializedActionNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedActionNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedActionNode>): this;
}

/**
 * A action as minuted: a block whose text is the action and whose `recordId` links to the structured record in SQLite
 * (created by the page through the backend, never by the editor). Shown in place with a "Action" label (CSS ::before).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ActionNode extends ElementNode {
  /** @internal */
  __recordId: string;

  override $config() {
    return this.config('action', { extends: ElementNode, json: actionSchema });
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
    return createRecordDOM('action', this.__recordId);
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

export function $createActionNode(recordId: string): ActionNode {
  return $applyNodeReplacement(new ActionNode(recordId));
}

export function $isActionNode(node: LexicalNode | null | undefined): node is ActionNode {
  return node instanceof ActionNode;
}
