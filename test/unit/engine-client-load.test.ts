// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INLINE_RETRY_MS, startEngine } from '../../renderer/features/suggestions/engine-client';
import type { ToEngine } from '../../renderer/features/suggestions/engine-protocol';

/**
 * Where there is no worker (jsdom has none), the engine runs in the page, its code fetched on demand. With the app's
 * local server stopped that fetch fails: the failure is caught (no unhandled rejection), and a later message asks for
 * the code again (not before INLINE_RETRY_MS), so the suggestions come back once the server answers.
 */
describe('the in-page suggestion engine whose code could not be fetched', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('catches the failure, and a later message loads it again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const got: ToEngine[] = [];
    let tries = 0;
    let serverUp = false;
    const loadHost = () => {
      tries++;
      if (!serverUp) return Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/engine-host.js'));
      return Promise.resolve({ createEngineHost: () => (m: ToEngine) => void got.push(m) });
    };
    const restarts: number[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const engine = startEngine(() => {}, () => restarts.push(tries), loadHost);
      engine.start();
      await vi.advanceTimersByTimeAsync(2000);
      expect(tries).toBe(1);
      expect(restarts).toEqual([]);

      // Soon after: not asked again (a message per key must not be a fetch per key).
      engine.send({ type: 'drop', section: 'a' });
      await vi.advanceTimersByTimeAsync(0);
      expect(tries).toBe(1);

      // The server answers again; a later message asks for the code, and what it carried is delivered.
      serverUp = true;
      await vi.advanceTimersByTimeAsync(INLINE_RETRY_MS);
      engine.send({ type: 'drop', section: 'b' });
      await vi.advanceTimersByTimeAsync(0);
      expect(tries).toBe(2);
      expect(got).toEqual([{ type: 'drop', section: 'a' }, { type: 'drop', section: 'b' }]);
      // The page is asked to send its context and sections again.
      expect(restarts).toEqual([2]);
      engine.send({ type: 'drop', section: 'c' });
      expect(got.at(-1)).toEqual({ type: 'drop', section: 'c' });
      expect(tries).toBe(2);
      engine.dispose();
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
