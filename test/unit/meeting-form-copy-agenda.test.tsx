// @vitest-environment jsdom
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingSummary } from '../../shared/domain/meeting';
import { initialValues, MeetingForm, type MeetingFormValues } from '../../renderer/features/meetings/MeetingForm';
import { reactRoot } from '../helpers/react-root';

/**
 * Starting a meeting from an earlier meeting's agenda copies its withheld items withheld. When the earlier meeting
 * left withheld items out of its public summary entirely, a new meeting's default ("show the title, marked not
 * published") printed their titles, which had never been public (an audit, 2026-12-05). Choosing such a meeting to
 * start from now sets the new meeting to leave them out as well, in sight, before the officer saves; choosing one
 * that shows titles never loosens what the officer set.
 */
const earlier = (id: string, title: string, withheldDisplay: MeetingSummary['withheldDisplay']) =>
  ({ ...initialValues(), id, title, withheldDisplay, itemCount: 3, plannedMinutes: 60, startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00' }) as unknown as MeetingSummary;

function form() {
  const submitted: MeetingFormValues[] = [];
  const { host, render } = reactRoot();
  render(
    createElement(MeetingForm, {
      initial: { ...initialValues(), title: 'Third plenary' },
      submitLabel: 'Create meeting',
      earlierMeetings: [earlier('m-omit', 'Second plenary', 'omit'), earlier('m-title', 'First plenary', 'title_only')],
      onSubmit: async (v) => void submitted.push(v),
      onCancel: vi.fn(),
      error: null,
      busy: false,
    }),
  );
  const select = (label: string) => [...host.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))!.control as HTMLSelectElement;
  const choose = (label: string, value: string) =>
    act(() => {
      const el = select(label);
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  const submit = () => act(() => host.querySelector('form')!.requestSubmit());
  return { select, choose, submit, submitted };
}

describe('meeting form: starting from an earlier agenda', () => {
  it('an earlier meeting that left withheld items out: the new one leaves them out too', async () => {
    const f = form();
    expect(f.select('Withheld items').value).toBe('title_only');
    f.choose('Start from the agenda of', 'm-omit');
    expect(f.select('Withheld items').value).toBe('omit');
    f.submit();
    expect(f.submitted[0]).toMatchObject({ copyAgendaFrom: 'm-omit', withheldDisplay: 'omit' });
  });

  it('an earlier meeting that showed titles: what the officer set stays', async () => {
    const f = form();
    f.choose('Withheld items', 'omit');
    f.choose('Start from the agenda of', 'm-title');
    expect(f.select('Withheld items').value).toBe('omit');
    f.choose('Withheld items', 'title_only');
    f.choose('Start from the agenda of', 'm-title');
    expect(f.select('Withheld items').value).toBe('title_only');
  });
});
