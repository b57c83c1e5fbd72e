import { isElement, type SerializedDoc, type SerializedNode } from '../editor/doc-model';
import { timeInZone } from './zoned';

/**
 * Inline timestamps are typed with the clock of the computer that took the minutes; every document prints them in
 * the one zone of its body instead, from the instant the node carries ("[10:42]"). A timestamp without a readable
 * instant keeps its text. Returns a copy; the stored minutes are not changed.
 */
export function withZonedTimestamps(doc: SerializedDoc, timeZone: string): SerializedDoc {
  const visit = (n: SerializedNode): SerializedNode => {
    if (n.type === 'timestamp') {
      const time = typeof n.at === 'string' ? timeInZone(n.at, timeZone) : '';
      return time ? { ...n, text: `[${time}]` } : n;
    }
    if (isElement(n)) return { ...n, children: n.children.map(visit) };
    return n;
  };
  return { ...doc, root: visit(doc.root) as SerializedDoc['root'] };
}
