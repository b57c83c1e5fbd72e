import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ActionNode } from './ActionNode';
import { DecisionNode } from './DecisionNode';
import { FlagNode } from './FlagNode';
import { TimestampNode } from './TimestampNode';

export * from './ActionNode';
export * from './DecisionNode';
export * from './FlagNode';
export * from './TimestampNode';

/**
 * Every node class a minutes editor registers besides Lexical's core ones (root, paragraph, text, linebreak, tab).
 * Nothing else can exist in the editor, so nothing outside shared/editor/doc-model.ts's allowlist can be serialized.
 * MarkNode itself is deliberately absent: only its FlagNode subclass is allowed.
 */
export const MINUTES_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  FlagNode,
  DecisionNode,
  ActionNode,
  TimestampNode,
  // A pasted table stays a table (shared/redaction/walk.ts reads it: cells are blocks of text).
  TableNode,
  TableRowNode,
  TableCellNode,
];
