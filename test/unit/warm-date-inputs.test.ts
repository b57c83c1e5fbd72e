// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The meeting form's date and time fields are readied in the page's first idle moments after the list shows (issue
 * 16): at once, not after a wait that would put the work where a quick officer's first click lands; one field per
 * idle moment; nothing left in the page; once per page load.
 */
describe('warmDateInputs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
    delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
  });

  it('lays out a date field, then a time field, each in an idle moment of its own, from the first one on', async () => {
    const idle: Array<() => void> = [];
    (window as { requestIdleCallback?: unknown }).requestIdleCallback = (cb: () => void) => idle.push(cb);
    const timeout = vi.spyOn(window, 'setTimeout');
    const laidOut: string[] = [];
    vi.spyOn(document.body, 'appendChild').mockImplementation(function (this: HTMLElement, node) {
      laidOut.push((node as HTMLInputElement).type);
      return HTMLElement.prototype.appendChild.call(this, node);
    });
    const { warmDateInputs } = await import('../../renderer/ui/warmDateInputs');
    warmDateInputs();
    // No timer first: the first idle moment is asked for at once.
    expect(timeout).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    idle.shift()!();
    expect(laidOut).toEqual(['date']);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    expect(laidOut).toEqual(['date', 'time']);
    expect(idle).toHaveLength(0);
    expect(document.querySelectorAll('input')).toHaveLength(0);
    // Once per page load.
    warmDateInputs();
    expect(idle).toHaveLength(0);
  });
});
