import { describe, expect, it, vi } from 'vitest';
import type { PreviewReply, PreviewRequest } from '../../renderer/features/preview/previewBuilder';
import { createPreviewBuilder } from '../../renderer/features/preview/previewBuilder';
import type { PreviewSource } from '../../renderer/features/preview/previewInput';

// The preview's code in the page, as the builder sees it: each build says where it ran and from what.
vi.mock('../../renderer/features/preview/previewInput', () => ({
  buildPreview: (src: { n: number }) => ({ ok: true, inPage: src.n }),
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
    answer: (id: number, n: number) => w.onmessage!({ data: { id, result: { ok: true, inWorker: n } } } as unknown as MessageEvent<PreviewReply>),
    fail: () => w.onerror!({ preventDefault() {} } as ErrorEvent),
  };
}
const src = (n: number) => ({ n }) as unknown as PreviewSource;

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
    expect(await one).toEqual({ ok: true, inWorker: 1 });
    expect(await two).toEqual({ ok: true, inWorker: 2 });
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
    expect(await three).toEqual({ ok: true, inWorker: 3 }); // the worker still builds the others

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
    expect(await next).toEqual({ ok: true, inWorker: 2 });
    vi.unstubAllGlobals();
  });
});
