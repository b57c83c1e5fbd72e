import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save, type B } from './redaction-leak-helpers';

/**
 * A cross-meeting audit (2026-12-07; known since the note of that day as "needs a decision"): a future topic picked
 * onto a later agenda while the item it was raised in was published came onto it as a published item, with its title
 * and notes; when that item was withheld afterwards, the later agenda and public summary still printed them (the
 * topic was judged only when picked). Now the agenda and the summary are refused while an item printed there holds
 * the title (or, published, the notes) of a topic picked as published whose item is not published now; the message
 * says which and what to do. A topic the officer put on the agenda as not for publication (confirmed when picked)
 * and then released is the officer's choice: it prints.
 */
const TOPIC = 'Zqtopic Acme plans zqclosure of zqlyon';

const NOTES = 'Zqnotes the Lyon plant shuts in zqmarch with 300 jobs lost';

async function raisedThenPicked(b: B, into: 'other' | 'same', notes = `${TOPIC} notes`, title = TOPIC) {
  const m1 = await meeting(b, 'M1 plenary', '02-03');
  await save(b, m1.m, m1.a, doc(p(t(`${title}.`))));
  const topic = await call<{ id: string }>(b, 'topics.raise', { title, notes, meetingId: m1.m, sectionKey: m1.a });
  const m2 = into === 'same' ? m1 : await meeting(b, 'M2 plenary', '03-03');
  await call(b, 'topics.pick', { topicId: topic.id, meetingId: m2.m });
  return { m1, m2, topic: topic.id };
}

describe('audit: a future topic picked as published, its item withheld afterwards', () => {
  for (const into of ['other', 'same'] as const)
    it(`picked into ${into === 'other' ? 'a later meeting' : 'its own meeting'}: the agenda and the summary there are refused, the words not printed`, async () => {
      const b = makeBackend();
      const { m1, m2 } = await raisedThenPicked(b, into);
      await call(b, 'agenda.update', { id: m1.a, forPublication: false });
      for (const kind of ['agenda', 'public_summary'] as const) {
        const out = await exported(b, m2.m, kind);
        expect([kind, printed(out, TOPIC), 'refused' in out ? out.refused : 'exported']).toEqual([kind, false, expect.stringMatching(/^leak_detected: .*future topic/)]);
      }
    });

  it('the item copied with the agenda into another meeting is refused there too', async () => {
    const b = makeBackend();
    const { m1, m2 } = await raisedThenPicked(b, 'other');
    const m3 = (await call<MeetingDetail>(b, 'meetings.create', { title: 'M3 plenary', startsAt: '2026-04-03T10:00', endsAt: '2026-04-03T12:00', copyAgendaFrom: m2.m })).meeting.id;
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    expect(printed(await exported(b, m3, 'agenda'), TOPIC)).toBe(false);
  });

  it('once the officer changes the item’s title and notes, it goes out', async () => {
    const b = makeBackend();
    const { m1, m2 } = await raisedThenPicked(b, 'other');
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    const item = (await call<MeetingDetail>(b, 'meetings.get', { id: m2.m })).agenda.find((i) => i.title === TOPIC)!;
    await call(b, 'agenda.update', { id: item.id, title: 'A topic not for publication', description: '' });
    for (const kind of ['agenda', 'public_summary'] as const) expect('text' in (await exported(b, m2.m, kind))).toBe(true);
  });

  it('the item copied with the agenda and renamed: its notes are still found', async () => {
    const b = makeBackend();
    const { m1, m2 } = await raisedThenPicked(b, 'other', NOTES);
    const m3 = (await call<MeetingDetail>(b, 'meetings.create', { title: 'M3 plenary', startsAt: '2026-04-03T10:00', endsAt: '2026-04-03T12:00', copyAgendaFrom: m2.m })).meeting.id;
    const copy = (await call<MeetingDetail>(b, 'meetings.get', { id: m3 })).agenda.find((i) => i.title === TOPIC)!;
    await call(b, 'agenda.update', { id: copy.id, title: 'Industrial follow-up' });
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    for (const kind of ['agenda', 'public_summary'] as const) expect([kind, printed(await exported(b, m3, kind), NOTES)]).toEqual([kind, false]);
  });

  it('the item renamed and its notes trimmed in part: the rest of the notes is still found', async () => {
    const b = makeBackend();
    const { m1, m2 } = await raisedThenPicked(b, 'other', NOTES);
    const item = (await call<MeetingDetail>(b, 'meetings.get', { id: m2.m })).agenda.find((i) => i.title === TOPIC)!;
    await call(b, 'agenda.update', { id: item.id, title: 'Industrial follow-up', description: NOTES.replace('Zqnotes ', '') });
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    expect(printed(await exported(b, m2.m, 'agenda'), 'the Lyon plant shuts in zqmarch with 300 jobs lost')).toBe(false);
  });

  it('no false refusal elsewhere: another meeting whose items share letters or a word with a short topic title goes out', async () => {
    for (const [title, other] of [
      ['AI', 'Chair remarks'],
      ['Budget', 'Budget and work programme'],
    ] as const) {
      const b = makeBackend();
      const { m1 } = await raisedThenPicked(b, 'other', '', title);
      await call(b, 'agenda.update', { id: m1.a, forPublication: false });
      const m4 = await meeting(b, 'M4 plenary', '05-03', 'title_only', other);
      const out = await exported(b, m4.m, 'agenda');
      expect([title, 'refused' in out ? out.refused : 'exported']).toEqual([title, 'exported']);
    }
  });

  it('the item it was raised in keeps its own title as its meeting shows withheld items', async () => {
    const b = makeBackend();
    const m1 = await meeting(b, 'M1 plenary', '02-03', 'title_only', TOPIC);
    const topic = await call<{ id: string }>(b, 'topics.raise', { title: TOPIC, meetingId: m1.m, sectionKey: m1.a });
    const m2 = await meeting(b, 'M2 plenary', '03-03');
    await call(b, 'topics.pick', { topicId: topic.id, meetingId: m2.m });
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    expect('text' in (await exported(b, m1.m, 'agenda'))).toBe(true); // its title, as title_only says
    expect('refused' in (await exported(b, m2.m, 'agenda'))).toBe(true);
  });

  it('controls: the item still published at the source prints; a topic picked as withheld and released by the officer prints', async () => {
    const b = makeBackend();
    const { m2 } = await raisedThenPicked(b, 'other');
    expect(printed(await exported(b, m2.m, 'agenda'), TOPIC)).toBe(true);

    const b2 = makeBackend();
    const m1 = await meeting(b2, 'M1 plenary', '02-03');
    await call(b2, 'agenda.update', { id: m1.a, forPublication: false });
    const topic = await call<{ id: string }>(b2, 'topics.raise', { title: TOPIC, meetingId: m1.m, sectionKey: m1.a });
    const later = await meeting(b2, 'M2 plenary', '03-03');
    await call(b2, 'topics.pick', { topicId: topic.id, meetingId: later.m, confirmWithheld: true });
    const item = (await call<MeetingDetail>(b2, 'meetings.get', { id: later.m })).agenda.find((i) => i.title === TOPIC)!;
    expect(item.forPublication).toBe(false);
    await call(b2, 'agenda.update', { id: item.id, forPublication: true }); // the officer's choice
    expect(printed(await exported(b2, later.m, 'agenda'), TOPIC)).toBe(true);
  });
});
