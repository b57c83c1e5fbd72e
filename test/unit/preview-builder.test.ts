import { describe, expect, it, vi } from 'vitest';
import type { LazyPreviewSource, PreviewReply, PreviewRequest } from '../../renderer/features/preview/previewBuilder';
import { createPreviewBuilder, PREVIEW_HUNG_MS } from '../../renderer/features/preview/previewBuilder';
import type { LazySection } from '../../renderer/features/preview/previewSections';
import type { SerializedDoc } from '../../shared/editor/doc-model';

// The preview's code in the page, as the builder sees it: each build says where it ran and from what.
vi.mock('../../renderer/features/preview/previewInput', () => ({
  buildPreview: (src: { n: number; sections: Array<{ key: string }> }) => ({ ok: true, inPage: src.n, ...(src.sections.length ? { keys: src.sections.map((x) => x.key) } : {}) }),
}));

/** A worker the test answers: what it was sent, and a way to answer or fail. */
function fakeWorker(opts: { refuse?: (src: unknown) => boolean } = {}) {
  const sent: PreviewRequest[] = [];
  let terminated = false;
  const w = {
    onmessage: null as ((e: MessageEvent<PreviewReply>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(m: PreviewRequest) {
      if (opts.refuse?.(m.src)) throw new DOMException('could not be cloned', 'DataCloneError');
      sent.push(m);
    },
    terminate() {
      terminated = true;
    },
  };
  return {
    worker: w as unknown as Worker,
    sent,
    terminated: () => terminated,
    answer: (id: number, n: number, blocks: unknown[] = []) => w.onmessage!({ data: { id, result: { ok: true, summary: { inWorker: n, blocks } } } } as unknown as MessageEvent<PreviewReply>),
    missing: (id: number) => w.onmessage!({ data: { id, missing: true } } as unknown as MessageEvent<PreviewReply>),
    fail: () => w.onerror!({ preventDefault() {} } as ErrorEvent),
  };
}
/** A worker's answer as the page then holds it. */
const inWorker = (n: number, blocks: unknown[] = []) => ({ ok: true, summary: { inWorker: n, blocks } });
const src = (n: number, sections: LazySection[] = []) => ({ n, sections }) as unknown as LazyPreviewSource;
/** A section whose content is read on demand, counting its reads. */
const section = (key: string, token: unknown, reads: string[]): LazySection => ({
  key,
  token,
  read: () => {
    reads.push(key);
    return { root: { key, token } } as unknown as SerializedDoc;
  },
});
const keysSent = (m: PreviewRequest) => m.src.sections.map((x) => ('content' in x ? `${x.key}:sent` : `${x.key}:same`));

describe('the preview builder', () => {
  it('builds in the worker: each build gets its own answer, whatever their order', async () => {
    vi.stubGlobal('Worker', function () {});
    const fake = fakeWorker();
    const make = vi.fn(() => fake.worker);
    const b = createPreviewBuilder(make);
    const one = b.build(src(1));
    const two = b.build(src(2));
    expect(make).toHaveBeenCalledTimes(1); // one worker for the page
    expect(fake.sent.map((m) => (m.src as unknown as { n: number }).n)).toEqual([1, 2]);
    fake.answer(fake.sent[1]!.id, 2);
    fake.answer(fake.sent[0]!.id, 1);
    expect(await one).toEqual(inWorker(1));
    expect(await two).toEqual(inWorker(2));
    vi.unstubAllGlobals();
  });

  it('a worker that fails hands its waiting builds to the page, and the page builds from then on', async () => {
    vi.stubGlobal('Worker', function () {});
    const fake = fakeWorker();
    const b = createPreviewBuilder(() => fake.worker);
    const waiting = b.build(src(1));
    fake.fail();
    expect(fake.terminated()).toBe(true);
    expect(await waiting).toEqual({ ok: true, inPage: 1 });
    expect(await b.build(src(2))).toEqual({ ok: true, inPage: 2 });
    expect(fake.sent).toHaveLength(1);
    vi.unstubAllGlobals();
  });

  it('a source the worker cannot be sent, a worker that cannot start, or no workers at all: built in the page', async () => {
    vi.stubGlobal('Worker', function () {});
    const fake = fakeWorker({ refuse: (s) => (s as { n: number }).n === 2 });
    const b = createPreviewBuilder(() => fake.worker);
    expect(await b.build(src(2))).toEqual({ ok: true, inPage: 2 });
    const three = b.build(src(3));
    fake.answer(fake.sent[0]!.id, 3);
    expect(await three).toEqual(inWorker(3)); // the worker still builds the others

    const cannot = createPreviewBuilder(() => {
      throw new Error('no module workers');
    });
    expect(await cannot.build(src(4))).toEqual({ ok: true, inPage: 4 });
    vi.unstubAllGlobals();

    vi.stubGlobal('Worker', undefined);
    const none = vi.fn(() => fakeWorker().worker);
    expect(await createPreviewBuilder(none).build(src(5))).toEqual({ ok: true, inPage: 5 });
    expect(none).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('disposed (the minutes page left): the worker stops, a build still waiting is answered as not built, the next starts a new worker', async () => {
    vi.stubGlobal('Worker', function () {});
    const fakes = [fakeWorker(), fakeWorker()];
    let made = 0;
    const b = createPreviewBuilder(() => fakes[made++]!.worker);
    const waiting = b.build(src(1));
    b.dispose();
    expect(fakes[0]!.terminated()).toBe(true);
    expect(await waiting).toMatchObject({ ok: false });
    const next = b.build(src(2));
    fakes[1]!.answer(fakes[1]!.sent[0]!.id, 2);
    expect(await next).toEqual(inWorker(2));
    vi.unstubAllGlobals();
  });

  it('sends the worker only the sections changed since it got them: the others are neither read nor copied', () => {
    vi.stubGlobal('Worker', function () {});
    const fakes = [fakeWorker(), fakeWorker()];
    let made = 0;
    const b = createPreviewBuilder(() => fakes[made++]!.worker);
    const reads: string[] = [];
    void b.build(src(1, [section('a', 1, reads), section('b', 1, reads), section('c', 1, reads)]));
    void b.build(src(2, [section('a', 1, reads), section('b', 2, reads), section('c', 1, reads)]));
    // A section added, one removed, the order changed.
    void b.build(src(3, [section('c', 1, reads), section('d', 1, reads), section('b', 2, reads)]));
    expect(fakes[0]!.sent.map(keysSent)).toEqual([
      ['a:sent', 'b:sent', 'c:sent'],
      ['a:same', 'b:sent', 'c:same'],
      ['c:same', 'd:sent', 'b:same'],
    ]);
    expect(reads).toEqual(['a', 'b', 'c', 'b', 'd']);

    // A source that could not be sent (built in the page) leaves what the worker holds as it was.
    const fake = fakeWorker({ refuse: (x) => (x as { n: number }).n === 9 });
    const c = createPreviewBuilder(() => fake.worker);
    void c.build(src(8, [section('a', 1, reads)]));
    void c.build(src(9, [section('a', 2, reads)]));
    void c.build(src(10, [section('a', 2, reads)]));
    expect(fake.sent.map(keysSent)).toEqual([['a:sent'], ['a:sent']]);
    vi.unstubAllGlobals();
  });

  it('a worker that lost track of a section is sent the build again, whole; a new worker gets every section', async () => {
    vi.stubGlobal('Worker', function () {});
    const fakes = [fakeWorker(), fakeWorker()];
    let made = 0;
    const b = createPreviewBuilder(() => fakes[made++]!.worker);
    const reads: string[] = [];
    const first = b.build(src(1, [section('a', 1, reads), section('b', 1, reads)]));
    fakes[0]!.answer(fakes[0]!.sent[0]!.id, 1);
    await first;
    const second = b.build(src(2, [section('a', 1, reads), section('b', 2, reads)]));
    fakes[0]!.missing(fakes[0]!.sent[1]!.id);
    expect(fakes[0]!.sent.map(keysSent)).toEqual([
      ['a:sent', 'b:sent'],
      ['a:same', 'b:sent'],
      ['a:sent', 'b:sent'],
    ]);
    expect(fakes[0]!.sent[2]!.id).toBe(fakes[0]!.sent[1]!.id); // the same build, answered once
    fakes[0]!.answer(fakes[0]!.sent[2]!.id, 2);
    expect(await second).toEqual(inWorker(2));

    b.dispose();
    void b.build(src(3, [section('a', 1, reads), section('b', 2, reads)]));
    expect(fakes[1]!.sent.map(keysSent)).toEqual([['a:sent', 'b:sent']]);
    vi.unstubAllGlobals();
  });

  it('built in the page: every section is read, as it is at build time', async () => {
    vi.stubGlobal('Worker', undefined);
    const reads: string[] = [];
    const b = createPreviewBuilder(() => fakeWorker().worker);
    expect(await b.build(src(7, [section('a', 1, reads), section('b', 1, reads)]))).toEqual({ ok: true, inPage: 7, keys: ['a', 'b'] });
    expect(reads).toEqual(['a', 'b']);
    vi.unstubAllGlobals();
  });

  it('a worker that does not answer is stopped: its builds say so (never built on the page’s thread), and the next build starts a new worker', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', function () {});
    const fakes = [fakeWorker(), fakeWorker()];
    let made = 0;
    const b = createPreviewBuilder(() => fakes[made++]!.worker);
    const first = b.build(src(1));
    fakes[0]!.answer(fakes[0]!.sent[0]!.id, 1);
    expect(await first).toEqual(inWorker(1));
    // Answered builds do not count: a second build, then silence.
    vi.advanceTimersByTime(PREVIEW_HUNG_MS - 1);
    const hung = b.build(src(2));
    vi.advanceTimersByTime(PREVIEW_HUNG_MS - 1);
    expect(fakes[0]!.terminated()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(fakes[0]!.terminated()).toBe(true);
    expect(await hung).toMatchObject({ ok: false, message: expect.stringMatching(/took too long/) });
    const next = b.build(src(3));
    expect(made).toBe(2);
    fakes[1]!.answer(fakes[1]!.sent[0]!.id, 3);
    expect(await next).toEqual(inWorker(3));
    // Disposed, nothing is left waiting on a timer.
    b.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('the summary’s blocks come back as what changed: the page puts its same objects back; a worker out of step is replaced', async () => {
    vi.stubGlobal('Worker', function () {});
    const fakes = [fakeWorker(), fakeWorker()];
    let made = 0;
    const b = createPreviewBuilder(() => fakes[made++]!.worker);
    const a = { kind: 'paragraph', inlines: [] };
    const c = { kind: 'title', text: 'Minutes' };
    const first = b.build(src(1));
    fakes[0]!.answer(fakes[0]!.sent[0]!.id, 1, [a, c]);
    const one = (await first) as { summary: { blocks: unknown[] } };
    const second = b.build(src(2));
    const d = { kind: 'paragraph', inlines: [{ kind: 'text', text: 'new' }] };
    fakes[0]!.answer(fakes[0]!.sent[1]!.id, 2, [{ keep: 1, count: 1 }, d, { keep: 0, count: 1 }]);
    const two = (await second) as { summary: { blocks: unknown[] } };
    expect(two.summary.blocks).toEqual([c, d, a]);
    expect(two.summary.blocks[0]).toBe(one.summary.blocks[1]);
    expect(two.summary.blocks[2]).toBe(one.summary.blocks[0]);

    // A run naming blocks the page does not hold: this build is not built, the worker is replaced.
    const third = b.build(src(3));
    fakes[0]!.answer(fakes[0]!.sent[2]!.id, 3, [{ keep: 2, count: 5 }]);
    expect(await third).toMatchObject({ ok: false, notBuilt: true });
    expect(fakes[0]!.terminated()).toBe(true);
    const fourth = b.build(src(4));
    fakes[1]!.answer(fakes[1]!.sent[0]!.id, 4, [a]);
    expect(await fourth).toEqual(inWorker(4, [a]));
    vi.unstubAllGlobals();
  });
});
