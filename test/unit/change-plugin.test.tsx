// @vitest-environment jsdom
import { act, createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SerializedDoc } from '../../shared/editor/doc-schema';
import { MinutesEditor, type ChangeMeta, type MinutesEditorHandle } from '../../renderer/editor';
import { readMeta } from '../../renderer/editor/meta';
import { reactRoot } from '../helpers/react-root';

/** The slices of the meta's reading, run by the test: a clock moving one ms per reading, tasks queued here. */
const slices = vi.hoisted(() => ({ queue: [] as Array<() => void>, t: 0 }));
vi.mock('../../renderer/editor/meta', async (importOriginal) => {
  const meta = await importOriginal<typeof import('../../renderer/editor/meta')>();
  return {
    ...meta,
    readMetaInSlices: (state: Parameters<typeof meta.readMetaInSlices>[0]) =>
      meta.readMetaInSlices(state, { sliceMs: 2, now: () => slices.t++, later: (fn) => void slices.queue.push(fn) }),
  };
});

const DEBOUNCE_MS = 20;

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const paragraph = (t: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text(t)] });

function mountLong(paragraphs: number) {
  const onMeta = vi.fn<(meta: ChangeMeta) => void>();
  const ref = createRef<MinutesEditorHandle>();
  const content = SerializedDoc.parse({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: Array.from({ length: paragraphs }, (_, i) => paragraph(`line ${i}`)) },
  });
  reactRoot().render(<MinutesEditor ref={ref} sectionKey="s" initialContent={content} ariaLabel="m" onMetaChange={onMeta} changeDebounceMs={DEBOUNCE_MS} />);
  return { onMeta, ref };
}

const type = (editor: MinutesEditorHandle, text: string) => act(() => editor.typeAtEnd(text, false));
const afterDebounce = () => act(() => new Promise((r) => setTimeout(r, DEBOUNCE_MS * 3)));
const runSlices = () =>
  act(async () => {
    while (slices.queue.length > 0) slices.queue.shift()!();
    await Promise.resolve();
  });

/** A section of 30 paragraphs, mounted and settled; then `text` typed and the pause over: its meta is being read. */
async function typedThenPaused(text: string) {
  const { onMeta, ref } = mountLong(30);
  await afterDebounce();
  await runSlices();
  onMeta.mockClear();
  type(ref.current!, text);
  await afterDebounce();
  expect(slices.queue.length, 'the reading goes on in later tasks').toBeGreaterThan(0);
  return { onMeta, ref };
}

describe('ChangePlugin: the meta after a pause, read a few blocks per task', () => {
  it('delivers the meta of the text as it was when the pause ended, once all its slices are done', async () => {
    const { onMeta, ref } = await typedThenPaused(' more words');
    expect(onMeta).not.toHaveBeenCalled();
    expect(ref.current!.hasPendingChange()).toBe(true);
    await runSlices();
    expect(onMeta).toHaveBeenCalledTimes(1);
    expect(onMeta.mock.calls[0]![0]).toEqual(readMeta(ref.current!.getEditor().getEditorState()));
    expect(onMeta.mock.calls[0]![0].wordCount).toBe(62);
    expect(ref.current!.hasPendingChange()).toBe(false);
  });

  it('a change during the reading drops it: only the newer text is delivered, after its own pause', async () => {
    const { onMeta, ref } = await typedThenPaused(' first');
    type(ref.current!, ' second');
    await runSlices(); // the dropped reading's slices do nothing
    expect(onMeta).not.toHaveBeenCalled();
    expect(ref.current!.hasPendingChange()).toBe(true);
    await afterDebounce();
    await runSlices();
    expect(onMeta).toHaveBeenCalledTimes(1);
    expect(onMeta.mock.calls[0]![0].wordCount).toBe(62);
  });

  it('flush() during the reading delivers that snapshot’s meta at once, in the caller’s task, and nothing after', async () => {
    const { onMeta, ref } = await typedThenPaused(' flushed');
    act(() => ref.current!.flush());
    expect(onMeta).toHaveBeenCalledTimes(1);
    expect(onMeta.mock.calls[0]![0].wordCount).toBe(61);
    expect(ref.current!.hasPendingChange()).toBe(false);
    await runSlices();
    expect(onMeta).toHaveBeenCalledTimes(1);
  });
});
