import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isParagraphNode, INSERT_PARAGRAPH_COMMAND, type LexicalEditor, type ParagraphNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { CAPTURE_ACTION_COMMAND, CAPTURE_DECISION_COMMAND, REQUEST_FLAG_COMMAND, SHOW_HINT_COMMAND } from '../../renderer/editor/commands';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { registerMinutesCommands } from '../../renderer/editor/register';
import { matchShortcut } from '../../renderer/editor/shortcuts';

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
