// @vitest-environment jsdom
import { act, createRef } from 'react';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it, vi } from 'vitest';
import { MinutesEditor, type MinutesEditorHandle } from '../../renderer/editor';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { reactRoot } from '../helpers/react-root';

/**
 * How often the editor's own tree (its toolbar, a dozen plugins) renders. Each render of it after mount is a long task
 * on the page's thread when the page opens (issue 16: the word count's first value rendered the whole tree again,
 * ~40–60 ms between the first editor showing and it taking a click, in every editor that mounts). The toolbar stands
 * for the tree: it renders whenever the tree does.
 */
const renders = vi.hoisted(() => ({ toolbar: 0 }));
vi.mock('../../renderer/editor/plugins/ToolbarPlugin', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../renderer/editor/plugins/ToolbarPlugin')>();
  return {
    ...m,
    ToolbarPlugin: (props: Parameters<typeof m.ToolbarPlugin>[0]) => {
      renders.toolbar++;
      return m.ToolbarPlugin(props);
    },
  };
});

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const para = (t: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text(t)] });
const DOC = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [para('The chair opened the meeting.')] } } as unknown as SerializedDoc;

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 30))));

describe('the editor renders its tree once at mount', () => {
  it('its word count shows without rendering the toolbar and the plugins again, and follows the text', async () => {
    renders.toolbar = 0;
    const ref = createRef<MinutesEditorHandle>();
    const { host, render } = reactRoot();
    render(<MinutesEditor ref={ref} sectionKey="s1" initialContent={DOC} ariaLabel="m" changeDebounceMs={10} />);
    await settle();
    expect(host.querySelector('.tfs-wordcount')!.textContent).toBe('5 words');
    expect(renders.toolbar).toBe(1);

    await act(async () => {
      ref.current!.getEditor().update(() => $getRoot().append($createParagraphNode().append($createTextNode('Adopted.'))), { discrete: true });
      await new Promise((r) => setTimeout(r, 40));
    });
    expect(host.querySelector('.tfs-wordcount')!.textContent).toBe('6 words');
  });

  it('read-only: the count shows too, one word in the singular', async () => {
    const one = { root: { ...DOC.root, children: [para('Adopted.')] } } as unknown as SerializedDoc;
    const { host, render } = reactRoot();
    render(<MinutesEditor sectionKey="s2" initialContent={one} ariaLabel="m" readOnly />);
    await settle();
    expect(host.querySelector('.tfs-wordcount-ro')!.textContent).toBe('1 word');
  });
});
