// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { LazyPreviewSource } from '../../renderer/features/preview/previewBuilder';
import { PREVIEW_DEBOUNCE_MS, usePublicPreview } from '../../renderer/features/preview/usePublicPreview';
import { reactRoot } from '../helpers/react-root';

// The preview's code, as the hook sees it: each build says which build it is.
const builds = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../renderer/features/preview/previewInput', () => ({
  buildPreview: () => ({ ok: true, build: ++builds.n }),
}));

type Hook = ReturnType<typeof usePublicPreview>;

/** A page holding the preview hook: its renders are counted, the hook's latest answer kept. */
function harness() {
  const seen = { renders: 0, hook: null as Hook | null, source: { sections: [] } as unknown as LazyPreviewSource | null };
  function Page({ visible }: { visible: boolean }) {
    seen.renders++;
    seen.hook = usePublicPreview(visible, () => seen.source);
    return null;
  }
  const { render } = reactRoot();
  const show = (visible: boolean) => render(<Page visible={visible} />);
  return { seen, show };
}
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const debounce = () => act(async () => void (await new Promise((r) => setTimeout(r, PREVIEW_DEBOUNCE_MS + 20))));
const built = (h: Hook | null) => (h?.result as { build?: number } | null)?.build;

describe('usePublicPreview', () => {
  it('hidden, a change renders nothing (it came after every edit and rendered the whole minutes page); shown, it is built at once', async () => {
    const { seen, show } = harness();
    show(false);
    const renders = seen.renders;
    for (let i = 0; i < 5; i++) act(() => seen.hook!.changed());
    expect(seen.renders).toBe(renders);
    expect(seen.hook!.result).toBeNull();

    show(true);
    await settle(); // the preview's code arrives
    expect(built(seen.hook)).toBe(1);
    expect(seen.hook!.stale).toBe(false);
  });

  it('shown, a change marks it stale and it is rebuilt after the pause', async () => {
    const { seen, show } = harness();
    show(true);
    await settle();
    const first = built(seen.hook);
    act(() => seen.hook!.changed());
    expect(seen.hook!.stale).toBe(true);
    await debounce();
    expect(built(seen.hook)).toBe(first! + 1);
    expect(seen.hook!.stale).toBe(false);
  });

  it('a change missed while hidden: shown again, the old preview is marked stale until it can be rebuilt', async () => {
    const { seen, show } = harness();
    show(true);
    await settle();
    const first = built(seen.hook);
    show(false);
    act(() => seen.hook!.changed());
    // A section is not there yet (a long meeting still loading): nothing to build from, so the old one stays, stale.
    seen.source = null;
    show(true);
    expect(built(seen.hook)).toBe(first);
    expect(seen.hook!.stale).toBe(true);
    // Once it can be built, it is, and it is current again.
    seen.source = { sections: [] } as unknown as LazyPreviewSource;
    act(() => seen.hook!.changed());
    await debounce();
    expect(built(seen.hook)).toBe(first! + 1);
    expect(seen.hook!.stale).toBe(false);
  });
});
