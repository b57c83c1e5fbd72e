// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MinutesEditorHandle } from '../../renderer/editor';
import { endEditorWaits, withEditor } from '../../renderer/features/minutes/editorReady';

/** A jump to a section whose editor is not on the page yet waits for it, unless something newer came first. */
const handle = { focus: vi.fn() } as unknown as MinutesEditorHandle;
let editors: { current: Map<string, MinutesEditorHandle> };

beforeEach(() => {
  vi.useFakeTimers();
  editors = { current: new Map() };
  document.body.innerHTML = ['a', 'b'].map((k) => `<section id="section-${k}"><div class="section-placeholder" tabindex="0"></div></section>`).join('') + '<input id="elsewhere">';
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => vi.useRealTimers());

describe('withEditor', () => {
  it('focuses the placeholder (which asks for the editor), then runs with the editor once it mounts', () => {
    const then = vi.fn();
    withEditor(editors, 'a', then);
    expect(document.activeElement).toBe(document.querySelector('#section-a .section-placeholder'));
    vi.advanceTimersByTime(200);
    expect(then).not.toHaveBeenCalled();
    document.querySelector('#section-a .section-placeholder')!.remove(); // the editor replaces it
    editors.current.set('a', handle);
    vi.advanceTimersByTime(60);
    expect(then).toHaveBeenCalledExactlyOnceWith(handle);
  });

  it('ends without running when a later jump started, or the officer moved the focus out of the section', () => {
    const first = vi.fn();
    withEditor(editors, 'a', first);
    const second = vi.fn();
    withEditor(editors, 'b', second);
    editors.current.set('a', handle);
    editors.current.set('b', handle);
    vi.advanceTimersByTime(60);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();

    editors.current.clear();
    const third = vi.fn();
    withEditor(editors, 'a', third);
    document.getElementById('elsewhere')!.focus(); // the officer clicked into something else
    editors.current.set('a', handle);
    vi.advanceTimersByTime(60);
    expect(third).not.toHaveBeenCalled();
  });

  it('says so (undefined) when the editor never came', () => {
    const then = vi.fn();
    withEditor(editors, 'a', then, 500);
    vi.advanceTimersByTime(600);
    expect(then).toHaveBeenCalledExactlyOnceWith(undefined);
  });

  it('ends every wait, without running it or reading the page again, when the page that asked has gone', () => {
    const then = vi.fn();
    withEditor(editors, 'a', then, 500);
    endEditorWaits();
    // What a test environment torn down (or a page unloaded) looks like to a timer still pending: no document.
    const active = vi.spyOn(document, 'activeElement', 'get').mockImplementation(() => {
      throw new ReferenceError('document is not defined');
    });
    editors.current.set('a', handle);
    expect(() => vi.advanceTimersByTime(600)).not.toThrow();
    expect(then).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    active.mockRestore();
  });
});
