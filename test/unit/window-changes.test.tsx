// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceCall, ATTENDANCE_CHANGES, LIVE_CHANGES, MEETING_CHANGES, MINUTES_STATUS_CHANGES, onChangedElsewhere } from '../../renderer/window-changes';
import { onComeBack } from '../../renderer/features/minutes/onComeBack';
import { itemsRemovedElsewhere, MEETING_DELETED_ELSEWHERE, useChangedElsewhere, withFreshAgenda, withFreshOutline, type ShownItem } from '../../renderer/features/minutes/useChangedElsewhere';
import type { SectionHead } from '../../shared/contract/minutes';
import { useHeardElsewhere } from '../../renderer/features/minutes/useHeardElsewhere';
import type { AgendaItem } from '../../shared/domain/agenda';
import { reactRoot } from '../helpers/react-root';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../renderer/api', () => ({ api: { call } }));

const CHANNEL = 'tfs-window-changes';
/** Another window of the app: its own channel of the same name. */
const otherWindows: BroadcastChannel[] = [];
function otherWindow(): { heard: unknown[]; announce: (call: string) => void } {
  const c = new BroadcastChannel(CHANNEL);
  otherWindows.push(c);
  const heard: unknown[] = [];
  c.onmessage = (e: MessageEvent) => heard.push(e.data);
  return { heard, announce: (name) => c.postMessage({ call: name }) };
}
afterEach(() => {
  for (const c of otherWindows.splice(0)) c.close();
  call.mockReset();
});
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('a change told to the app’s other windows', () => {
  it('announces what changes a meeting, its agenda, the Trash, the attendance, the records, a section’s words or a flag, and nothing else', async () => {
    const other = otherWindow();
    const told = ['meetings.update', 'meetings.setStatus', 'meetings.delete', 'agenda.add', 'agenda.update', 'agenda.move', 'agenda.remove'];
    told.push('minutes.setStatus', 'minutes.reopen', 'live.start', 'live.goto', 'live.toggleTimer', 'live.end', 'trash.restore', 'trash.purge', 'trash.empty');
    told.push('attendance.set', 'attendance.arrive', 'attendance.leave', 'attendance.addPerson', 'attendance.updatePerson', 'attendance.remove');
    told.push('decisions.create', 'decisions.update', 'decisions.delete', 'actions.create', 'actions.update', 'actions.delete', 'procedure.vote', 'procedure.decide', 'procedure.clearVote');
    told.push('minutes.saveSection', 'minutes.restoreRevision', 'flags.create', 'flags.update', 'flags.unflag');
    for (const name of told) announceCall(name);
    const notTold = ['meetings.get', 'meetings.create', 'minutes.section', 'minutes.snapshot', 'flags.list', 'flags.dismissSuggestion', 'live.get', 'attendance.list', 'decisions.list', 'procedure.state'];
    for (const name of notTold) announceCall(name);
    await settle();
    expect(other.heard.map((m) => (m as { call: string }).call)).toEqual(told);
  });

  it('is heard from another window, never from this one, only for the calls listened for, and no more once the listener stops', async () => {
    const heard = vi.fn();
    const stop = onChangedElsewhere(MEETING_CHANGES, heard);
    announceCall('agenda.remove');
    await settle();
    expect(heard).not.toHaveBeenCalled();
    otherWindow().announce('agenda.remove');
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith('agenda.remove');
    // A move of the live meeting, or the minutes' status: not a change of the meeting or its agenda.
    otherWindow().announce('live.goto');
    otherWindow().announce('minutes.setStatus');
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    otherWindow().announce('meetings.delete');
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('a listener of the attendance hears its changes only: not the live meeting moving, not the agenda', async () => {
    const heard = vi.fn();
    const stop = onChangedElsewhere(ATTENDANCE_CHANGES, heard);
    for (const name of ['live.goto', 'agenda.update', 'minutes.setStatus', 'attendance.arrive', 'attendance.addPerson']) otherWindow().announce(name);
    await settle();
    expect(heard.mock.calls).toEqual([['attendance.arrive'], ['attendance.addPerson']]);
    stop();
  });
});

describe('a minutes page told by another window', () => {
  const items: ShownItem[] = [
    { key: 'i3', label: '3 Incident reporting' },
    { key: 'i4', label: '4 Any other business' },
  ];
  function Page() {
    const { note } = useChangedElsewhere('m1', items);
    return <p className="note">{note ?? ''}</p>;
  }
  const agenda = (...ids: string[]) => ({ agenda: ids.map((id) => ({ id })) });

  it('looks at once, and looks again after a change announced while it was looking', async () => {
    const answers: Array<(v: unknown) => void> = [];
    call.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const { host, render } = reactRoot();
    render(<Page />);
    const other = otherWindow();
    other.announce('agenda.remove');
    await act(settle);
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('meetings.get', { id: 'm1' });
    // Restored there while this window's look is under way: that look may have read the agenda before the restore.
    other.announce('trash.restore');
    await act(settle);
    expect(call).toHaveBeenCalledTimes(1);
    await act(async () => (answers[0]!(agenda('i4')), await settle()));
    expect(call).toHaveBeenCalledTimes(2);
    expect(host.textContent).toBe(itemsRemovedElsewhere(['3 Incident reporting']));
    await act(async () => (answers[1]!(agenda('i3', 'i4')), await settle()));
    expect(host.textContent).toBe('');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('says the meeting was deleted when the look finds no meeting', async () => {
    call.mockRejectedValue(Object.assign(new Error('No such meeting.'), { code: 'not_found' }));
    const { host, render } = reactRoot();
    render(<Page />);
    otherWindow().announce('meetings.delete');
    await act(settle);
    expect(host.textContent).toBe(MEETING_DELETED_ELSEWHERE);
  });
});

describe('the page’s agenda after another window changed it', () => {
  const item = (id: string, forPublication: boolean, title = `Item ${id}`) => ({ id, title, forPublication, number: id }) as unknown as AgendaItem;
  const page = { meeting: 'm1', agenda: [item('1', true), item('2', true), item('3', true)] };

  it('takes an item withheld elsewhere, and keeps the same object when nothing changed', () => {
    expect(withFreshAgenda(page, [item('1', true), item('2', true), item('3', true)])).toBe(page);
    const after = withFreshAgenda(page, [item('1', true), item('2', false), item('3', true)])!;
    expect(after).not.toBe(page);
    expect(after.agenda.map((a) => a.forPublication)).toEqual([true, false, true]);
    expect(after.agenda[0]).toBe(page.agenda[0]);
    expect(after.meeting).toBe('m1');
  });

  it('takes items added and moved elsewhere in their order, and keeps one removed elsewhere at the end (the note says so)', () => {
    const after = withFreshAgenda(page, [item('3', false, 'Renamed'), item('1', true), item('4', true)])!;
    expect(after.agenda.map((a) => [a.id, a.title, a.forPublication])).toEqual([
      ['3', 'Renamed', false],
      ['1', 'Item 1', true],
      ['4', 'Item 4', true],
      ['2', 'Item 2', true],
    ]);
    expect(after.agenda[1]).toBe(page.agenda[0]);
    // Only moved: a new object in the new order.
    expect(withFreshAgenda(page, [item('2', true), item('1', true), item('3', true)])!.agenda.map((a) => a.id)).toEqual(['2', '1', '3']);
    expect(withFreshAgenda(null, [item('1', true)])).toBeNull();
  });
});

describe('the page’s sections after another window changed the agenda', () => {
  const head = (key: string, kind: SectionHead['kind'], number = '', title = key): SectionHead => ({ key, kind, number, title, rev: 3, updatedAt: 't', textLength: 10, lines: 1 });
  const item = (id: string, number: string, title = `Item ${id}`) => ({ id, number, title }) as unknown as AgendaItem;
  const sections = [head('opening', 'opening'), head('a', 'item', '1', 'Item a'), head('b', 'item', '2', 'Item b'), head('closing', 'closing'), head('old', 'orphan')];

  it('keeps the same array when the agenda is as the page has it', () => {
    expect(withFreshOutline(sections, [item('a', '1'), item('b', '2')])).toBe(sections);
  });

  it('follows items moved, renumbered and renamed, and gives an added item an empty section in its place', () => {
    const after = withFreshOutline(sections, [item('b', '1', 'Item b, renamed'), item('n', '1.1'), item('a', '2')]);
    expect(after.map((s) => [s.key, s.kind, s.number, s.title])).toEqual([
      ['opening', 'opening', '', 'opening'],
      ['b', 'item', '1', 'Item b, renamed'],
      ['n', 'item', '1.1', 'Item n'],
      ['a', 'item', '2', 'Item a'],
      ['closing', 'closing', '', 'closing'],
      ['old', 'orphan', '', 'old'],
    ]);
    // What the page knows of a section stays with it (its rev and size); the added one has nothing stored yet here.
    expect(after[1]).toMatchObject({ rev: 3, textLength: 10 });
    expect(after[2]).toMatchObject({ rev: 0, updatedAt: null, textLength: 0, lines: 0 });
    expect(after[3]).toMatchObject({ number: '2', rev: 3, textLength: 10 });
  });

  it('keeps the section of an item removed elsewhere, after the agenda’s items (the note says so)', () => {
    const after = withFreshOutline(sections, [item('b', '1')]);
    expect(after[2]).toBe(sections[1]);
    expect(after.map((s) => [s.key, s.number])).toEqual([
      ['opening', ''],
      ['b', '1'],
      ['a', '1'],
      ['closing', ''],
      ['old', ''],
    ]);
  });

  it('drops the section of an item removed elsewhere that does not stay (never loaded here: nothing of it to keep)', () => {
    const after = withFreshOutline(sections, [item('b', '1')], (key) => key !== 'a');
    expect(after.map((s) => s.key)).toEqual(['opening', 'b', 'closing', 'old']);
    // Only removed items are asked about: the agenda's own items and the orphans stay whatever the answer.
    expect(withFreshOutline(sections, [item('a', '1'), item('b', '2')], () => false)).toBe(sections);
  });
});

describe('a minutes page told of a change of status or of the live meeting in another window', () => {
  it('asks only for the calls it follows, and takes the last answer: an earlier one arriving later never takes it back', async () => {
    const answers: Array<(v: unknown) => void> = [];
    call.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const taken = vi.fn();
    function Page() {
      useHeardElsewhere(MINUTES_STATUS_CHANGES, () => call('minutes.outline', { meetingId: 'm1' }) as Promise<unknown>, taken);
      return null;
    }
    const { render } = reactRoot();
    render(<Page />);
    const other = otherWindow();
    other.announce('agenda.update');
    other.announce('live.goto');
    await act(settle);
    expect(call).not.toHaveBeenCalled();
    // Approved, then reopened there: the first answer comes last.
    other.announce('minutes.setStatus');
    other.announce('minutes.reopen');
    await act(settle);
    expect(call).toHaveBeenCalledTimes(2);
    await act(async () => (answers[1]!('reopened'), await settle()));
    await act(async () => (answers[0]!('approved'), await settle()));
    expect(taken.mock.calls).toEqual([['reopened']]);
  });

  it('says nothing when the look fails, and asks again at the next change', async () => {
    call.mockRejectedValueOnce(new Error('The app is not answering.')).mockResolvedValueOnce('ended');
    const taken = vi.fn();
    function Page() {
      useHeardElsewhere(LIVE_CHANGES, () => call('live.get', { meetingId: 'm1' }) as Promise<unknown>, taken);
      return null;
    }
    const { render } = reactRoot();
    render(<Page />);
    const other = otherWindow();
    other.announce('live.end');
    await act(settle);
    expect(taken).not.toHaveBeenCalled();
    other.announce('live.end');
    await act(settle);
    expect(taken.mock.calls).toEqual([['ended']]);
  });
});

describe('the officer coming back to a window', () => {
  it('is its focus regained or its tab shown again, not its tab hidden; and nothing once stopped', () => {
    const fn = vi.fn();
    const stop = onComeBack(fn);
    window.dispatchEvent(new FocusEvent('focus'));
    expect(fn).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fn).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fn).toHaveBeenCalledTimes(2);
    stop();
    window.dispatchEvent(new FocusEvent('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
