import { $applyNodeReplacement, nodeSchema, stringValue, TextNode, withField, type EditorConfig, type LexicalNode, type LexicalParseJSON, type SerializedPartial, type SerializedTextNode, type Spread } from 'lexical';

export type SerializedTimestampNode = Spread<{ at: string }, SerializedTextNode>;

const timestampSchema = nodeSchema<TimestampNode>()({ at: withField(stringValue(), { field: '__at' }) });

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Lexical's typing of a node's JSON (as its own nodes do)
export interface TimestampNode {
  exportJSON(compact?: false): SerializedTimestampNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedTimestampNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedTimestampNode>): this;
}

/**
 * The time a passage was minuted, e.g. "[10:42]": a TextNode in token mode (typed over or deleted as one unit, never
 * edited inside) that keeps the full instant in `at` (ISO 8601). Serialized `{ type: 'timestamp', text, at, … }`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Lexical's typing of a node's JSON (as its own nodes do)
export class TimestampNode extends TextNode {
  /** @internal */
  __at: string;

  override $config() {
    return this.config('timestamp', { extends: TextNode, json: timestampSchema });
  }

  constructor(text = '', at = '', key?: string) {
    super(text, key);
    this.__at = at;
  }

  getAt(): string {
    return this.getLatest().__at;
  }

  setAt(at: string): this {
    const self = this.getWritable();
    self.__at = at;
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('tfs-timestamp');
    element.setAttribute('data-at', this.__at);
    element.setAttribute('title', this.__at);
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prevNode.__at !== this.__at) {
      dom.setAttribute('data-at', this.__at);
      dom.setAttribute('title', this.__at);
    }
    return super.updateDOM(prevNode, dom, config);
  }

  /** Always a token, even if a stored document lost its `mode`: typing never lands inside the time. */
  override isToken(): boolean {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

/** "[HH:MM]" in the local time of the machine, which is the meeting room's. */
export function formatTimestampText(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `[${two(at.getHours())}:${two(at.getMinutes())}]`;
}

export function $createTimestampNode(at: Date | string = new Date(), text?: string): TimestampNode {
  const date = typeof at === 'string' ? new Date(at) : at;
  const iso = Number.isNaN(date.getTime()) ? String(at) : date.toISOString();
  const node = new TimestampNode(text ?? formatTimestampText(date), iso);
  node.setMode('token');
  return $applyNodeReplacement(node);
}

export function $isTimestampNode(node: LexicalNode | null | undefined): node is TimestampNode {
  return node instanceof TimestampNode;
}
