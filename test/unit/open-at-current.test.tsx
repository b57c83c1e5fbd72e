// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useOpenAtCurrent } from '../../renderer/features/minutes/useOpenAtCurrent';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Reopened during a meeting, the minutes page shows the item under discussion, unless the officer started first. */
type Live = { startedAt: string | null; endedAt: string | null; currentSection: string | null };
const running: Live = { startedAt: '2026-01-30T09:00:00Z', endedAt: null, currentSection: 'item-3' };

function Probe(p: { id: string; live: Live | null; mounted: ReadonlySet<string>; reveal: (key: string) => void }) {
  useOpenAtCurrent(p.id, p.live ? { live: p.live as never } : null, (k) => p.mounted.has(k), p.reveal);
  return null;
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});
function page(reveal: (key: string) => void) {
  root = createRoot(document.createElement('div'));
  return (id: string, live: Live | null, mounted: string[]) => act(() => root!.render(<Probe id={id} live={live} mounted={new Set(mounted)} reveal={reveal} />));
}

describe('the minutes of a running meeting, opened again', () => {
  it('show the current item once its editor is on the page, and only once', () => {
    const reveal = vi.fn();
    const render = page(reveal);
    render('m1', null, []); // the outline has not come yet
    render('m1', running, ['opening']);
    expect(reveal).not.toHaveBeenCalled(); // its editor is not there yet
    render('m1', running, ['opening', 'item-3']);
    expect(reveal).toHaveBeenCalledExactlyOnceWith('item-3');
    // Later renders, and "Next item" moving the meeting on, move nothing more.
    render('m1', { ...running, currentSection: 'item-4' }, ['opening', 'item-3', 'item-4']);
    expect(reveal).toHaveBeenCalledOnce();
    // Another meeting opened in the same page: its own current item.
    render('m2', { ...running, currentSection: 'closing' }, ['opening', 'closing']);
    expect(reveal).toHaveBeenLastCalledWith('closing');
  });

  for (const [what, event] of [
    ['a key', new KeyboardEvent('keydown', { key: 'a', bubbles: true })],
    ['a click', new Event('pointerdown', { bubbles: true })],
    ['the wheel', new Event('wheel', { bubbles: true })],
  ] as const) {
    it(`move nothing once the officer has started on their own (${what}), before or after the outline came`, () => {
      for (const outlineFirst of [false, true]) {
        const reveal = vi.fn();
        const render = page(reveal);
        render('m1', outlineFirst ? running : null, ['opening']);
        act(() => void document.body.dispatchEvent(event));
        render('m1', running, ['opening', 'item-3']);
        expect(reveal, outlineFirst ? 'outline first' : 'officer first').not.toHaveBeenCalled();
        act(() => root!.unmount());
        root = null;
      }
    });
  }

  it('move nothing for a meeting not started, or ended (the officer edits from the top)', () => {
    const reveal = vi.fn();
    const render = page(reveal);
    render('m1', { ...running, startedAt: null }, ['opening', 'item-3']);
    render('m2', { ...running, endedAt: '2026-01-30T12:00:00Z' }, ['opening', 'item-3']);
    expect(reveal).not.toHaveBeenCalled();
  });
});
