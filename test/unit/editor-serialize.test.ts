import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLICE_MAX_CHARS, serializeInSlices } from '../../renderer/editor/serialize';
import { apply, editorWith, fakeScheduler, readWhileTyping, whileTypingArb } from './editor-ops';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** An editor of `n` paragraphs of a few words each. */
function longEditor(n: number, words: string) {
  const editor = editorWith();
  for (let i = 0; i < n; i++) {
    apply(editor, { kind: 'type', at: 0.999, off: 0.999, text: words });
    apply(editor, { kind: 'split', at: 0.999, off: 0.999 });
  }
  return editor;
}

describe('serializeInSlices: the stored form of a snapshot, a few blocks per task', () => {
  it(`equals EditorState.toJSON() of the snapshot, whatever is typed between slices, and after finishNow (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(whileTypingArb, async (c) => {
        // The officer goes on typing between slices; the save must still be of the snapshot, exactly.
        const { snapshot, value: form } = await readWhileTyping(c, serializeInSlices);
        const expected = JSON.parse(JSON.stringify(snapshot.toJSON()));
        expect(JSON.parse(JSON.stringify(form.doc))).toEqual(expected);
        // The JSON text made in the same slices is the same document.
        expect(JSON.parse(await form.json.text())).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('slices a long section: many tasks, none doing all of it; a short one is done in the caller’s task', async () => {
    const editor = longEditor(30, 'word ');
    const s = fakeScheduler();
    const read = serializeInSlices(editor.getEditorState(), { sliceMs: 3, now: s.now, later: s.later });
    expect(s.queue.length, 'more to do after the first slice').toBe(1);
    let tasks = 1;
    while (s.queue.length > 0) {
      s.queue.shift()!();
      tasks++;
    }
    expect(tasks).toBeGreaterThan(5);
    expect((await read.result).doc).toEqual(editor.getEditorState().toJSON());
    expect(JSON.parse(await (await read.result).json.text())).toEqual(editor.getEditorState().toJSON());

    const short = editorWith();
    apply(short, { kind: 'type', at: 0, off: 0, text: 'word ' });
    const s2 = fakeScheduler();
    const quick = serializeInSlices(short.getEditorState(), { sliceMs: 100, now: s2.now, later: s2.later });
    expect(s2.queue.length, 'nothing left for later').toBe(0);
    expect((await quick.result).doc).toEqual(short.getEditorState().toJSON());
  });

  it('bounds a slice by the text it encodes too, not only by the clock (a fast export of long blocks)', async () => {
    // At 10,000 paragraphs a 4 ms slice exported ~1 MB of blocks, and encoding them into the slice's Blob took 30-45 ms
    // more (a profile of typing in the bench): the slice must also stop once it holds SLICE_MAX_CHARS of JSON.
    const long = 'word '.repeat(400); // ~2 KB of JSON per block
    const editor = longEditor(150, long);
    // A clock that does not move: only the text can end a slice.
    const queue: Array<() => void> = [];
    const frozen = { sliceMs: 1000, now: () => 0, later: (fn: () => void) => void queue.push(fn) };
    const read = serializeInSlices(editor.getEditorState(), frozen);
    let tasks = 1;
    while (queue.length > 0) {
      queue.shift()!();
      tasks++;
    }
    const json = JSON.stringify(editor.getEditorState().toJSON());
    expect(tasks).toBeGreaterThanOrEqual(Math.floor(json.length / SLICE_MAX_CHARS));
    expect(JSON.parse(await (await read.result).json.text())).toEqual(editor.getEditorState().toJSON());
    // finishNow still does all of it at once, however long.
    const hurried = serializeInSlices(editor.getEditorState(), frozen);
    hurried.finishNow();
    queue.length = 0;
    expect(JSON.parse(await (await hurried.result).json.text())).toEqual(editor.getEditorState().toJSON());
  });

  it('finishNow completes in the caller’s task, and a slice left queued then does nothing', async () => {
    const editor = longEditor(20, 'x ');
    const s = fakeScheduler();
    const read = serializeInSlices(editor.getEditorState(), { sliceMs: 2, now: s.now, later: s.later });
    let done = false;
    void read.result.then(() => (done = true));
    read.finishNow();
    await Promise.resolve();
    expect(done).toBe(true);
    const form = await read.result;
    while (s.queue.length > 0) s.queue.shift()!();
    expect(form.doc).toEqual(editor.getEditorState().toJSON());
    expect(JSON.parse(await form.json.text())).toEqual(editor.getEditorState().toJSON());
    expect(await read.result).toBe(form);
  });
});
