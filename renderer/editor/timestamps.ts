import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { $createTimestampNode, type TimestampNode } from './nodes/TimestampNode';

/**
 * Inserts "[HH:MM]" and a space at the caret (replacing a selected range), or in a new last paragraph when the editor
 * has no caret (the meeting-level button pressed while the focus is elsewhere). The caret ends after the space, ready
 * for the speaker's words.
 */
export function $insertTimestamp(at: Date | string = new Date()): TimestampNode {
  const stamp = $createTimestampNode(at);
  const space = $createTextNode(' ');
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    selection.insertNodes([stamp, space]);
  } else {
    $getRoot().append($createParagraphNode().append(stamp, space));
  }
  space.selectEnd();
  return stamp;
}
