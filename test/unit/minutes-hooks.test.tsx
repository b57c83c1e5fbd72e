// @vitest-environment jsdom
import { act, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MinutesOutline, MinutesState } from '../../shared/contract/minutes';
import { emptyDoc } from '../../shared/editor/doc-model';
import { REMOVE_FLAG_COMMAND, type ChangeMeta, type MinutesEditorHandle } from '../../renderer/editor';
import type { Flag } from '../../shared/domain/flags';
import { useFlagActions } from '../../renderer/features/minutes/useFlagActions';
import { useRecords } from '../../renderer/features/records/useRecords';
import { useAutosave } from '../../renderer/features/minutes/useAutosave';
import { useLiveControls } from '../../renderer/features/live/useLiveControls';
import type { LiveState } from '../../shared/domain/minutes';
import { Blob as NodeBlob } from 'node:buffer';

// A browser's Blob: jsdom's has no arrayBuffer() (a section's save reads its JSON with it on the way to the bridge).
globalThis.Blob = NodeBlob as unknown as typeof Blob;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * The backend as the renderer's bridge sees it: every call recorded, answered by `answer`. A call whose input the
 * page wrote as JSON (callJson: a section's save) is recorded as what that JSON says, and marked as such.
 */
function fakeBridge(answer: (name: string, input: Record<string, unknown>) => unknown) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  const call = async (name: string, input: Record<string, unknown>) => {
    calls.push([name, input]);
    try {
      return { ok: true, value: answer(name, input) };
    } catch (e) {
      return { ok: false, error: { code: 'storage', message: (e as Error).message } };
    }
  };
  (window as unknown as { taskforce: unknown }).taskforce = {
    call,
    callJson: (name: string, json: Uint8Array) => {
      expect(json).toBeInstanceOf(Uint8Array);
      return call(name, { ...(JSON.parse(new TextDecoder().decode(json)) as Record<string, unknown>), viaJson: true });
    },
  };
  return calls;
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});
function mount(el: React.ReactElement) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(el));
}
const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

const state = (status: 'draft' | 'approved'): MinutesState => ({
  minutes: { meetingId: 'm1', status, version: 1, updatedAt: null },
  sections: [
    { key: 'opening', kind: 'opening', number: '', title: 'Opening', content: emptyDoc(), rev: 0, updatedAt: null },
    { key: 'gone', kind: 'orphan', number: '', title: 'Removed', content: emptyDoc(), rev: 0, updatedAt: null },
  ],
  live: { meetingId: 'm1', startedAt: null, endedAt: null, currentSection: null, runningSection: null, sections: [], asOf: '2026-01-30T09:00:00.000Z' },
  decisions: [],
  actions: [],
  attendance: { participants: [], summary: { organisationsRepresented: [], counts: { in_person: 0, remote: 0, excused: 0, absent: 0 } } },
});

describe('useRecords', () => {
  it('a captured record is created and acknowledged; a failed change is reported and marked, never dropped', async () => {
    const calls = fakeBridge((name, input) => {
      if (name === 'actions.create') return { id: 'a1', meetingId: 'm1', sectionKey: 'opening', text: input.text, owner: '', dueDate: '', status: 'open', createdAt: 'x', updatedAt: 'x' };
      throw new Error('The data file cannot be written.');
    });
    const reported: string[] = [];
    const out: { current?: ReturnType<typeof useRecords> } = {};
    const put = vi.fn();
    function Probe() {
      const ref = useRef<MinutesState | null>(state('draft'));
      out.current = useRecords({ meetingId: 'm1', stateRef: ref, putDecision: put, putAction: put, patch: () => {}, report: (doing) => reported.push(doing) });
      return null;
    }
    mount(<Probe />);
    let id: string | null = null;
    await act(async () => {
      id = await out.current!.capture('opening')('action', 'Circulate the draft');
    });
    expect(id).toBe('a1');
    expect(out.current!.saves.a1).toBe('saved');
    expect(put).toHaveBeenCalledWith(expect.objectContaining({ id: 'a1', text: 'Circulate the draft' }));
    await act(async () => void (await out.current!.updateAction('a1', { owner: 'Anthropic' })));
    expect(out.current!.saves.a1).toBe('failed');
    expect(reported).toEqual(['Saving an action item']);
    expect(calls.map((c) => c[0])).toEqual(['actions.create', 'actions.update']);
  });

  it('follows records recorded, changed or deleted in another window; not the text of one its minutes show, not one changed here meanwhile', async () => {
    const action = (id: string, text: string, owner: string) => ({ id, meetingId: 'm1', sectionKey: 'opening', text, owner, dueDate: '', status: 'open' as 'open' | 'done' | 'cancelled', createdAt: 'x', updatedAt: 'x' });
    let stored = [action('a0', 'Text there', 'Aleph Alpha'), action('a1', 'Text there', 'Mistral'), action('a3', 'New there', '')];
    const calls = fakeBridge((name, input) => {
      if (name === 'actions.list') return stored;
      if (name === 'decisions.list') return [];
      if (name === 'actions.update') return { ...action(input.id as string, 'x', ''), ...input };
      throw new Error(`unexpected ${name}`);
    });
    let page = { ...state('draft'), actions: [action('a0', 'Text here', ''), action('a1', 'Text here', ''), action('a2', 'Mine', ''), action('gone', 'Deleted there', '')] } as unknown as MinutesOutline;
    const out: { current?: ReturnType<typeof useRecords> } = {};
    function Probe() {
      const ref = useRef<MinutesState | null>(null);
      ref.current = page as unknown as MinutesState;
      out.current = useRecords({ meetingId: 'm1', stateRef: ref, putDecision: () => {}, putAction: () => {}, patch: (f) => (page = f(page)), report: () => {} });
      return null;
    }
    mount(<Probe />);
    // This window's minutes show a1's block (as the records are); a0's block is in no section open here.
    const meta = (records: Array<{ recordId: string; text: string }>) => ({ flagIds: [], wordCount: 0, records: records.map((r) => ({ kind: 'action' as const, ...r })) }) as unknown as ChangeMeta;
    act(() => out.current!.syncText(meta([{ recordId: 'a1', text: 'Text here' }])));
    // A look begins; meanwhile this window changes a2 (stored there without it, as the look's answer says).
    stored = [stored[0]!, stored[1]!, action('a2', 'Mine', ''), stored[2]!];
    const seen = await out.current!.look();
    await act(async () => void (await out.current!.updateAction('a2', { owner: 'Anthropic' })));
    const before = page.actions[2];
    act(() => out.current!.follow(seen));
    // a0: all of it followed, its text too; a1: the owner followed, this window's text kept (its block here); a2:
    // changed here since the look began, this window's own; a3 new there, listed; 'gone', deleted there, gone.
    expect(page.actions.map((a) => [a.id, a.text, a.owner])).toEqual([
      ['a0', 'Text there', 'Aleph Alpha'],
      ['a1', 'Text here', 'Mistral'],
      ['a2', 'Mine', ''],
      ['a3', 'New there', ''],
    ]);
    expect(page.actions[2]).toBe(before);
    // The same answer again: the same state.
    const same = page;
    act(() => out.current!.follow(seen));
    expect(page).toBe(same);
    // a0's block, older than the text followed, shows here for the first time: not sent back. a1's block changed
    // here: sent.
    calls.length = 0;
    act(() => out.current!.syncText(meta([{ recordId: 'a0', text: 'Text here' }, { recordId: 'a1', text: 'Text here, edited' }])));
    await flush();
    expect(calls.map((c) => [c[0], c[1].id, c[1].text])).toEqual([['actions.update', 'a1', 'Text here, edited']]);
  });

  it('a record text whose sending failed is sent again with the next change of the minutes; an unchanged one is not sent again', async () => {
    let fail = true;
    const calls = fakeBridge((name, input) => {
      if (fail) throw new Error('The data file cannot be written.');
      return { id: input.id, meetingId: 'm1', sectionKey: 'opening', text: input.text, outcome: 'adopted', createdAt: 'x', updatedAt: 'x' };
    });
    const page = { ...state('draft'), decisions: [{ id: 'd1', meetingId: 'm1', sectionKey: 'opening', text: 'Old', outcome: 'adopted', createdAt: 'x', updatedAt: 'x' }] } as unknown as MinutesState;
    const out: { current?: ReturnType<typeof useRecords> } = {};
    function Probe() {
      const ref = useRef<MinutesState | null>(page);
      out.current = useRecords({ meetingId: 'm1', stateRef: ref, putDecision: () => {}, putAction: () => {}, patch: () => {}, report: () => {} });
      return null;
    }
    mount(<Probe />);
    const meta = { flagIds: [], wordCount: 0, records: [{ kind: 'decision', recordId: 'd1', text: 'New' }] } as unknown as ChangeMeta;
    act(() => out.current!.syncText(meta));
    await flush();
    expect(calls).toHaveLength(1);
    fail = false;
    act(() => out.current!.syncText(meta));
    await flush();
    expect(calls).toHaveLength(2);
    expect(calls[1]![1]).toEqual({ id: 'd1', text: 'New' });
    // Stored: the same block again is not sent again.
    act(() => out.current!.syncText(meta));
    await flush();
    expect(calls).toHaveLength(2);
  });
});

describe('useAutosave', () => {
  /** `editable`: whether the editors still take keys (the page makes them read-only once it shows the approval). */
  function setup(status: 'draft' | 'approved', editable = status !== 'approved') {
    const calls = fakeBridge((name) => (name === 'minutes.saveSection' ? { sectionKey: 'opening', rev: 1, savedAt: '2026-01-30T09:00:01.000Z', flags: [] } : { flags: [] }));
    const out: { current?: ReturnType<typeof useAutosave> } = {};
    const handleOf = (isEditable: boolean) =>
      ({ getEditor: () => ({ isEditable: () => isEditable }), getContent: () => emptyDoc(), readForSave: () => ({ result: Promise.resolve({ doc: emptyDoc(), json: new Blob([JSON.stringify(emptyDoc())]) }), finishNow: () => {} }), getMeta: () => ({ flagIds: [], records: [], wordCount: 0 }), liftedByUndo: () => [], acknowledgeLiftedByUndo: () => {} }) as unknown as MinutesEditorHandle;
    function Probe() {
      const ref = useRef<MinutesState | null>(state(status));
      // A removed item's section is shown read-only.
      const editors = useRef(new Map([['opening', handleOf(editable)], ['gone', handleOf(false)]]));
      out.current = useAutosave({ meetingId: 'm1', stateRef: ref, editors, saved: () => {}, report: () => {}, flagsSaved: () => {} });
      return null;
    }
    mount(<Probe />);
    return { calls, out };
  }

  it('approved minutes and removed items save nothing (no false "Not saved")', async () => {
    const { calls, out } = setup('approved');
    act(() => out.current!.changed('opening'));
    await act(async () => void (await out.current!.flushAll()));
    expect(calls).toEqual([]);
    expect(out.current!.statuses).toEqual({});
  });

  it('keys that land in an editor not yet read-only when another window’s approval arrives are sent (refused and kept), not dropped', async () => {
    const { calls, out } = setup('approved', true);
    act(() => out.current!.changed('opening'));
    await act(async () => void (await out.current!.flushAll()));
    await flush();
    expect(calls.filter((c) => c[0] === 'minutes.saveSection').map((c) => c[1].sectionKey)).toEqual(['opening']);
  });

  it('a change of a draft section is saved and acknowledged; a removed item still saves nothing', async () => {
    const { calls, out } = setup('draft');
    act(() => {
      out.current!.changed('opening');
      out.current!.changed('gone');
    });
    await act(async () => void (await out.current!.flushAll()));
    await flush();
    expect(calls.filter((c) => c[0] === 'minutes.saveSection').map((c) => c[1].sectionKey)).toEqual(['opening']);
    // The save crossed as the JSON the page made while reading the section, and it says the whole input.
    expect(calls.find((c) => c[0] === 'minutes.saveSection')![1]).toEqual({ content: emptyDoc(), meetingId: 'm1', sectionKey: 'opening', baseRev: 0, writer: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown, viaJson: true });
    expect(out.current!.statuses.opening).toMatchObject({ state: 'saved', rev: 1 });
    expect(out.current!.statuses.gone).toBeUndefined();
  });

  it('a bridge that refuses the JSON bytes (an older preload) still gets the save, as a plain call', async () => {
    const { calls, out } = setup('draft');
    const bridge = (window as unknown as { taskforce: { callJson: unknown } }).taskforce;
    bridge.callJson = () => Promise.reject(new Error('no such channel'));
    act(() => out.current!.changed('opening'));
    await act(async () => void (await out.current!.flushAll()));
    await flush();
    expect(calls.filter((c) => c[0] === 'minutes.saveSection').map((c) => c[1])).toEqual([expect.objectContaining({ sectionKey: 'opening', content: emptyDoc(), baseRev: 0 })]);
    expect(calls[0]![1].viaJson).toBeUndefined();
    expect(out.current!.statuses.opening).toMatchObject({ state: 'saved', rev: 1 });
  });
});

describe('useFlagActions', () => {
  it('lifting a flag waits for the section’s save on its way first: a save carrying the mark after the lift would put the flag back in force', async () => {
    const order: string[] = [];
    fakeBridge((name, input) => {
      order.push(`${name} ${typeof input.id === 'string' ? input.id : ''}`);
      if (name === 'flags.unflag') return { id: input.id, retiredAt: '2026-01-30T09:00:02.000Z' };
      throw new Error(`unexpected ${name}`);
    });
    const editor = { dispatchCommand: (cmd: unknown, id: unknown) => void order.push(`remove mark ${String(id)} ${cmd === REMOVE_FLAG_COMMAND ? 'ok' : '?'}`) };
    const handle = { getEditor: () => editor } as unknown as MinutesEditorHandle;
    const upserted: unknown[] = [];
    let saveDone: () => void = () => undefined;
    const out: { current?: ReturnType<typeof useFlagActions> } = {};
    function Probe() {
      const editors = useRef(new Map([['opening', handle]]));
      out.current = useFlagActions({
        meetingId: 'm1',
        editors,
        upsertFlag: (f) => void upserted.push(f),
        report: () => {},
        changed: () => {},
        // A save of the section is on its way (e.g. the one after the last flagging): it ends when the test says so.
        flush: (key) =>
          new Promise<void>((resolve) => {
            order.push(`flush ${key}`);
            saveDone = () => {
              order.push('save acknowledged');
              resolve();
            };
          }),
        clearNotice: () => {},
      });
      return null;
    }
    mount(<Probe />);
    const flag = { id: 'f1', sectionKey: 'opening' } as unknown as Flag;
    let lifted: Promise<void> = Promise.resolve();
    act(() => void (lifted = out.current!.unflag(flag)));
    await flush();
    expect(order).toEqual(['flush opening']); // nothing lifted while the save is on its way
    act(() => saveDone());
    await act(async () => void (await lifted));
    expect(order).toEqual(['flush opening', 'save acknowledged', 'flags.unflag f1', 'remove mark f1 ok']);
    expect(upserted).toEqual([expect.objectContaining({ id: 'f1', retiredAt: '2026-01-30T09:00:02.000Z' })]);
  });
});

describe('useLiveControls', () => {
  /**
   * A running meeting at the opening, items a, b, c. The backend answers each move at once, but the page's state shows
   * a move only when the test "renders" (`show`): presses come faster than the state follows.
   */
  function setup(refuse: string[] = []) {
    const calls = fakeBridge((name, input) => {
      if (name !== 'live.goto') throw new Error(`unexpected ${name}`);
      if (refuse.includes(input.sectionKey as string)) throw new Error('Refused.');
      return { ...running.live, currentSection: input.sectionKey };
    });
    const base = state('draft');
    const running: MinutesState = {
      ...base,
      sections: ['opening', 'a', 'b', 'c', 'closing'].map((key) => ({ ...base.sections[0]!, key, kind: key === 'opening' || key === 'closing' ? key : 'item' })),
      live: { ...base.live, startedAt: '2026-01-30T09:00:00.000Z', currentSection: 'opening' },
    };
    const stateRef = { current: running as MinutesState | null };
    const answered: LiveState[] = [];
    const flushed: string[] = [];
    const reported: string[] = [];
    const out: { current?: ReturnType<typeof useLiveControls> } = {};
    function Probe() {
      const editors = useRef(new Map<string, MinutesEditorHandle>());
      out.current = useLiveControls({
        meetingId: 'm1',
        stateRef,
        editors,
        setLive: (l) => void answered.push(l),
        setCurrentLocally: () => {},
        flush: async (key) => void flushed.push(key),
        flushAll: async () => {},
        leave: () => {},
        report: (doing) => reported.push(doing),
      });
      return null;
    }
    mount(<Probe />);
    const show = (current = answered.at(-1)?.currentSection ?? null) => {
      stateRef.current = { ...stateRef.current!, live: { ...stateRef.current!.live, currentSection: current } };
    };
    const moved = () => calls.filter((c) => c[0] === 'live.goto').map((c) => c[1].sectionKey);
    return { out, show, moved, flushed, reported };
  }

  it('counts every press of Next from where the meeting is going, and moves in the order pressed', async () => {
    const t = setup();
    act(() => [1, 1, 1].forEach(() => t.out.current!.step(1)));
    await flush();
    expect(t.moved()).toEqual(['a', 'b', 'c']);
    expect(t.flushed).toEqual(['opening', 'a', 'b']); // each move saves the section it leaves
    t.show(); // the state catches up: at c
    act(() => t.out.current!.step(-1));
    await flush();
    expect(t.moved()).toEqual(['a', 'b', 'c', 'b']);
  });

  it('a refused move (the officer is told) leaves later presses counting from where the meeting is', async () => {
    const t = setup(['a']);
    act(() => t.out.current!.step(1));
    await flush();
    expect(t.reported).toEqual(['Moving the meeting to the next item']);
    act(() => t.out.current!.step(1));
    await flush();
    expect(t.moved()).toEqual(['a', 'a']);
  });

  it('a current section set another way starts anew from it', async () => {
    const t = setup();
    act(() => t.out.current!.step(1));
    await flush();
    t.show('c'); // e.g. another device moved the meeting, and the page's state shows it
    act(() => t.out.current!.step(1));
    await flush();
    expect(t.moved()).toEqual(['a', 'closing']);
  });
});
