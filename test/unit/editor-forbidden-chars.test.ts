// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, CONTROLLED_TEXT_INSERTION_COMMAND, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../shared/editor/doc-model';
import { createHeadlessMinutesEditor } from '../../renderer/editor/headless';
import { registerMinutesCommands } from '../../renderer/editor/register';
import { caretIn, flaggedText, saveable, up, withFlag } from './editor-saveable';

/**
 * No character the dispatcher refuses stays in the editor, whatever the input path (audit: loss-forbidden-char): one
 * would make every later save of the section refused. Each becomes U+FFFD, as in a paste (renderer/editor/forbidden.ts).
 */
describe('characters the dispatcher refuses, typed other than by paste', () => {
  const forbidden = ['\uFFFE', '\uFFFF', '\u0000', '\uD800', '\uDC00'];

  it('typed inside a flag and at its end (beforeinput insertText): each becomes U+FFFD, the flag and the caret stay', () => {
    const { editor, key } = withFlag();
    for (const [i, ch] of forbidden.entries()) {
      up(editor, () => {
        caretIn(key, 3 + i);
        $getSelection()!.insertText(ch);
      });
      up(editor, () => {
        const sel = $getSelection();
        expect($isRangeSelection(sel) && sel.anchor.offset).toBe(4 + i);
      });
    }
    up(editor, () => {
      caretIn(key, 11);
      editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, '\uFFFF');
    });
    const doc = saveable(editor);
    expect(flaggedText(doc, 'f1')).toEqual(['sec\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDret\uFFFD']);
    expect(plainText(doc.root)).toBe('before sec\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDret\uFFFD after');
  });

  it('as an input method or the DOM leaves it (a text node set directly), or by selection.insertText', () => {
    const editor = createHeadlessMinutesEditor();
    registerMinutesCommands(editor);
    up(editor, () => {
      const p = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>();
      p.append($createTextNode('ime\uFFFF commit 😀 a\uDBFFb'));
      p.selectEnd().insertText(' picker\uFFFE');
    });
    up(editor, () => $getRoot().getFirstDescendant<TextNode>()!.setTextContent('x\uFFFEy\u0000z 😀'));
    const doc = saveable(editor);
    expect(plainText(doc.root)).toBe('x\uFFFDy\uFFFDz 😀');
  });
});
