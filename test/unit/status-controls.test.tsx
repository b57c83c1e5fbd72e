// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { MinutesInfo } from '../../shared/domain/minutes';
import { reactRoot } from '../helpers/react-root';

/**
 * Words typed in the instant the minutes were being approved (after their words were saved, before the approval came
 * back) went to a save that the approved minutes refused: kept on the page, stored only after a Reopen. The editors
 * are now locked from the click until the approval has come back (or failed, or was held back).
 */
const approval: { resolve?: (m: MinutesInfo) => void; reject?: (e: unknown) => void } = {};
vi.mock('../../renderer/api', () => ({
  api: {
    call: vi.fn(
      () =>
        new Promise<MinutesInfo>((resolve, reject) => {
          approval.resolve = resolve;
          approval.reject = reject;
        }),
    ),
  },
}));
const { StatusControls } = await import('../../renderer/features/minutes/StatusControls');

const circulated = { status: 'circulated', version: 1 } as unknown as MinutesInfo;
const tick = () => act(async () => Promise.resolve());

function controls(unsaved = 0) {
  const events: string[] = [];
  const { host, render } = reactRoot();
  render(
    <StatusControls
      meetingId="m1"
      minutes={circulated}
      saveAll={async () => {
        events.push('saveAll');
        return unsaved;
      }}
      onMinutes={(m) => events.push(`minutes ${m.status}`)}
      onHeld={(msg) => msg && events.push('held')}
      onApproving={(on) => events.push(on ? 'lock' : 'unlock')}
      report={() => events.push('reported')}
    />,
  );
  const approve = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Approve minutes')!;
  return { events, approve };
}

describe('approving the minutes locks the editors until the approval has come back', () => {
  it('locked before the words are saved, and after the approval came (the minutes are approved then)', async () => {
    const { events, approve } = controls();
    await act(async () => approve.click());
    expect(events).toEqual(['lock', 'saveAll']);
    await act(async () => approval.resolve!({ status: 'approved', version: 1 } as unknown as MinutesInfo));
    await tick();
    expect(events).toEqual(['lock', 'saveAll', 'minutes approved', 'unlock']);
  });

  it('unlocked again when the approval fails, or is held back by words not saved', async () => {
    const failing = controls();
    await act(async () => failing.approve.click());
    await act(async () => approval.reject!(new Error('no')));
    await tick();
    expect(failing.events).toEqual(['lock', 'saveAll', 'reported', 'unlock']);
    const held = controls(1);
    await act(async () => held.approve.click());
    await tick();
    expect(held.events).toEqual(['lock', 'saveAll', 'held', 'unlock']);
  });
});
