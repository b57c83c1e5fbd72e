// @vitest-environment jsdom
import { act, createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { emptyDoc } from '../../shared/editor/doc-model';
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
