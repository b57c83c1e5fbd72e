// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLoad } from '../../renderer/ui/kit';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

/** What the component showed at each render: its value and whether it said it was loading. */
function mountLoad(load: () => Promise<string>, initial?: () => string | undefined) {
  const renders: Array<[string | undefined, boolean]> = [];
  function Probe() {
    const r = useLoad(load, [], initial);
    renders.push([r.value, r.loading]);
    return null;
  }
  const host = document.createElement('div');
  root = createRoot(host);
  act(() => root!.render(<Probe />));
  return renders;
}

describe('useLoad with a value already at hand (issue 16: an answer that came before the first render)', () => {
  it('shows it in the first render, not loading, and does not ask again on mount', async () => {
    const load = vi.fn(() => Promise.resolve('asked'));
    const renders = mountLoad(load, () => 'early');
    await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
    expect(renders[0]).toEqual(['early', false]);
    expect(load).not.toHaveBeenCalled();
    expect(renders.at(-1)).toEqual(['early', false]);
  });

  it('with nothing at hand: loading first, then the answer it asked for', async () => {
    const load = vi.fn(() => Promise.resolve('asked'));
    const renders = mountLoad(load, () => undefined);
    await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
    expect(renders[0]).toEqual([undefined, true]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(renders.at(-1)).toEqual(['asked', false]);
  });
});
