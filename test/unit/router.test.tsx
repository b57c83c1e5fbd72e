// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useRoute, type Route } from '../../renderer/app/router';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  window.history.replaceState(null, '', '#/');
});

/**
 * The app reads the route at its first render and follows it by the hashchange event. A route change that comes after
 * the first render but before the page's effects ran (a link followed while the app starts on a loaded machine; an
 * end-to-end test's `goto` right after the page loaded) was missed: the app stayed on the first page for good — the
 * minutes page never opened (a CI run of the tables test waited 30 s for it).
 */
describe('useRoute', () => {
  it('follows a route change made between its first render and its effects', () => {
    window.history.replaceState(null, '', '#/meetings/m1');
    const seen: Route[] = [];
    let changed = false;
    function Probe() {
      seen.push(useRoute());
      return null;
    }
    function ChangesRouteWhileRendering() {
      // After Probe read the route, before any effect: the hash changes and its event fires (nobody listens yet).
      if (!changed) {
        changed = true;
        window.history.replaceState(null, '', '#/meetings/m1/minutes');
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
      return null;
    }
    root = createRoot(document.createElement('div'));
    act(() =>
      root!.render(
        <>
          <Probe />
          <ChangesRouteWhileRendering />
        </>,
      ),
    );
    expect(seen[0]).toEqual({ name: 'meeting', id: 'm1' });
    expect(seen.at(-1)).toEqual({ name: 'minutes', id: 'm1' });
  });

  it('follows later changes by the event, and keeps the same route object while the hash is the same', () => {
    window.history.replaceState(null, '', '#/');
    const seen: Route[] = [];
    function Probe() {
      seen.push(useRoute());
      return null;
    }
    root = createRoot(document.createElement('div'));
    act(() => root!.render(<Probe />));
    act(() => root!.render(<Probe />));
    expect(seen[1]).toBe(seen[0]);
    act(() => {
      window.history.replaceState(null, '', '#/search/acme');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(seen.at(-1)).toEqual({ name: 'search', q: 'acme' });
  });
});
