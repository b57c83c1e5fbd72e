// @vitest-environment jsdom
import { act, StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { LazyPreviewSource } from '../../renderer/features/preview/previewBuilder';
import { PREVIEW_DEBOUNCE_MS, usePublicPreview } from '../../renderer/features/preview/usePublicPreview';
import { reactRoot } from '../helpers/react-root';

// Builds the test finishes by hand: what each was asked to build from, and its answer.
// A disposed builder answers its waiting builds as not built, as the real one does.
const builds = vi.hoisted(() => ({ asked: [] as Array<{ src: unknown; done: (r: unknown) => void }> }));
vi.mock('../../renderer/features/preview/previewBuilder', () => ({
  createPreviewBuilder: () => {
    const mine: Array<(r: unknown) => void> = [];
    return {
      build: (src: unknown) =>
        new Promise((done) => {
          builds.asked.push({ src, done });
          mine.push(done);
        }),
      dispose: () => {
        for (const done of mine) done({ ok: false, message: 'The preview was closed.' });
      },
    };
  },
}));

type Hook = ReturnType<typeof usePublicPreview>;
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const debounce = () => act(async () => void (await new Promise((r) => setTimeout(r, PREVIEW_DEBOUNCE_MS + 20))));

describe('usePublicPreview with builds off the page’s thread', () => {
  it('one build at a time: a change during a build is built after it, and the preview stays stale until then', async () => {
    const seen = { hook: null as Hook | null, source: { v: 1 } as unknown as LazyPreviewSource };
    function Page() {
      seen.hook = usePublicPreview(true, () => seen.source);
      return null;
    }
    reactRoot().render(<Page />);
    await settle();
    expect(builds.asked.map((b) => b.src)).toEqual([{ v: 1 }]);

    // A change while the first build runs: no second build yet.
    seen.source = { v: 2 } as unknown as LazyPreviewSource;
    act(() => seen.hook!.changed());
    await debounce();
    expect(builds.asked).toHaveLength(1);

    // The first answer shows, still stale (it does not hold the change); the change's build starts then.
    await act(async () => builds.asked[0]!.done({ ok: true, v: 1 }));
    await settle();
    expect(seen.hook!.result).toEqual({ ok: true, v: 1 });
    expect(seen.hook!.stale).toBe(true);
    expect(builds.asked.map((b) => b.src)).toEqual([{ v: 1 }, { v: 2 }]);

    await act(async () => builds.asked[1]!.done({ ok: true, v: 2 }));
    await settle();
    expect(seen.hook!.result).toEqual({ ok: true, v: 2 });
    expect(seen.hook!.stale).toBe(false);
  });

  it('the answer of a builder disposed meanwhile (StrictMode runs the effects twice) is not shown; the next build is', async () => {
    builds.asked.length = 0;
    const seen = { hook: null as Hook | null };
    function Page() {
      seen.hook = usePublicPreview(true, () => ({ v: 3 }) as unknown as LazyPreviewSource);
      return null;
    }
    reactRoot().render(
      <StrictMode>
        <Page />
      </StrictMode>,
    );
    await settle();
    expect(seen.hook!.result).toBeNull();
    const last = builds.asked[builds.asked.length - 1]!;
    await act(async () => last.done({ ok: true, v: 3 }));
    await settle();
    expect(seen.hook!.result).toEqual({ ok: true, v: 3 });
    expect(seen.hook!.stale).toBe(false);
  });
});
