// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api';
import { ErrorList, useErrorList } from '../../renderer/ui/errors';
import { reactRoot } from '../helpers/react-root';

/**
 * An audit (2026-12-07): with the local server down, each control the officer pressed added its own note ("Keeping a
 * revision… failed", "Moving the meeting… failed", "Starting or stopping the timer failed", each with the same
 * sentence), stacked over the item being typed in. Failures with the same message are one note now, naming each thing
 * that failed, once.
 */
function Page({ onReport }: { onReport: (r: ReturnType<typeof useErrorList>['report']) => void }) {
  const { errors, report, dismiss } = useErrorList();
  onReport(report);
  return <ErrorList errors={errors} onDismiss={dismiss} />;
}

describe('useErrorList: failures with the same message are one note', () => {
  it('three controls failing for want of the server: one note naming the three, the sentence once', async () => {
    const { host, render } = reactRoot();
    let report: ReturnType<typeof useErrorList>['report'] = () => undefined;
    render(<Page onReport={(r) => (report = r)} />);
    const down = new ApiError({ code: 'storage', message: 'The app’s local server is not answering. Is it still running?' });
    await act(async () => {
      report('Keeping a revision of the section', down);
      report('Moving the meeting to the next item', down);
      report('Starting or stopping the timer', down);
      report('Moving the meeting to the next item', down);
    });
    const notes = host.querySelectorAll('.error-note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toContain('Keeping a revision of the section, moving the meeting to the next item and starting or stopping the timer failed.');
    expect(notes[0]!.textContent.split('not answering')).toHaveLength(2);
  });

  it('different messages stay apart; a dismissed note comes back when it fails again', async () => {
    const { host, render } = reactRoot();
    let report: ReturnType<typeof useErrorList>['report'] = () => undefined;
    render(<Page onReport={(r) => (report = r)} />);
    await act(async () => {
      report('Saving the owner of an action', new ApiError({ code: 'bad_request', message: 'The owner is too long.' }));
      report('Starting the meeting', new ApiError({ code: 'conflict', message: 'The minutes are approved.' }));
    });
    expect(host.querySelectorAll('.error-note')).toHaveLength(2);
    await act(async () => host.querySelector<HTMLButtonElement>('button')!.click());
    expect(host.querySelectorAll('.error-note')).toHaveLength(1);
    await act(async () => report('Saving the owner of an action', new ApiError({ code: 'bad_request', message: 'The owner is too long.' })));
    expect(host.querySelectorAll('.error-note')).toHaveLength(2);
  });
});
