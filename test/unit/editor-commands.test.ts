import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isParagraphNode, $isRangeSelection, INSERT_PARAGRAPH_COMMAND, type LexicalEditor, type ParagraphNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { CAPTURE_ACTION_COMMAND, CAPTURE_DECISION_COMMAND, REQUEST_FLAG_COMMAND, SHOW_HINT_COMMAND } from '../../renderer/editor/commands';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { registerMinutesCommands } from '../../renderer/editor/register';
import { matchShortcut } from '../../renderer/editor/shortcuts';
import { mapOffset } from '../../renderer/editor/trackedRange';

const key = (code: string, m: Partial<{ alt: boolean; shift: boolean; ctrl: boolean; meta: boolean; altGraph: boolean }> = {}) => ({
  code,
  altKey: !!m.alt,
  shiftKey: !!m.shift,
  ctrlKey: !!m.ctrl,
  metaKey: !!m.meta,
  getModifierState: (k: string) => k === 'AltGraph' && !!m.altGraph,
});

function twoParagraphs(): LexicalEditor {
  const editor = createHeadlessMinutesEditor();
  editor.update(() => $getRoot().clear().append($createParagraphNode().append($createTextNode('We agree to publish.')), $createParagraphNode().append($createTextNode('Next'))), { discrete: true });
  return editor;
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('minutes commands', () => {
  it('maps shortcuts by key code, Mod per platform, and never under AltGr', () => {
    expect(matchShortcut(key('KeyT', { alt: true, shift: true }), false)).toBe('timestamp');
    expect(matchShortcut(key('KeyD', { alt: true, shift: true }), true)).toBe('decision');
    expect(matchShortcut(key('KeyA', { alt: true, shift: true }), false)).toBe('action');
    expect(matchShortcut(key('KeyF', { alt: true, shift: true }), false)).toBe('flag');
    expect(matchShortcut(key('KeyK', { ctrl: true }), false)).toBe('link');
    expect(matchShortcut(key('KeyK', { meta: true }), true)).toBe('link');
    expect(matchShortcut(key('KeyK', { ctrl: true }), true)).toBeNull();
    expect(matchShortcut(key('Digit2', { ctrl: true, alt: true }), false)).toBe('h2');
    expect(matchShortcut(key('Digit2', { ctrl: true, alt: true, altGraph: true }), false)).toBeNull();
    expect(matchShortcut(key('Digit8', { ctrl: true, shift: true }), false)).toBe('bullet');
    expect(matchShortcut(key('KeyT', { ctrl: true, shift: true }), false)).toBeNull();
    expect(matchShortcut(key('KeyB', { ctrl: true }), false)).toBeNull();
  });

  it('capture without a recordId asks the page (onCapture) with the block text, then converts that block', async () => {
    const editor = twoParagraphs();
    const asked: Array<[string, string]> = [];
    registerMinutesCommands(editor, () => ({ onCapture: async (kind, text) => (asked.push([kind, text]), 'rec-42') }));
    editor.update(() => {
      $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChildOrThrow<TextNode>().select(3, 3);
      editor.dispatchCommand(CAPTURE_DECISION_COMMAND, undefined);
    }, { discrete: true });
    expect(asked).toEqual([['decision', 'We agree to publish.']]);
    await tick();
    await tick();
    const doc = serializeEditor(editor);
    expect(doc.root.children[0]).toMatchObject({ type: 'decision', recordId: 'rec-42' });
    expect(doc.root.children).toHaveLength(2);
  });

  it('a capture the page cancels (null) or fails leaves the document unchanged', async () => {
    for (const onCapture of [async () => null, async () => Promise.reject(new Error('offline'))]) {
      const editor = twoParagraphs();
      const before = serializeEditor(editor);
      registerMinutesCommands(editor, () => ({ onCapture }));
      editor.update(() => {
        $getRoot().getLastChildOrThrow<ParagraphNode>().selectEnd();
        editor.dispatchCommand(CAPTURE_ACTION_COMMAND, undefined);
      }, { discrete: true });
      await tick();
      await tick();
      expect(serializeEditor(editor)).toEqual(before);
    }
  });

  it('capture inside a list inserts a new record block after the list instead of breaking it', () => {
    const editor = createHeadlessMinutesEditor({
      root: {
        type: 'root',
        version: 1,
        children: [{ type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [{ type: 'listitem', version: 1, value: 1, children: [{ type: 'text', version: 1, text: 'item' }] }] }],
      },
    });
    registerMinutesCommands(editor);
    editor.update(() => {
      $getRoot().getFirstDescendant<TextNode>()!.select(2, 2);
      editor.dispatchCommand(CAPTURE_ACTION_COMMAND, { recordId: 'a1' });
    }, { discrete: true });
    expect(serializeEditor(editor).root.children.map((c) => c.type)).toEqual(['list', 'action']);
  });

  it('flag request: the page is asked with the selected text; the saved selection is flagged when it resolves', async () => {
    const editor = twoParagraphs();
    const asked: string[] = [];
    registerMinutesCommands(editor, () => ({ onRequestFlag: async (t) => (asked.push(t), 'flag-7') }));
    editor.update(() => {
      $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChildOrThrow<TextNode>().select(3, 8);
      expect(editor.dispatchCommand(REQUEST_FLAG_COMMAND, undefined)).toBe(true);
      // the caret moves while the dialog is open (focus goes to the dialog)
      $getRoot().getLastChildOrThrow<ParagraphNode>().selectEnd();
    }, { discrete: true });
    expect(asked).toEqual(['agree']);
    await tick();
    await tick();
    const first = serializeEditor(editor).root.children[0]!;
    expect(JSON.stringify(first)).toContain('"ids":["flag-7"]');
    editor.read(() => expect($isParagraphNode($getRoot().getLastChild())).toBe(true));
    expect(JSON.stringify(serializeEditor(editor).root.children[1])).not.toContain('flag');
  });
});

describe('flag request while the officer types on', () => {
  /** One paragraph, `text`; the page's answer held until `answer(id)`. */
  function typing(text: string) {
    const editor = createHeadlessMinutesEditor();
    editor.update(() => $getRoot().clear().append($createParagraphNode().append($createTextNode(text))), { discrete: true });
    const page = { answered: () => undefined as void, answer: (_id: string | null) => undefined as void };
    registerMinutesCommands(editor, () => ({
      onRequestFlag: (_t, done) => {
        page.answered = done;
        return new Promise<string | null>((r) => (page.answer = r));
      },
    }));
    const at = (offset: number, to = offset) => $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstDescendant<TextNode>()!.select(offset, to);
    const type = (offset: number, t: string) => editor.update(() => void (at(offset), $getSelection()!.insertText(t)), { discrete: true });
    const caret = () => editor.read(() => { const s = $getSelection(); return $isRangeSelection(s) ? [s.anchor.offset, s.focus.offset, s.anchor.getNode().getTextContent()] : null; });
    const flagged = () => editor.read(() => $getRoot().getAllTextNodes().filter((n) => n.getParent()?.getType() === 'flag').map((n) => n.getTextContent()).join('|'));
    return { editor, at, type, caret, flagged, answered: () => page.answered(), answer: (id: string | null) => page.answer(id) };
  }

  it('the caret goes to the end of the passage at the answer; the flag then covers the passage as it stands, the caret left where the officer is', async () => {
    const t = typing('The budget is 42 million.');
    t.editor.update(() => {
      t.at(4, 24);
      t.editor.dispatchCommand(REQUEST_FLAG_COMMAND, undefined);
    }, { discrete: true });
    t.answered();
    expect(t.caret()).toEqual([24, 24, 'The budget is 42 million.']);
    t.type(24, ' (approx.)'); // at the end of the passage: after it
    t.type(16, ' euro'); // inside it
    t.type(0, 'So: '); // before it
    t.editor.update(() => $getRoot().getFirstChildOrThrow<ParagraphNode>().selectEnd(), { discrete: true });
    t.answer('flag-1');
    await tick();
    await tick();
    expect(t.flagged()).toBe('budget is 42 euro million');
    expect(t.editor.read(() => $getRoot().getTextContent())).toBe('So: The budget is 42 euro million (approx.).');
    // The caret is still at the end: what is typed next goes there, outside the flag.
    t.editor.update(() => $getSelection()!.insertText(' Next.'), { discrete: true });
    expect(t.editor.read(() => $getRoot().getTextContent())).toBe('So: The budget is 42 euro million (approx.). Next.');
    expect(t.flagged()).toBe('budget is 42 euro million');
  });

  it('text typed at the start of the passage stays outside, text deleted across its end narrows it; cancelled or failed, nothing is flagged', async () => {
    const t = typing('Alpha beta gamma delta');
    t.editor.update(() => {
      t.at(6, 16); // "beta gamma"
      t.editor.dispatchCommand(REQUEST_FLAG_COMMAND, undefined);
    }, { discrete: true });
    t.answered();
    t.type(6, 'new ');
    t.editor.update(() => t.at(18, 24).removeText(), { discrete: true }); // "ma del"
    t.answer('flag-2');
    await tick();
    await tick();
    expect(t.editor.read(() => $getRoot().getTextContent())).toBe('Alpha new beta gamta');
    expect(t.flagged()).toBe('beta gam');

    for (const id of [null, 'reject']) {
      const u = typing('Alpha beta gamma');
      u.editor.update(() => {
        u.at(6, 10);
        u.editor.dispatchCommand(REQUEST_FLAG_COMMAND, undefined);
      }, { discrete: true });
      if (id === null) u.answer(null);
      else u.answer(Promise.reject(new Error('offline')) as unknown as string);
      await tick();
      await tick();
      expect(u.flagged()).toBe('');
    }
  });
});

describe('mapOffset', () => {
  it('moves a place with a change before it, keeps it with one after it, and takes a change across it inside the range', () => {
    expect(mapOffset('abcdef', 'XXabcdef', 2, 'start')).toBe(4);
    expect(mapOffset('abcdef', 'abcdefXX', 4, 'end')).toBe(4);
    expect(mapOffset('abcdef', 'abXXcdef', 2, 'start')).toBe(4); // typed at the start: outside
    expect(mapOffset('abcdef', 'abXXcdef', 2, 'end')).toBe(2); // typed at the end: outside
    expect(mapOffset('abcdef', 'abXXcdef', 4, 'end')).toBe(6);
    expect(mapOffset('abcdef', 'af', 3, 'start')).toBe(1);
    expect(mapOffset('abcdef', 'af', 3, 'end')).toBe(1);
    expect(mapOffset('abcdef', 'aXYZf', 3, 'start')).toBe(1);
    expect(mapOffset('abcdef', 'aXYZf', 3, 'end')).toBe(4);
  });
});

describe('records stay whole', () => {
  it('Enter in the middle of a decision starts a paragraph after it; the decision keeps all its text', () => {
    const editor = twoParagraphs();
    registerMinutesCommands(editor);
    editor.update(() => {
      $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChildOrThrow<TextNode>().select(3, 3);
      editor.dispatchCommand(CAPTURE_DECISION_COMMAND, { recordId: 'd1' });
    }, { discrete: true });
    editor.update(() => {
      const decision = $getRoot().getFirstChildOrThrow<ParagraphNode>();
      decision.getFirstDescendant<TextNode>()!.select(6, 6);
      editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined);
    }, { discrete: true });
    editor.update(() => $getSelection()!.insertText('After'), { discrete: true });
    const blocks = editor.getEditorState().read(() => $getRoot().getChildren().map((b) => [b.getType(), b.getTextContent()]));
    expect(blocks).toEqual([
      ['decision', 'We agree to publish.'],
      ['paragraph', 'After'],
      ['paragraph', 'Next'],
    ]);
  });
});

describe('flag shortcut with no selection', () => {
  it('flags the word at the caret (an e-mail address whole), or says in the status line what to select', async () => {
    const editor = createHeadlessMinutesEditor();
    editor.update(() => $getRoot().clear().append($createParagraphNode().append($createTextNode('Write to camille.laurent@example.org.   now'))), { discrete: true });
    const asked: string[] = [];
    const hints: string[] = [];
    registerMinutesCommands(editor, () => ({ onRequestFlag: async (text) => (asked.push(text), null) }));
    editor.registerCommand(SHOW_HINT_COMMAND, (h) => (hints.push(h), true), 0);
    editor.update(() => {
      $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChildOrThrow<TextNode>().select(15, 15);
      editor.dispatchCommand(REQUEST_FLAG_COMMAND, undefined);
    }, { discrete: true });
    expect(asked).toEqual(['camille.laurent@example.org']);
    expect(hints).toEqual([]);
    editor.update(() => {
      $getRoot().getFirstChildOrThrow<ParagraphNode>().getFirstChildOrThrow<TextNode>().select(38, 38);
      editor.dispatchCommand(REQUEST_FLAG_COMMAND, undefined);
    }, { discrete: true });
    expect(asked).toHaveLength(1);
    expect(hints[0]).toMatch(/select it first/);
  });
});
