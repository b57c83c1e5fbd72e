import { $applyNodeReplacement, nodeSchema, stringValue, withField, type LexicalNode } from 'lexical';
import { RecordBlockNode } from './recordBlock';

const actionSchema = nodeSchema<ActionNode>()({ recordId: withField(stringValue(), { field: '__recordId' }) });

/** An action as minuted (see RecordBlockNode). */
export class ActionNode extends RecordBlockNode {
  override $config() {
    return this.config('action', { extends: RecordBlockNode, json: actionSchema });
  }
}

export function $createActionNode(recordId: string): ActionNode {
  return $applyNodeReplacement(new ActionNode(recordId));
}

export function $isActionNode(node: LexicalNode | null | undefined): node is ActionNode {
  return node instanceof ActionNode;
}
