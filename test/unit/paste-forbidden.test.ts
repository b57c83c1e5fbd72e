// @vitest-environment jsdom
import { $createParagraphNode, $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { inspectInput } from '../../electron/backend/dispatch';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $insertCleanedDataTransfer, type ClipboardLike } from '../../renderer/editor/paste';
import { plainText, type SerializedDoc } from '../../shared/editor/doc-model';

/** Pasted text with characters the boundary refuses is not refused as a whole: each one becomes a visible U+FFFD. */
function paste(editor: LexicalEditor, data: Record<string, string>): SerializedDoc {
  const clip: ClipboardLike = { getData: (t) => data[t] ?? '', types: Object.keys(data), files: { length: 0 } };
  editor.update(
    () => {
      const sel = $getRoot().getLastChildOrThrow<ReturnType<typeof $createParagraphNode>>().selectEnd();
      $insertCleanedDataTransfer(editor, clip, sel);
    },
    { discrete: true },
  );
  return serializeEditor(editor);
}

describe('pasting forbidden characters into the minutes', () => {
  it('plain text: NUL, lone surrogates and U+FFFE/U+FFFF become U+FFFD; the save is then accepted', () => {
    const doc = paste(createHeadlessMinutesEditor(), { 'text/plain': 'a\u0000b\uD800c\uFFFEd\uFFFFe 😀' });
    expect(plainText(doc.root)).toContain('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe 😀');
    expect(inspectInput({ content: doc })).toBeNull();
  });

  it('HTML: the same in every text node', () => {
    const doc = paste(createHeadlessMinutesEditor(), { 'text/html': '<p>x\uDC00y <b>bold\uFFFF</b></p>' });
    expect(plainText(doc.root)).toContain('x\uFFFDy bold\uFFFD');
    expect(inspectInput({ content: doc })).toBeNull();
  });
});
