// @vitest-environment jsdom
import { act, createRef, useLayoutEffect } from 'react';
import { REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { describe, expect, it, vi } from 'vitest';
import { type SerializedNode } from '../../shared/editor/doc-model';
import { SerializedDoc } from '../../shared/editor/doc-schema';
import { CAPTURE_DECISION_COMMAND, INSERT_TIMESTAMP_COMMAND, MinutesEditor, type MinutesEditorHandle } from '../../renderer/editor';
import { reactRoot } from '../helpers/react-root';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const INITIAL: SerializedDoc = {
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text('Open '), { type: 'flag', version: 1, ids: ['f1'], direction: null, format: '', indent: 0, children: [text('secret')] }] },
      { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text('See '), { type: 'link', version: 1, url: 'https://example.org/', rel: 'noopener noreferrer', target: null, title: null, direction: null, format: '', indent: 0, children: [text('the site')] }] },
    ],
  },
};

function mount(el: React.ReactElement): HTMLElement {
  const { host, render } = reactRoot();
  render(el);
  return host;
}

describe('MinutesEditor (jsdom)', () => {
  it('loading is not a change: a section with a link and a list mounts without onDirty (so it saves nothing)', async () => {
    const onDirty = vi.fn();
    const withList = structuredClone(INITIAL) as { root: { children: unknown[] } };
    withList.root.children.push({
      type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', direction: null, format: '', indent: 0,
      children: [{ type: 'listitem', version: 1, value: 1, checked: undefined, direction: null, format: '', indent: 0, children: [text('one')] }],
    });
    const ref = createRef<MinutesEditorHandle>();
    mount(<MinutesEditor ref={ref} sectionKey="s0" initialContent={SerializedDoc.parse(withList)} ariaLabel="x" onDirty={onDirty} />);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(onDirty).not.toHaveBeenCalled();
    await act(async () => {
      ref.current!.getEditor().dispatchCommand(INSERT_TIMESTAMP_COMMAND, undefined);
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(onDirty).toHaveBeenCalled();
  });

  it('renders the content with flag styling hooks, a labelled toolbar and a word count', () => {
    const el = mount(<MinutesEditor sectionKey="s1" initialContent={INITIAL} ariaLabel="Minutes of item 1" onCapture={async () => 'r'} onRequestFlag={async () => 'f'} />);
    const content = el.querySelector('[contenteditable]')!;
    expect(content.getAttribute('aria-label')).toBe('Minutes of item 1');
    const flag = el.querySelector('mark.tfs-flag')!;
    expect(flag.getAttribute('data-flag-ids')).toBe('f1');
    expect(flag.textContent).toBe('secret');
    for (const label of ['Bold', 'Italic', 'Underline', 'Bulleted list', 'Numbered list', 'Quote', 'Link', 'Undo', 'Redo', 'Insert timestamp', 'Record a decision', 'Record an action item', 'Flag selection as confidential']) {
      // Named by its (screen-reader) text, not an aria-label that could contradict the visible glyph.
      const b = [...el.querySelectorAll('.tfs-toolbar button')].find((x) => x.querySelector('.sr-only')?.textContent === label);
      expect(b, label).toBeDefined();
      expect(b!.getAttribute('title')).toMatch(/\(.+\)$/);
    }
    // One Tab stop: exactly one toolbar button is in the Tab order.
    expect([...el.querySelectorAll('.tfs-toolbar button')].filter((x) => (x as HTMLElement).tabIndex === 0)).toHaveLength(1);
    expect(el.querySelector('.tfs-wordcount')!.textContent).toBe('5 words');
  });

  it('getContent() serializes on demand; commands change the content; onChange delivers content and flag meta on flush', () => {
    const onChange = vi.fn();
    const onDirty = vi.fn();
    const ref = createRef<MinutesEditorHandle>();
    mount(<MinutesEditor ref={ref} sectionKey="s1" initialContent={INITIAL} ariaLabel="m" onChange={onChange} onDirty={onDirty} changeDebounceMs={60_000} />);
    expect(ref.current!.getContent()).toEqual(INITIAL);
    expect(SerializedDoc.safeParse(ref.current!.getContent()).success).toBe(true);
    const editor = ref.current!.getEditor();
    act(() => {
      // No caret (never focused): the timestamp goes into a new last paragraph, which the capture then converts.
      editor.update(() => void editor.dispatchCommand(INSERT_TIMESTAMP_COMMAND, { at: '2025-06-01T08:30:00.000Z' }), { discrete: true });
      editor.update(() => void editor.dispatchCommand(CAPTURE_DECISION_COMMAND, { recordId: 'rec-1' }), { discrete: true });
    });
    expect(onDirty).toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(ref.current!.hasPendingChange()).toBe(true);
    act(() => ref.current!.flush());
    expect(onChange).toHaveBeenCalledTimes(1);
    const [content, meta] = onChange.mock.calls[0]! as [SerializedDoc, { flagIds: unknown; records: unknown }];
    const types: string[] = [];
    const walk = (n: SerializedNode) => {
      types.push(n.type);
      ((n.children as SerializedNode[] | undefined) ?? []).forEach(walk);
    };
    walk(content.root);
    expect(types).toContain('timestamp');
    expect(types).toContain('decision');
    expect(meta.flagIds).toEqual([{ id: 'f1', excerpt: 'secret' }]);
    expect(meta.records).toEqual([expect.objectContaining({ kind: 'decision', recordId: 'rec-1' })]);
  });

  it('a click on a link never navigates; Ctrl+click asks the page through onOpenLink', () => {
    const onOpenLink = vi.fn();
    const el = mount(<MinutesEditor sectionKey="s1" initialContent={INITIAL} ariaLabel="m" onOpenLink={onOpenLink} />);
    const a = el.querySelector('a')!;
    const plain = new MouseEvent('click', { bubbles: true, cancelable: true });
    act(() => void a.dispatchEvent(plain));
    expect(plain.defaultPrevented).toBe(true);
    expect(onOpenLink).not.toHaveBeenCalled();
    const ctrl = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
    act(() => void a.dispatchEvent(ctrl));
    expect(ctrl.defaultPrevented).toBe(true);
    expect(onOpenLink).toHaveBeenCalledWith('https://example.org/');
  });

  it('read-only: no toolbar, not editable, commands refused', () => {
    const ref = createRef<MinutesEditorHandle>();
    const el = mount(<MinutesEditor ref={ref} sectionKey="s1" initialContent={INITIAL} ariaLabel="m" readOnly />);
    expect(el.querySelector('[role="toolbar"]')).toBeNull();
    expect(el.querySelector('[contenteditable]')!.getAttribute('contenteditable')).toBe('false');
    const editor = ref.current!.getEditor();
    act(() => editor.update(() => void editor.dispatchCommand(INSERT_TIMESTAMP_COMMAND, undefined), { discrete: true }));
    expect(ref.current!.getContent()).toEqual(INITIAL);
  });

  it('keys typed ahead (handed over in the commit that mounts the editor) are one step of its undo history', async () => {
    // jsdom lays nothing out; Lexical measures the caret to bring it into view.
    if (!('getBoundingClientRect' in Range.prototype)) Object.assign(Range.prototype, { getBoundingClientRect: () => new DOMRect() });
    const ref = createRef<MinutesEditorHandle>();
    // As MinutesSections does: the parent's layout effect, in the commit that mounts the editor, types the keys in.
    function Parent() {
      useLayoutEffect(() => {
        ref.current!.typeAtEnd(' Kept while loading.\nSecond line.', true); // the placeholder had the focus
      }, []);
      return <MinutesEditor ref={ref} sectionKey="s9" initialContent={INITIAL} ariaLabel="x" />;
    }
    mount(<Parent />);
    const editor = ref.current!.getEditor();
    expect(editor.getRootElement()!.textContent).toContain('the site Kept while loading.Second line.');
    expect(document.activeElement).toBe(editor.getRootElement());
    await act(async () => void editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(ref.current!.getContent()).toEqual(INITIAL);
    await act(async () => void editor.dispatchCommand(REDO_COMMAND, undefined));
    expect(editor.getRootElement()!.textContent).toContain('the site Kept while loading.Second line.');
  });
});
