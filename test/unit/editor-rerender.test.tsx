// @vitest-environment jsdom
import { act, createRef } from 'react';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it, vi } from 'vitest';
import { emptyDoc, type SerializedDoc } from '../../shared/editor/doc-model';
import { INSERT_TIMESTAMP_COMMAND, MinutesEditor, type MinutesEditorHandle } from '../../renderer/editor';
import type { ChangeMeta } from '../../renderer/editor';
import { reactRoot } from '../helpers/react-root';

/**
 * The minutes page renders again on every save state, every change of the current section and every answer; each
 * editor's own tree (composer, toolbar, a dozen plugins) must not (issue 16: with 40 sections on the page, each of
 * those renders went through 40 editor trees). The toolbar's renders are counted.
 */
const toolbarRenders = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../renderer/editor/plugins/ToolbarPlugin', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../renderer/editor/plugins/ToolbarPlugin')>();
  return {
    ...actual,
    ToolbarPlugin: (p: Parameters<typeof actual.ToolbarPlugin>[0]) => {
      toolbarRenders.n++;
      return actual.ToolbarPlugin(p);
    },
  };
});

/** The page as the editor sees it: every render hands it new callbacks (closures over that render). */
/** The editor's handle, as the page keeps it. */
const handle = createRef<MinutesEditorHandle>();

function Page(p: { n: number; calls: string[]; flaggable: boolean; readOnly?: boolean; isCurrent?: boolean }) {
  return (
    <MinutesEditor
      ref={handle}
      sectionKey="s1"
      initialContent={() => emptyDoc()}
      ariaLabel="Minutes of item 1"
      readOnly={p.readOnly}
      placeholder={p.isCurrent ? 'Type the minutes of this item…' : ''}
      onDirty={() => p.calls.push(`dirty@${p.n}`)}
      onMetaChange={(m: ChangeMeta) => p.calls.push(`meta@${p.n}:${m.wordCount}`)}
      onCapture={async () => `r${p.n}`}
      onRequestFlag={p.flaggable ? async () => `f${p.n}` : undefined}
      changeDebounceMs={60_000}
    />
  );
}

describe('MinutesEditor inside a page that renders often', () => {
  it("a page render with new callbacks does not render the editor's tree again; its events reach the newest callbacks", () => {
    const { render } = reactRoot();
    const calls: string[] = [];
    const ref = handle;
    render(<Page n={1} calls={calls} flaggable />);
    const first = toolbarRenders.n;
    expect(first).toBeGreaterThan(0);
    for (const n of [2, 3, 4]) render(<Page n={n} calls={calls} flaggable />);
    expect(toolbarRenders.n).toBe(first);

    // The newest callbacks, never a closure of an earlier render (what came at mount was page render 1's).
    const before = calls.length;
    const editor = ref.current!.getEditor();
    act(() => editor.update(() => void editor.dispatchCommand(INSERT_TIMESTAMP_COMMAND, { at: '2026-01-30T09:00:00.000Z' }), { discrete: true }));
    expect(calls.slice(before)).toContain('dirty@4');
    expect(calls.slice(before).filter((c) => /@[123]\b/.test(c))).toEqual([]);
    render(<Page n={5} calls={calls} flaggable />);
    act(() => ref.current!.flush());
    expect(calls.at(-1)).toMatch(/^meta@5:/);
  });

  it('what the editor shows still follows the page: a callback that goes away, the placeholder, read-only', () => {
    const { host, render } = reactRoot();
    const calls: string[] = [];
    const flagButton = () => [...host.querySelectorAll('.tfs-toolbar button')].find((b) => b.querySelector('.sr-only')?.textContent === 'Flag selection as confidential');
    render(<Page n={1} calls={calls} flaggable />);
    expect(flagButton()).toBeDefined();
    // No way to flag any more (the page took the callback away): the toolbar's flag button goes.
    render(<Page n={2} calls={calls} flaggable={false} />);
    expect(flagButton()).toBeUndefined();
    // The current section shows its placeholder.
    render(<Page n={3} calls={calls} flaggable={false} isCurrent />);
    expect(host.querySelector('[contenteditable]')!.getAttribute('aria-placeholder')).toBe('Type the minutes of this item…');
    // Read-only: no toolbar, not editable.
    render(<Page n={4} calls={calls} flaggable={false} readOnly />);
    expect(host.querySelector('[role="toolbar"]')).toBeNull();
    expect(host.querySelector('[contenteditable]')!.getAttribute('contenteditable')).toBe('false');
  });
});

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const para = (t: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text(t)] });
const DOC = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [para('The chair opened the meeting.')] } } as unknown as SerializedDoc;

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 30))));

/**
 * The word count's first value (computed once the editor has mounted) rendered the whole tree a second time while it was
 * React state of the editor's body: a long task between the first editor showing and it taking a click, in every
 * editor that mounts (issue 16). It is a store read by its own small component now (plugins/WordCount.tsx).
 */
describe('the editor renders its tree once at mount', () => {
  it('its word count shows without rendering the toolbar and the plugins again, and follows the text', async () => {
    toolbarRenders.n = 0;
    const ref = createRef<MinutesEditorHandle>();
    const { host, render } = reactRoot();
    render(<MinutesEditor ref={ref} sectionKey="s1" initialContent={DOC} ariaLabel="m" changeDebounceMs={10} />);
    await settle();
    expect(host.querySelector('.tfs-wordcount')!.textContent).toBe('5 words');
    expect(toolbarRenders.n).toBe(1);

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
