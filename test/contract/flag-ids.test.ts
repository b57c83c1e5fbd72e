import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { FlagList } from '../../shared/domain/flags';
import { doc, flag, p, t } from '../fixtures/export-data';
import { call, makeBackend } from '../helpers/temp';

/**
 * Known since an audit of 2026-12-07, fixed 2026-12-08: a client other than the minutes page (the page gives every
 * mark an id of its own) could save a flag mark whose id the answers' schema refuses ("a b", "x:1", "ü"). The save went
 * through, the backend adopted the mark as a flag under that id, and from then on that meeting's Flags panel failed to
 * load. Such a mark is now saved under an id of the meeting's own (as a mark carrying another meeting's id is): the
 * words and the flag are kept, and every answer can carry the record. (Refusing the save instead would also refuse a
 * section an earlier build stored that way, the next time the page saved it.)
 */
const flagged = (text: string, id: string) => doc(p(t('Said: '), flag([id], t(text))));

describe('flag ids in saved minutes', () => {
  it('an id the answers could not carry is saved under an own id: the flag is in force and the meeting’s flags load', async () => {
    const b = makeBackend();
    const meetingId = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00' })).meeting.id;
    const odd = ['a b', 'x:1', 'fl\u00FCg', 'a/b', 'a]b'];
    const words = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];
    for (const [i, id] of odd.entries()) {
      const r = await b.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: flagged(words[i]!, id) });
      expect([id, r.ok]).toEqual([id, true]);
      const list = await b.dispatch('flags.list', { meetingId });
      expect([id, list.ok]).toEqual([id, true]);
      const flags = (list as { value: FlagList }).value.flags.filter((f) => f.retiredAt === null);
      expect(flags.map((f) => f.excerpt)).toEqual([words[i]]);
      expect(flags[0]!.id).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    // The same odd id saved again is the same flag (its own id is made from it).
    const again = await b.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: flagged('Echo now', odd[4]!) });
    expect(again.ok).toBe(true);
    expect((await call<FlagList>(b, 'flags.list', { meetingId })).flags.filter((f) => f.retiredAt === null).map((f) => f.excerpt)).toEqual(['Echo now']);
    // The ids the page makes (the backend's, or a random UUID for a pasted mark) are kept as they are.
    for (const id of [crypto.randomUUID(), 'abc_DEF-123']) {
      expect((await b.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: flagged('secret', id) })).ok).toBe(true);
      expect((await call<FlagList>(b, 'flags.list', { meetingId })).flags.some((f) => f.id === id && f.retiredAt === null)).toBe(true);
    }
  });

  it('a meeting package whose flag records carry such an id is refused at import, plainly, and nothing changes', async () => {
    const a = makeBackend();
    const meetingId = (await call<MeetingDetail>(a, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00' })).meeting.id;
    await call(a, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: flagged('Alpha', 'F1') });
    const pkg = JSON.parse(Buffer.from((await call<{ bytesBase64: string }>(a, 'packages.export', { meetingId })).bytesBase64, 'base64').toString('utf8')) as { dump: unknown; sha256: string };
    pkg.dump = JSON.parse(JSON.stringify(pkg.dump).replaceAll('"F1"', '"x:1"'));
    pkg.sha256 = createHash('sha256').update(JSON.stringify(pkg.dump)).digest('hex');
    const fresh = makeBackend();
    const r = await fresh.dispatch('packages.import', { bytesBase64: Buffer.from(JSON.stringify(pkg)).toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/flag.*cannot be used|cannot use/i) as unknown } });
    expect(await call<unknown[]>(fresh, 'meetings.list', {})).toEqual([]);
  });
});
