// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT, plainText } from '../../shared/editor/doc-model';
import { createHeadlessMinutesEditor } from '../../renderer/editor/headless';
import { $insertCleanedDataTransfer } from '../../renderer/editor/paste';
import { caretIn, clip, flaggedText, maxChildren, maxText, saveable, up, withFlag } from './editor-saveable';

/**
 * A paste stays within the stored schema (shared/editor/doc-schema.ts), or no later save of the section is accepted
 * (audit: loss-plaintext-paste): plain text one paragraph per line, no pasted block of a <br> per line past the
 * children limit, no text run past MAX_TEXT.
 */
describe('a paste stays within the stored schema', () => {
  const lines = Array.from({ length: 6000 }, (_, i) => `Speaker ${i % 7}: line ${i} of the call transcript.`);

  function pasteAtEndOf(editor: LexicalEditor, data: Record<string, string>): void {
    up(editor, () => {
      const p = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>();
      p.append($createTextNode('Typed before.'));
      $insertCleanedDataTransfer(editor, clip(data), p.selectEnd());
      $getSelection()!.insertText(' Typed after.');
    });
  }

  it('a 6,000-line plain-text transcript: one paragraph per line, the words around it kept', () => {
    const editor = createHeadlessMinutesEditor();
    pasteAtEndOf(editor, { 'text/plain': lines.join('\n') });
    const doc = saveable(editor);
    expect(doc.root.children).toHaveLength(6000);
    expect(plainText(doc.root.children[0]!)).toBe(`Typed before.${lines[0]}`);
    expect(plainText(doc.root.children[5999]!)).toBe(`${lines[5999]} Typed after.`);
    expect(maxChildren(doc.root)).toBeLessThanOrEqual(6000);
  });

  it('CRLF and blank lines: a paragraph per line, an empty one for a blank line', () => {
    const editor = createHeadlessMinutesEditor();
    pasteAtEndOf(editor, { 'text/plain': 'one\r\ntwo\r\n\r\nthree\tcol' });
    const doc = saveable(editor);
    expect(doc.root.children.map(plainText)).toEqual(['Typed before.one', 'two', '', 'three\tcol Typed after.']);
  });

  it('plain text pasted inside a flag stays flagged, every line of it', () => {
    const { editor, key } = withFlag();
    up(editor, () => {
      caretIn(key, 3);
      $insertCleanedDataTransfer(editor, clip({ 'text/plain': 'A\nB\nC' }), $getSelection()!);
    });
    const doc = saveable(editor);
    expect(doc.root.children.map(plainText)).toEqual(['before secA', 'B', 'Cret after']);
    expect(flaggedText(doc, 'f1')).toEqual(['secA', 'B', 'Cret']);
  });

  it('HTML of 6,000 lines joined by <br>: no block past the limit', () => {
    for (const html of [`<p>${lines.join('<br>')}</p>`, lines.join('<br>\n')]) {
      const editor = createHeadlessMinutesEditor();
      pasteAtEndOf(editor, { 'text/html': html });
      const doc = saveable(editor);
      expect(Math.max(...doc.root.children.map(maxChildren))).toBeLessThanOrEqual(2000);
      expect(plainText(doc.root).replace(/\n/g, '')).toBe(`Typed before.${lines.join('')} Typed after.`);
    }
  });

  it('one line longer than a text run may be (plain text and HTML): kept whole, in runs within MAX_TEXT', () => {
    const long = 'word '.repeat(100_000) + 'x'.repeat(300_000);
    const clipboards: Array<Record<string, string>> = [{ 'text/plain': long }, { 'text/html': `<p><b>${long}</b></p>` }];
    for (const data of clipboards) {
      const editor = createHeadlessMinutesEditor();
      pasteAtEndOf(editor, data);
      const doc = saveable(editor);
      expect(maxText(doc.root)).toBeLessThanOrEqual(MAX_TEXT);
      expect(plainText(doc.root).replace(/\n/g, '')).toBe(`Typed before.${long} Typed after.`);
    }
  });

  it('HTML blocks inside a line (paragraphs in a quote, a quote in a quote or a list item) come out as lines; the text is kept', () => {
    const cases: Array<[string, string[]]> = [
      ['<blockquote><p>first</p><p>second</p></blockquote>', ['quote:first', 'quote:second']],
      ['<blockquote>outer<blockquote>inner</blockquote>tail</blockquote>', ['quote:outer', 'quote:inner', 'quote:tail']],
      ['<h2><p>title</p></h2>', ['heading:title']],
      ['<ul><li><p>a</p><blockquote>q</blockquote>b</li></ul>', ['list:a\nq\nb']],
      ['<table><tr><td><blockquote><blockquote>x</blockquote></blockquote></td></tr></table>', ['table:x']],
    ];
    for (const [html, blocks] of cases) {
      const editor = createHeadlessMinutesEditor();
      up(editor, () => {
        $getRoot().clear().append($createParagraphNode());
        $insertCleanedDataTransfer(editor, clip({ 'text/html': html }), $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().selectEnd());
      });
      const doc = saveable(editor);
      expect(doc.root.children.map((b) => `${b.type}:${plainText(b)}`).filter((b) => b !== 'paragraph:'), html).toEqual(blocks);
    }
  });

  it('a list nested 30 deep keeps 10 levels; the deeper items are lines of the tenth, their text kept', () => {
    const html = Array.from({ length: 30 }, (_, i) => `<ul><li>item ${i}`).join('') + '</li></ul>'.repeat(30);
    const editor = createHeadlessMinutesEditor();
    up(editor, () => {
      $getRoot().clear().append($createParagraphNode());
      $insertCleanedDataTransfer(editor, clip({ 'text/html': html }), $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().selectEnd());
    });
    const doc = saveable(editor);
    const text = plainText(doc.root);
    for (let i = 0; i < 30; i++) expect(text).toContain(`item ${i}`);
  });
});
