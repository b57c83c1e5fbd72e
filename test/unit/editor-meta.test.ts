import { $dfs } from '@lexical/utils';
import fc from 'fast-check';
import { $getRoot, type EditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $collectFlagIds } from '../../renderer/editor/flags';
import { countWords, readMeta, readMetaInSlices, type ChangeMeta } from '../../renderer/editor/meta';
import { $recordRefOf, type RecordRef } from '../../renderer/editor/records';
import { apply, editorWith, fakeScheduler, readWhileTyping, whileTypingArb } from './editor-ops';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** The meta as it was read before the one-pass reading (issue 16): each part over the whole document on its own. */
function reference(state: EditorState): ChangeMeta {
  return state.read(() => ({
    flagIds: $collectFlagIds(),
    records: $dfs($getRoot())
      .map(({ node }) => $recordRefOf(node))
      .filter((r): r is RecordRef => r !== null),
    wordCount: countWords($getRoot().getTextContent()),
  }));
}

describe('readMeta / readMetaInSlices: a section’s flags, records and word count in one pass', () => {
  it(`equal the whole-document reading, and the sliced one is of its snapshot whatever is typed meanwhile (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(whileTypingArb, async (c) => {
        const { snapshot, value } = await readWhileTyping(c, readMetaInSlices);
        expect(readMeta(snapshot)).toEqual(reference(snapshot));
        expect(value).toEqual(reference(snapshot));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads a long section over many tasks, one block at least per task; cancel stops it', async () => {
    const editor = editorWith();
    for (let i = 0; i < 30; i++) {
      apply(editor, { kind: 'type', at: 0.999, off: 0.999, text: `word ${i} ` });
      apply(editor, { kind: 'split', at: 0.999, off: 0.999 });
    }
    apply(editor, { kind: 'flag', at: 0.5, off: 0, to: 0.5, off2: 0.999, id: 1 });
    apply(editor, { kind: 'record', at: 0.9, type: 'decision', n: 1 });
    const state = editor.getEditorState();
    // A clock past the deadline at every reading: one block per task, never none.
    const queue: Array<() => void> = [];
    let t = 0;
    const read = readMetaInSlices(state, { sliceMs: 1, now: () => (t += 2), later: (fn) => void queue.push(fn) });
    let tasks = 1;
    while (queue.length > 0) {
      queue.shift()!();
      tasks++;
    }
    const blocks = state.read(() => $getRoot().getChildrenSize());
    expect(tasks).toBe(blocks);
    const meta = await read.result;
    expect(meta).toEqual(reference(state));
    expect(meta.flagIds.map((f) => f.id)).toHaveLength(1);
    expect(meta.records).toHaveLength(1);

    const s = fakeScheduler();
    const stopped = readMetaInSlices(state, { sliceMs: 2, now: s.now, later: s.later });
    let settled = false;
    stopped.result.then(
      () => (settled = true),
      () => (settled = true),
    );
    stopped.cancel();
    while (s.queue.length > 0) s.queue.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false);
  });

  it('reads a flag inside a flag, and flags inside quotes and records', () => {
    const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
    const el = { direction: null, format: '', indent: 0, version: 1 };
    const flag = (ids: string[], children: unknown[]) => ({ ...el, type: 'flag', ids, children });
    const doc = {
      root: {
        ...el,
        type: 'root',
        children: [
          { ...el, type: 'paragraph', textFormat: 0, textStyle: '', children: [text('Open '), flag(['f1'], [text('outer '), flag(['f2'], [text('inner')])])] },
          { ...el, type: 'quote', children: [flag(['f3'], [text('quoted')])] },
          { ...el, type: 'decision', recordId: 'r1', children: [text('Agreed '), flag(['f1'], [text('terms')])] },
        ],
      },
    };
    const editor = editorWith();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
    const meta = readMeta(editor.getEditorState());
    expect(meta).toEqual(reference(editor.getEditorState()));
    expect(meta.flagIds).toEqual([
      { id: 'f1', excerpt: 'outer inner … terms' },
      { id: 'f2', excerpt: 'inner' },
      { id: 'f3', excerpt: 'quoted' },
    ]);
    expect(meta.records).toEqual([{ kind: 'decision', recordId: 'r1', text: 'Agreed terms' }]);
    expect(meta.wordCount).toBe(6);
  });
});
