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
    delete (window as { __tfsDatesWarmed?: boolean }).__tfsDatesWarmed;
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

  it('boot.js readies them in tasks of its own while the app is arriving, before <body> exists; the app then does not again', async () => {
    const tasks: Array<() => void> = [];
    const idle: Array<() => void> = [];
    (window as { requestIdleCallback?: unknown }).requestIdleCallback = (cb: () => void) => idle.push(cb);
    const laidOut: string[] = [];
    const into: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'appendChild').mockImplementation(function (this: HTMLElement, node) {
      laidOut.push((node as HTMLInputElement).type);
      into.push(this.tagName);
      return Node.prototype.appendChild.call(this, node);
    });
    const body = vi.spyOn(document, 'body', 'get').mockReturnValue(null as unknown as HTMLElement);
    const { warmDateInputs } = await import('../../renderer/ui/warmDateInputs');
    // boot.js's schedule: the next task.
    warmDateInputs((fn) => tasks.push(fn));
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    body.mockRestore();
    tasks.shift()!();
    expect(laidOut).toEqual(['date', 'time']);
    // The parser had not made <body> yet for the first one: it went under <html>, and left nothing behind.
    expect(into).toEqual(['HTML', 'BODY']);
    expect(document.querySelectorAll('input')).toHaveLength(0);
    // The app's own call once the list has shown (another module instance: the flag is the page's, not the module's).
    vi.resetModules();
    const app = await import('../../renderer/ui/warmDateInputs');
    app.warmDateInputs();
    expect(idle).toHaveLength(0);
    expect(tasks).toHaveLength(0);
  });
});

