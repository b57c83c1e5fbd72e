import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Array<{ root: Root; host: HTMLElement }> = [];
afterEach(() => {
  while (mounted.length) {
    const { root, host } = mounted.pop()!;
    act(() => root.unmount());
    host.remove();
  }
});

/**
 * A React root in the test's document (jsdom), unmounted and removed after the test. `render` renders into it inside
 * act(), so effects have run when it returns.
 */
export function reactRoot(): { host: HTMLElement; render: (el: ReactElement) => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  return { host, render: (el) => act(() => root.render(el)) };
}
