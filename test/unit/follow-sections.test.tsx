// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sectionsBehind, useFollowSections, type FollowSections, type Standing } from '../../renderer/features/minutes/useFollowSections';
import { mergeFlags } from '../../renderer/features/flags/useMeetingFlags';
import type { Flag } from '../../shared/domain/flags';
import { reactRoot } from '../helpers/react-root';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../renderer/api', () => ({ api: { call } }));

/** Another window of the app: its own channel of the same name (window-changes.ts). */
const others: BroadcastChannel[] = [];
function announceElsewhere(name: string) {
  const c = new BroadcastChannel('tfs-window-changes');
  others.push(c);
  c.postMessage({ call: name });
}
afterEach(() => {
  for (const c of others.splice(0)) c.close();
  call.mockReset();
});
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 30)));

/** The backend as another window left it: each section's stored rev, and its content's one word. */
function backend(stored: Record<string, number>) {
  const asked: string[] = [];
  call.mockImplementation(async (name: string, input: { sectionKey?: string }) => {
    asked.push(input.sectionKey ? `${name} ${input.sectionKey}` : name);
    if (name === 'minutes.outline') return { sections: Object.entries(stored).map(([key, rev]) => ({ key, rev })) };
    if (name === 'flags.list') return { flags: [], elsewhere: [] };
    if (name === 'minutes.section') return { key: input.sectionKey, rev: stored[input.sectionKey!], content: { word: `${input.sectionKey}@${stored[input.sectionKey!]}` } };
    throw new Error(`unexpected ${name}`);
  });
  return { stored, asked };
}

function page(o: Partial<FollowSections> & { revs: Map<string, number> }) {
  const followed: string[] = [];
  const waiting: { now: string[] } = { now: [] };
  const props: FollowSections = {
    meetingId: 'm1',
    revOf: (k) => o.revs.get(k),
    standing: o.standing ?? (() => 'free'),
    follow: (key, s) => {
      followed.push(`${key}@${s.rev}`);
      o.revs.set(key, s.rev);
    },
    takeFlags: o.takeFlags ?? (() => undefined),
    defer: o.defer ?? ((fn) => (fn(), { cancel: () => undefined })),
  };
  function Page() {
    waiting.now = [...useFollowSections(props).waiting];
    return null;
  }
  reactRoot().render(<Page />);
  return { followed, waiting };
}

describe('the sections another window saved', () => {
  it('are those loaded here whose stored rev is newer', () => {
    const mine = new Map([
      ['opening', 3],
      ['i1', 5],
      ['i2', 7],
    ]);
    const stored = [
      { key: 'opening', rev: 4 },
      { key: 'i1', rev: 5 },
      { key: 'i2', rev: 6 }, // older than here (this window's save answered first): not behind
      { key: 'i3', rev: 9 }, // not loaded here: it loads its newest words anyway
    ];
    expect(sectionsBehind(stored, (k) => mine.get(k))).toEqual(['opening']);
  });
});

describe('a minutes page told that another window saved words or set a flag', () => {
  it('shows the newer words of each section loaded here that is free, and takes the flag records', async () => {
    const { asked } = backend({ opening: 4, i1: 5, i2: 2 });
    const takeFlags = vi.fn();
    const { followed } = page({ revs: new Map([['opening', 3], ['i1', 5]]), takeFlags });
    announceElsewhere('minutes.saveSection');
    await settle();
    expect(followed).toEqual(['opening@4']);
    expect(asked).toEqual(['minutes.outline', 'flags.list', 'minutes.section opening']);
    expect(takeFlags).toHaveBeenCalledWith({ flags: [], elsewhere: [] });
    // A flag changed there: looked at the same way.
    announceElsewhere('flags.update');
    await settle();
    expect(takeFlags).toHaveBeenCalledTimes(2);
    expect(followed).toEqual(['opening@4']);
  });

  it('looks when the officer comes back to the window (a window of another launch is never told)', async () => {
    const { stored } = backend({ opening: 4 });
    const { followed } = page({ revs: new Map([['opening', 3]]) });
    await settle();
    expect(call).not.toHaveBeenCalled();
    window.dispatchEvent(new FocusEvent('focus'));
    await settle();
    expect(followed).toEqual(['opening@4']);
    // The tab shown again after another save there: looked at again.
    stored.opening = 6;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(followed).toEqual(['opening@4']);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(followed).toEqual(['opening@4', 'opening@6']);
  });

  it('leaves a section that is busy (the caret in it) as it is, says so, and looks again when the focus has left it', async () => {
    backend({ opening: 4 });
    let standing: Standing = 'busy';
    const { followed, waiting } = page({ revs: new Map([['opening', 3]]), standing: () => standing });
    announceElsewhere('minutes.saveSection');
    await settle();
    expect(followed).toEqual([]);
    expect(waiting.now).toEqual(['opening']);
    // The focus moves but the section is still not free: nothing is looked at again.
    call.mockClear();
    document.dispatchEvent(new Event('focusout'));
    await settle();
    expect(call).not.toHaveBeenCalled();
    standing = 'free';
    document.dispatchEvent(new Event('focusout'));
    await settle();
    expect(followed).toEqual(['opening@4']);
    expect(waiting.now).toEqual([]);
    // Followed: no more looks on a focus change.
    call.mockClear();
    document.dispatchEvent(new Event('focusout'));
    await settle();
    expect(call).not.toHaveBeenCalled();
  });

  it('leaves a section holding unsaved words as it is, and does not say it waits: their save is refused and kept', async () => {
    backend({ opening: 4 });
    const { followed, waiting } = page({ revs: new Map([['opening', 3]]), standing: () => 'unsaved' });
    announceElsewhere('minutes.saveSection');
    await settle();
    expect(followed).toEqual([]);
    expect(waiting.now).toEqual([]);
  });

  it('waits for a pause in this window’s typing to read, and again to show the section anew', async () => {
    const { asked } = backend({ opening: 4 });
    const pauses: Array<() => void> = [];
    const { followed } = page({ revs: new Map([['opening', 3]]), defer: (fn) => (pauses.push(fn), { cancel: () => undefined }) });
    announceElsewhere('minutes.saveSection');
    await settle();
    expect(asked).toEqual([]);
    pauses.shift()!();
    await settle();
    expect(asked).toEqual(['minutes.outline', 'flags.list', 'minutes.section opening']);
    expect(followed).toEqual([]);
    pauses.shift()!();
    await settle();
    expect(followed).toEqual(['opening@4']);
  });

  it('does not take back a save of this window that answered while the section was being read', async () => {
    const revs = new Map([['opening', 3]]);
    call.mockImplementation(async (name: string) => {
      if (name === 'minutes.outline') return { sections: [{ key: 'opening', rev: 4 }] };
      if (name === 'flags.list') return { flags: [], elsewhere: [] };
      revs.set('opening', 5); // this window's save, acknowledged meanwhile at rev 5
      return { key: 'opening', rev: 4, content: {} };
    });
    const { followed } = page({ revs });
    announceElsewhere('minutes.saveSection');
    await settle();
    expect(followed).toEqual([]);
  });

  it('makes one look at a time, and one more after it when told again meanwhile', async () => {
    let release: () => void = () => undefined;
    const outlines: number[] = [];
    call.mockImplementation(async (name: string) => {
      if (name === 'minutes.outline') {
        outlines.push(outlines.length);
        if (outlines.length === 1) await new Promise<void>((r) => (release = r));
        return { sections: [] };
      }
      return { flags: [], elsewhere: [] };
    });
    page({ revs: new Map() });
    announceElsewhere('minutes.saveSection');
    await settle();
    announceElsewhere('minutes.saveSection');
    announceElsewhere('flags.create');
    await settle();
    expect(outlines).toEqual([0]);
    release();
    await settle();
    expect(outlines).toEqual([0, 1]);
  });

  it('is not told of what does not change a section’s words or its flags', async () => {
    backend({ opening: 4 });
    const { followed } = page({ revs: new Map([['opening', 3]]) });
    for (const name of ['minutes.section', 'flags.list', 'live.goto', 'attendance.arrive', 'agenda.update']) announceElsewhere(name);
    await settle();
    expect(call).not.toHaveBeenCalled();
    expect(followed).toEqual([]);
  });
});

describe('flag records taken from another window', () => {
  const flag = (id: string, updatedAt: string, createdAt = '2026-12-01T10:00:00.000Z'): Flag => ({ id, createdAt, updatedAt }) as Flag;
  it('adds the new ones, replaces those newer there, keeps the rest, in order of creation', () => {
    const mine = [flag('a', '2026-12-01T10:00:05.000Z'), flag('b', '2026-12-01T10:00:09.000Z', '2026-12-01T10:00:01.000Z')];
    const theirs = [flag('a', '2026-12-01T10:00:07.000Z'), flag('b', '2026-12-01T10:00:02.000Z', '2026-12-01T10:00:01.000Z'), flag('c', '2026-12-01T10:00:03.000Z', '2026-12-01T10:00:02.000Z')];
    const merged = mergeFlags(mine, theirs)!;
    expect(merged.map((f) => [f.id, f.updatedAt])).toEqual([
      ['a', '2026-12-01T10:00:07.000Z'],
      ['b', '2026-12-01T10:00:09.000Z'], // this window's save answered after the list was read: kept
      ['c', '2026-12-01T10:00:03.000Z'],
    ]);
    // A record this window has and the list has not (created here after the list was read): kept.
    expect(mergeFlags([flag('z', '2026-12-01T11:00:00.000Z')], [])).toBeNull();
    expect(mergeFlags(merged, theirs)).toBeNull();
  });
});
