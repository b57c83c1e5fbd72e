import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { AgendaItem } from '../../shared/domain/agenda';
import { call, makeBackend } from '../helpers/temp';
import { exported, meeting, printed } from './redaction-leak-helpers';

/**
 * Audit (2026-12-07): a meeting that leaves withheld items out ('omit') never prints their titles; a meeting created
 * with its agenda copied got 'title_only' (the schema's default) unless the call named otherwise, so the copy's agenda
 * and public summary printed a title that had never been public. The meeting page's "Create meeting with this agenda"
 * sent the default too (renderer/features/meetings/MeetingPage.tsx now starts from the meeting's own display). Without
 * `withheldDisplay`, a copy now shows withheld items as its source does; a display named in the call (the officer's
 * choice in the form, where the source's is preset) stands.
 */
const TITLE = 'Acquisition of Zephyrwood by Brightline';

async function omitSource() {
  const b = makeBackend();
  const src = await meeting(b, 'Second plenary', '02-03', 'omit');
  await call<AgendaItem[]>(b, 'agenda.add', { meetingId: src.m, title: TITLE, forPublication: false });
  return { b, src: src.m };
}

describe('audit: copying the agenda of a meeting that leaves withheld items out', () => {
  it('the copy leaves them out too: its agenda and public summary do not print the withheld title', async () => {
    const { b, src } = await omitSource();
    expect(printed(await exported(b, src, 'agenda'), TITLE)).toBe(false);
    const copy = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Third plenary', startsAt: '2026-03-03T10:00', endsAt: '2026-03-03T12:00', copyAgendaFrom: src })).meeting;
    expect(copy.withheldDisplay).toBe('omit');
    expect((await call<MeetingDetail>(b, 'meetings.get', { id: copy.id })).agenda.find((i) => i.title === TITLE)?.forPublication).toBe(false);
    expect(printed(await exported(b, copy.id, 'agenda'), TITLE)).toBe(false);
    expect(printed(await exported(b, copy.id, 'public_summary'), TITLE)).toBe(false);
  });

  it('a display named in the call stands; a meeting not copied shows titles by default', async () => {
    const { b, src } = await omitSource();
    const named = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Fourth plenary', startsAt: '2026-04-03T10:00', endsAt: '2026-04-03T12:00', copyAgendaFrom: src, withheldDisplay: 'title_only' })).meeting;
    expect(named.withheldDisplay).toBe('title_only');
    const fresh = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Fifth plenary', startsAt: '2026-05-03T10:00', endsAt: '2026-05-03T12:00' })).meeting;
    expect(fresh.withheldDisplay).toBe('title_only');
  });
});
