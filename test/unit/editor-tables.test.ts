// @vitest-environment jsdom
import { $getRoot, type ElementNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { walkSection } from '../../shared/redaction/walk';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $captureRecord } from '../../renderer/editor/records';

const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, direction: null, format: '', indent: 0, ...extra, children });
const t = (text: string): SerializedNode => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const p = (...c: SerializedNode[]) => el('paragraph', c, { textFormat: 0, textStyle: '' });
const cell = (...c: SerializedNode[]) => el('tablecell', [p(...c)], { headerState: 0, colSpan: 1, rowSpan: 1 });
const DOC: SerializedDoc = { root: el('root', [el('table', [el('tablerow', [cell(t('Acme AI')), cell(t('Agreed to publish'))])])]) as SerializedDoc['root'] };

describe('tables in the minutes editor (headless, the same nodes as the page)', () => {
  it('loads and saves a stored table unchanged in shape (TableNode registered)', () => {
    const editor = createHeadlessMinutesEditor(DOC);
    const saved = serializeEditor(editor);
    expect(saved.root.children[0]!.type).toBe('table');
    const texts: string[] = [];
    walkSection(saved, 's', (shape, atoms) => shape.cell && texts.push(atoms.map((a) => a.text).join('')));
    expect(texts).toEqual(['Acme AI', 'Agreed to publish']);
  });

  it('a decision captured with the caret in a cell goes after the table (never inside it)', () => {
    const editor = createHeadlessMinutesEditor(DOC);
    editor.update(
      () => {
        const tableNode = $getRoot().getFirstChild() as ElementNode;
        (tableNode.getLastDescendant() as TextNode).select();
        $captureRecord('decision', 'rec-1');
      },
      { discrete: true },
    );
    const saved = serializeEditor(editor);
    expect(saved.root.children.map((c) => c.type)).toEqual(['table', 'decision']);
    expect(() => walkSection(saved, 's', () => {})).not.toThrow();
  });
});
