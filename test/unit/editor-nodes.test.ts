import { $createParagraphNode, $createTextNode, $getRoot, $isParagraphNode, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, type SerializedNode } from '../../shared/editor/doc-model';
import { SerializedDoc } from '../../shared/editor/doc-schema';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $createActionNode, $createDecisionNode, $createFlagNode, $createTimestampNode } from '../../renderer/editor/nodes';

function types(n: SerializedNode, out = new Set<string>()): Set<string> {
  out.add(n.type);
  for (const c of (n.children as SerializedNode[] | undefined) ?? []) types(c, out);
  return out;
}

describe('minutes editor nodes', () => {
  it('serialize → load → serialize is identical for every custom node', () => {
    const editor = createHeadlessMinutesEditor();
    editor.update(
      () => {
        const root = $getRoot().clear();
        const p = $createParagraphNode();
        const flag = $createFlagNode(['f1', 'f2']).append($createTextNode('secret '), $createTimestampNode('2025-03-04T10:42:00.000Z', '[10:42]'));
        p.append($createTextNode('Open '), flag);
        const d = $createDecisionNode('rec-d').append($createTextNode('We agree.'));
        const a = $createActionNode('rec-a').append($createTextNode('Send draft.'));
        root.append(p, d, a);
      },
      { discrete: true },
    );
    const first = serializeEditor(editor);
    const again = serializeEditor(createHeadlessMinutesEditor(first));
    expect(again).toEqual(first);
    expect(SerializedDoc.safeParse(first).success).toBe(true);
    for (const t of types(first.root)) expect(NODE_TYPES).toContain(t);
    const [p, d, a] = first.root.children;
    const flag = (p!.children as SerializedNode[])[1]!;
    expect(flag).toMatchObject({ type: 'flag', ids: ['f1', 'f2'] });
    expect((flag.children as SerializedNode[])[1]).toMatchObject({ type: 'timestamp', text: '[10:42]', at: '2025-03-04T10:42:00.000Z', mode: 'token' });
    expect(d).toMatchObject({ type: 'decision', recordId: 'rec-d' });
    expect(a).toMatchObject({ type: 'action', recordId: 'rec-a' });
  });

  it('a timestamp is local HH:MM in brackets and keeps the ISO instant', () => {
    const editor = createHeadlessMinutesEditor();
    let text = '';
    let at = '';
    editor.update(
      () => {
        const ts = $createTimestampNode(new Date(2025, 2, 4, 9, 5));
        text = ts.getTextContent();
        at = ts.getAt();
      },
      { discrete: true },
    );
    expect(text).toBe('[09:05]');
    expect(new Date(at).getHours()).toBe(9);
  });

  it('Enter at the end of a decision exits to a paragraph; backspace at its start turns it into a paragraph', () => {
    const editor = createHeadlessMinutesEditor();
    editor.update(
      () => {
        const d = $createDecisionNode('r1').append($createTextNode('Adopted'));
        $getRoot().clear().append(d);
        d.selectEnd().insertParagraph();
      },
      { discrete: true },
    );
    let doc = serializeEditor(editor);
    expect(doc.root.children.map((c) => c.type)).toEqual(['decision', 'paragraph']);
    editor.update(
      () => {
        const d = $getRoot().getFirstChildOrThrow<ElementNode>();
        // Lexical's deleteCharacter calls collapseAtStart on the block when the caret is at its start (as for quotes).
        const sel = d.select(0, 0);
        expect(d.collapseAtStart(sel)).toBe(true);
      },
      { discrete: true },
    );
    doc = serializeEditor(editor);
    expect(doc.root.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph']);
    editor.read(() => {
      const first = $getRoot().getFirstChild();
      expect($isParagraphNode(first) && first.getTextContent()).toBe('Adopted');
    });
  });
});
