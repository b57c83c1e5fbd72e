import { $applyNodeReplacement, nodeSchema, stringValue, withField, type LexicalNode } from 'lexical';
import { RecordBlockNode } from './recordBlock';

const decisionSchema = nodeSchema<DecisionNode>()({ recordId: withField(stringValue(), { field: '__recordId' }) });

/** A decision as minuted (see RecordBlockNode). */
export class DecisionNode extends RecordBlockNode {
  override $config() {
    return this.config('decision', { extends: RecordBlockNode, json: decisionSchema });
  }
}

export function $createDecisionNode(recordId: string): DecisionNode {
  return $applyNodeReplacement(new DecisionNode(recordId));
}

export function $isDecisionNode(node: LexicalNode | null | undefined): node is DecisionNode {
  return node instanceof DecisionNode;
}
