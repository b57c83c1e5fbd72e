import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../shared/editor/doc-model';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $createDecisionNode, $createFlagNode } from '../../renderer/editor/nodes';
import { $typeAtEnd } from '../../renderer/editor/typeAtEnd';

/** Keys typed into a section before its editor came, handed to the editor: where typing them there would have put them. */
const blocks = (editor: LexicalEditor) =>
  serializeEditor(editor).root.children.map((b) => ({ type: b.type, text: (b.children as SerializedNode[]).map((c) => (c.type === 'flag' ? `[${(c.children as SerializedNode[]).map((t) => t.text).join('')}]` : c.text)).join('') }));

function typed(build: () => void, text: string) {
  const editor = createHeadlessMinutesEditor();
  editor.update(build, { discrete: true });
  editor.update(() => $typeAtEnd(text), { discrete: true });
  return blocks(editor);
}

describe('$typeAtEnd', () => {
  it('into an empty section: a paragraph per line, empty lines kept', () => {
    expect(typed(() => $getRoot().clear().append($createParagraphNode()), 'First.\n\nThird.')).toEqual([
      { type: 'paragraph', text: 'First.' },
      { type: 'paragraph', text: '' },
      { type: 'paragraph', text: 'Third.' },
    ]);
  });

  it('after text already there: on at the end of its last paragraph, as a key typed there would be', () => {
    expect(typed(() => $getRoot().clear().append($createParagraphNode().append($createTextNode('Opened at 10:00.'))), ' The chair welcomed all.\nNext.')).toEqual([
      { type: 'paragraph', text: 'Opened at 10:00. The chair welcomed all.' },
      { type: 'paragraph', text: 'Next.' },
    ]);
  });

  it('after a flagged passage at the very end: after it, as a key typed there goes (the flag covers what the officer flagged)', () => {
    expect(typed(() => $getRoot().clear().append($createParagraphNode().append($createTextNode('Price: '), $createFlagNode(['f1']).append($createTextNode('12 M€')))), ' a year')).toEqual([
      { type: 'paragraph', text: 'Price: [12 M€] a year' },
    ]);
  });

  it('after a decision: the decision goes on; a new line is a new paragraph after it', () => {
    const out = typed(() => $getRoot().clear().append($createDecisionNode('d1').append($createTextNode('Adopted'))), ' unanimously.\nThanks.');
    expect(out[0]).toEqual({ type: 'decision', text: 'Adopted unanimously.' });
    expect(out.map((b) => b.text).join('|')).toContain('Thanks.');
  });
});
