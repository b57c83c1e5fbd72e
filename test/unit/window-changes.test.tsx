// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceCall, onChangedElsewhere } from '../../renderer/window-changes';
import { itemsRemovedElsewhere, MEETING_DELETED_ELSEWHERE, useChangedElsewhere, withFreshAgenda, type ShownItem } from '../../renderer/features/minutes/useChangedElsewhere';
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
  it('announces a deletion, a removal, a changed item and what the Trash does, and nothing else', async () => {
    const other = otherWindow();
    for (const name of ['meetings.delete', 'agenda.remove', 'agenda.update', 'trash.restore', 'trash.purge', 'trash.empty']) announceCall(name);
    for (const name of ['meetings.get', 'minutes.saveSection', 'meetings.update', 'flags.create']) announceCall(name);
    await settle();
    expect(other.heard.map((m) => (m as { call: string }).call)).toEqual(['meetings.delete', 'agenda.remove', 'agenda.update', 'trash.restore', 'trash.purge', 'trash.empty']);
  });

  it('is heard from another window, never from this one, and no more once the listener stops', async () => {
    const heard = vi.fn();
    const stop = onChangedElsewhere(heard);
    announceCall('agenda.remove');
    await settle();
    expect(heard).not.toHaveBeenCalled();
    otherWindow().announce('agenda.remove');
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    otherWindow().announce('meetings.delete');
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
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

  it('neither adds an item it has no section for nor drops one removed elsewhere (the note says so)', () => {
    const after = withFreshAgenda(page, [item('1', true), item('3', false, 'Renamed'), item('4', true)])!;
    expect(after.agenda.map((a) => [a.id, a.title, a.forPublication])).toEqual([
      ['1', 'Item 1', true],
      ['2', 'Item 2', true],
      ['3', 'Renamed', false],
    ]);
    expect(withFreshAgenda(null, [item('1', true)])).toBeNull();
  });
});
