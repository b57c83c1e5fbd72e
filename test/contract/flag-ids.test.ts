import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { FlagList } from '../../shared/domain/flags';
import { doc, flag, p, t } from '../fixtures/export-data';
import { call, makeBackend } from '../helpers/temp';

/**
 * Known since an audit of 2026-12-07, fixed 2026-12-08: a client other than the minutes page (the page gives every
 * mark an id of its own) could save a flag mark whose id the answers' schema refuses ("a b", "x:1", "ü"). The save went
 * through, the backend adopted the mark as a flag, and from then on that meeting's Flags panel failed to load. The
 * section's schema now refuses such an id at the boundary, with the field named, as every other id.
 */
const flagged = (text: string, id: string) => doc(p(t('Said: '), flag([id], t(text))));

describe('flag ids in saved minutes', () => {
  it('an id the answers could not carry is refused at the boundary, and the meeting’s flags still load', async () => {
    const b = makeBackend();
    const meetingId = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00' })).meeting.id;
    for (const id of ['a b', 'x:1', 'fl\u00FCg', 'a/b', 'x'.repeat(65)]) {
      const r = await b.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: flagged('secret', id) });
      expect([id, r.ok ? 'saved' : r.error.code]).toEqual([id, 'bad_request']);
      if (!r.ok) expect(r.error.message).toMatch(/id/i);
    }
    const list = await call<FlagList>(b, 'flags.list', { meetingId });
    expect(list.flags).toEqual([]);
    // The ids the page makes (the backend's, or a random UUID for a pasted mark) are saved.
    for (const id of ['F1', crypto.randomUUID(), 'abc_DEF-123']) {
      const r = await b.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: flagged('secret', id) });
      expect([id, r.ok]).toEqual([id, true]);
    }
    expect((await b.dispatch('flags.list', { meetingId })).ok).toBe(true);
  });
});
