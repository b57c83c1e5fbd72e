// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { onDemand, useOnDemand, type OnDemand } from '../../renderer/ui/onDemand';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

/** The minutes page's and the Procedure tab's code (app/minutes-chunk.ts, features/procedure/LazyProcedurePanel.tsx). */
describe('code loaded on demand', () => {
  it('is asked for once however many ask; a failed load is not kept, the next ask tries again', async () => {
    let calls = 0;
    let fail = true;
    const code = onDemand(async () => {
      calls++;
      if (fail) throw new Error('offline chunk');
      return { page: 'code' };
    });
    expect(code.now()).toBeNull();
    await expect(Promise.all([code.load(), code.load()])).rejects.toThrow('offline chunk');
    expect(calls).toBe(1);
    expect(code.now()).toBeNull();
    fail = false;
    await expect(code.load()).resolves.toEqual({ page: 'code' });
    expect(calls).toBe(2);
    expect(code.now()).toEqual({ page: 'code' });
    await code.load();
    expect(calls).toBe(2);
  });

  function mount(code: OnDemand<{ page: string }>) {
    const seen: string[] = [];
    function Probe() {
      const { value, failed } = useOnDemand(code);
      seen.push(failed ? 'failed' : (value?.page ?? 'loading'));
      return null;
    }
    root = createRoot(document.createElement('div'));
    act(() => root!.render(<Probe />));
    return seen;
  }

  it('a component shows code that has come in its first render, and waits for code that has not', async () => {
    const code = onDemand(async () => ({ page: 'code' }));
    const waiting = mount(code);
    expect(waiting).toEqual(['loading']);
    await act(() => code.load());
    expect(waiting.at(-1)).toBe('code');
    act(() => root!.unmount());
    expect(mount(code)).toEqual(['code']);
  });

  it('a component says when the code could not be loaded', async () => {
    const code = onDemand<{ page: string }>(() => Promise.reject(new Error('gone')));
    const seen = mount(code);
    await act(async () => {
      await code.load().catch(() => undefined);
    });
    expect(seen.at(-1)).toBe('failed');
  });
});
