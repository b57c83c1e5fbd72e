import { $generateJSONFromSelectedNodes, $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $getSelection, $isRangeSelection, $setSelection, CONTROLLED_TEXT_INSERTION_COMMAND, type LexicalEditor, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { type SerializedNode } from '../../shared/editor/doc-model';
import { SerializedDoc } from '../../shared/editor/doc-schema';
import { $collectFlagIds, $hasFlagMark, $removeFlag, $wrapSelectionInFlag, registerFlagTyping } from '../../renderer/editor/flags';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $createFlagNode, $isFlagNode } from '../../renderer/editor/nodes';

const up = (editor: LexicalEditor, fn: () => void) => editor.update(fn, { discrete: true });

/** The text of every run covered by flag `id`, per top-level block, in document order. */
function flaggedText(doc: SerializedDoc, id: string): string[] {
  const out: string[] = [];
  const text = (n: SerializedNode): string => (typeof n.text === 'string' ? n.text : ((n.children as SerializedNode[] | undefined) ?? []).map(text).join(''));
  const walk = (n: SerializedNode) => {
    if (n.type === 'flag' && (n.ids as string[]).includes(id)) out.push(text(n));
    else for (const c of (n.children as SerializedNode[] | undefined) ?? []) walk(c);
  };
  walk(doc.root);
  return out;
}

/** An editor with one paragraph "before [secret] after" where "secret" is flagged f1; returns the flag's text node. */
function withFlag(): { editor: LexicalEditor; key: string } {
  const editor = createHeadlessMinutesEditor();
  let key = '';
  up(editor, () => {
    const inner = $createTextNode('secret');
    key = inner.getKey();
    $getRoot().clear().append($createParagraphNode().append($createTextNode('before '), $createFlagNode(['f1']).append(inner), $createTextNode(' after')));
  });
  return { editor, key };
}

function selectIn(key: string, anchor: number, focus = anchor): void {
  const sel = $createRangeSelection();
  sel.anchor.set(key, anchor, 'text');
  sel.focus.set(key, focus, 'text');
  $setSelection(sel);
}

describe('FlagNode behaviour (fail-safe: when in doubt, stay flagged)', () => {
  it('typing inside a flag extends it', () => {
    const { editor, key } = withFlag();
    up(editor, () => {
      selectIn(key, 3);
      ($getSelection() as ReturnType<typeof $createRangeSelection>).insertText('XYZ');
    });
    expect(flaggedText(serializeEditor(editor), 'f1')).toEqual(['secXYZret']);
  });

  it('typing at the end or the start of a flag extends it, also with the caret reported just after it', () => {
    const { editor, key } = withFlag();
    registerFlagTyping(editor);
    const type = (text: string) => editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, text);
    up(editor, () => {
      selectIn(key, 6);
      type('!');
      type('!');
    });
    up(editor, () => {
      selectIn(key, 0);
      type('>>');
    });
    up(editor, () => {
      const after = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getLastChildOrThrow<TextNode>();
      after.select(0, 0);
      type('?');
    });
    expect(flaggedText(serializeEditor(editor), 'f1')).toEqual(['>>secret!!?']);
    expect(plain(serializeEditor(editor))).toBe('before >>secret!!? after');
    // away from the edges typing is ordinary: text typed in " after" stays outside
    up(editor, () => {
      const after = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getLastChildOrThrow<TextNode>();
      after.select(3, 3);
      type('x');
    });
    expect(flaggedText(serializeEditor(editor), 'f1')).toEqual(['>>secret!!?']);
  });

  it('typing over a selection that starts or ends in a flag puts the new text in the flag', () => {
    let handled = false;
    const type = (sel: () => void, text: string) => {
      const { editor } = withFlag();
      registerFlagTyping(editor);
      up(editor, () => {
        sel();
        handled = editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, text);
      });
      return serializeEditor(editor);
    };
    const para = () => $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>();
    const textNodes = () => para().getAllTextNodes();
    const range = (from: [number, number], to: [number, number]) => () => {
      const t = textNodes();
      const sel = $createRangeSelection();
      sel.anchor.set(t[from[0]]!.getKey(), from[1], 'text');
      sel.focus.set(t[to[0]]!.getKey(), to[1], 'text');
      $setSelection(sel);
    };
    // The end of the flag's words ("ret"), its start ("sec"), all of them, and across each edge.
    let doc = type(range([1, 3], [1, 6]), 'RET');
    expect([flaggedText(doc, 'f1'), plain(doc)]).toEqual([['secRET'], 'before secRET after']);
    doc = type(range([1, 0], [1, 3]), 'SEC');
    expect([flaggedText(doc, 'f1'), plain(doc)]).toEqual([['SECret'], 'before SECret after']);
    doc = type(range([1, 0], [1, 6]), 'classified');
    expect([flaggedText(doc, 'f1'), plain(doc)]).toEqual([['classified'], 'before classified after']);
    doc = type(range([0, 3], [1, 3]), 'X');
    expect([flaggedText(doc, 'f1'), plain(doc)]).toEqual([['Xret'], 'befXret after']);
    doc = type(range([1, 3], [2, 3]), 'Y');
    expect([flaggedText(doc, 'f1'), plain(doc)]).toEqual([['secY'], 'before secYter']);
    // Backwards, focus before anchor: the same.
    doc = type(range([1, 6], [1, 3]), 'RET');
    expect([flaggedText(doc, 'f1'), plain(doc)]).toEqual([['secRET'], 'before secRET after']);
    expect(handled).toBe(true);
    // Away from any flag, ordinary: the rule leaves it to Lexical (not registered here, so nothing is typed).
    doc = type(range([2, 1], [2, 3]), 'Z');
    expect([handled, flaggedText(doc, 'f1'), plain(doc)]).toEqual([false, ['secret'], 'before secret after']);
  });

  it('typing at the end of a flag in another format stays inside the flag', () => {
    const { editor, key } = withFlag();
    registerFlagTyping(editor);
    up(editor, () => {
      selectIn(key, 6);
      ($getSelection() as ReturnType<typeof $createRangeSelection>).toggleFormat('bold');
      editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, 'B');
    });
    const doc = serializeEditor(editor);
    expect(flaggedText(doc, 'f1')).toEqual(['secretB']);
    expect(JSON.stringify(doc)).toContain('"format":1');
  });

  it('splitting a paragraph inside a flag leaves both halves flagged with the same id', () => {
    const { editor, key } = withFlag();
    up(editor, () => {
      selectIn(key, 3);
      ($getSelection() as ReturnType<typeof $createRangeSelection>).insertParagraph();
    });
    const doc = serializeEditor(editor);
    expect(doc.root.children).toHaveLength(2);
    expect(flaggedText(doc, 'f1')).toEqual(['sec', 'ret']);
  });

  it('a partial copy of flagged text pastes flagged (Lexical JSON clipboard round trip)', () => {
    const { editor, key } = withFlag();
    let payload: ReturnType<typeof $generateJSONFromSelectedNodes> | undefined;
    up(editor, () => {
      selectIn(key, 1, 4); // "ecr"
      payload = $generateJSONFromSelectedNodes(editor, $getSelection());
    });
    expect(JSON.stringify(payload!.nodes)).toContain('"type":"flag"');
    up(editor, () => {
      $getRoot().getLastChildOrThrow<ReturnType<typeof $createParagraphNode>>().selectEnd();
      const sel = $getSelection()!;
      $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(payload!.nodes), sel);
    });
    const other = createHeadlessMinutesEditor();
    up(other, () => {
      const sel = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().select();
      $insertGeneratedNodes(other, $generateNodesFromSerializedNodes(payload!.nodes), sel);
    });
    expect(flaggedText(serializeEditor(editor), 'f1')).toEqual(['secret', 'ecr']);
    expect(flaggedText(serializeEditor(other), 'f1')).toEqual(['ecr']);
  });

  it('wraps a selection across paragraphs, formatting, links and list items: one FlagNode per block, same id', () => {
    const editor = createHeadlessMinutesEditor();
    let first = '';
    let last = '';
    up(editor, () => {
      const a = $createTextNode('alpha one');
      first = a.getKey();
      const bold = $createTextNode('bold').toggleFormat('bold');
      const link = $createLinkNode('https://example.org').append($createTextNode('link'));
      const li = $createTextNode('item two');
      last = li.getKey();
      $getRoot()
        .clear()
        .append(
          $createParagraphNode().append(a),
          $createParagraphNode().append($createTextNode('x '), bold, $createTextNode(' '), link),
          $createListNode('bullet').append($createListItemNode().append(li)),
        );
      const sel = $createRangeSelection();
      sel.anchor.set(first, 6, 'text');
      sel.focus.set(last, 4, 'text');
      $setSelection(sel);
      expect($wrapSelectionInFlag('f9')).toBe(true);
    });
    const doc = serializeEditor(editor);
    expect(flaggedText(doc, 'f9')).toEqual(['one', 'x bold link', 'item']);
    expect(SerializedDoc.safeParse(doc).success).toBe(true);
    expect(JSON.stringify(doc)).toContain('"format":1');
  });

  it('overlapping flags nest and keep both ids; removing one leaves the other', () => {
    const { editor, key } = withFlag();
    up(editor, () => {
      // select "ret after" — half inside f1, half outside
      const sel = $createRangeSelection();
      sel.anchor.set(key, 3, 'text');
      const after = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getLastChildOrThrow<TextNode>();
      sel.focus.set(after.getKey(), 6, 'text');
      $setSelection(sel);
      $wrapSelectionInFlag('f2');
    });
    let doc = serializeEditor(editor);
    expect(flaggedText(doc, 'f1')).toEqual(['secret']);
    expect(flaggedText(doc, 'f2').join('')).toBe('ret after');
    editor.read(() => expect($collectFlagIds()).toEqual([{ id: 'f1', excerpt: 'secret' }, { id: 'f2', excerpt: 'ret … after' }]));
    editor.read(() => expect([$hasFlagMark('f1'), $hasFlagMark('f2'), $hasFlagMark('f3')]).toEqual([true, true, false]));
    up(editor, () => expect($removeFlag('f1')).toBe(1));
    editor.read(() => expect($hasFlagMark('f1')).toBe(false));
    doc = serializeEditor(editor);
    expect(flaggedText(doc, 'f1')).toEqual([]);
    expect(flaggedText(doc, 'f2').join('')).toBe('ret after');
    expect(plain(doc)).toBe('before secret after');
    up(editor, () => $removeFlag('f2'));
    doc = serializeEditor(editor);
    expect(JSON.stringify(doc)).not.toContain('"flag"');
    expect(plain(doc)).toBe('before secret after');
  });

  it('a flag carrying several ids loses only the removed one', () => {
    const editor = createHeadlessMinutesEditor();
    up(editor, () => $getRoot().clear().append($createParagraphNode().append($createFlagNode(['a', 'b']).append($createTextNode('t')))));
    up(editor, () => $removeFlag('a'));
    editor.read(() => {
      const flag = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getFirstChild();
      expect($isFlagNode(flag) && flag.getIDs()).toEqual(['b']);
    });
  });

  it('does nothing for a collapsed selection', () => {
    const { editor, key } = withFlag();
    up(editor, () => {
      selectIn(key, 2);
      expect($isRangeSelection($getSelection())).toBe(true);
      expect($wrapSelectionInFlag('zz')).toBe(false);
    });
    expect(JSON.stringify(serializeEditor(editor))).not.toContain('zz');
  });
});

function plain(doc: SerializedDoc): string {
  const t = (n: SerializedNode): string => (typeof n.text === 'string' ? n.text : ((n.children as SerializedNode[] | undefined) ?? []).map(t).join(''));
  return t(doc.root);
}
