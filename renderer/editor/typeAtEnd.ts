import { $createParagraphNode, $getRoot, $getSelection, $isRangeSelection } from 'lexical';

/**
 * Inside an update: `text` typed where the caret goes when the editor is focused (the end of the content), each `\n` a
 * new paragraph, as the keys themselves would have done there. Should the end not take text (a selection that is not a
 * caret), the text goes into a new paragraph after the rest: never dropped.
 */
export function $typeAtEnd(text: string): void {
  $getRoot().selectEnd();
  text.split('\n').forEach((line, i) => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) {
      const paragraph = $createParagraphNode();
      $getRoot().append(paragraph);
      paragraph.select();
    } else if (i > 0) selection.insertParagraph();
    if (line) $getSelection()?.insertText(line);
  });
}
