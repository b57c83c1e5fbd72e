import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save, type B } from './redaction-leak-helpers';

/**
 * An audit of the documents (2026-12-07, second round): a future topic picked as published whose item of origin was
 * withheld afterwards was looked for only in the meeting it was picked into and copies of its agenda found through
 * each meeting's "created" event, in an item of exactly its title. Three ways round it printed the topic's words in
 * the agenda and the public summary: the meeting it was picked into deleted, a copy between two deleted, the copy's
 * title edited in part. Each agenda item now records the topics it carries, and a copied agenda copies the record
 * (migration 022), whatever becomes of the meetings between. A fourth: words selected in a withheld item and raised
 * as a topic from the Procedure tab were recorded as raised in the live item (or the opening), so they were picked
 * with no question; a topic whose words a withheld item of its meeting holds now counts as raised there.
 */
const TOPIC = 'Acme Holdings plans the closure of its Lyon plant';

async function pickedThenCopied(b: B) {
  const m1 = await meeting(b, 'M1 plenary', '02-03');
  await save(b, m1.m, m1.a, doc(p(t(`${TOPIC}.`))));
  const topic = await call<{ id: string }>(b, 'topics.raise', { title: TOPIC, notes: '', meetingId: m1.m, sectionKey: m1.a });
  const m2 = await meeting(b, 'M2 plenary', '03-03');
  await call(b, 'topics.pick', { topicId: topic.id, meetingId: m2.m });
  const m3 = await copyOf(b, m2.m, 'M3 plenary', '04-03');
  return { m1, m2, m3 };
}

const copyOf = async (b: B, from: string, title: string, day: string) =>
  (await call<MeetingDetail>(b, 'meetings.create', { title, startsAt: `2026-${day}T10:00`, endsAt: `2026-${day}T12:00`, copyAgendaFrom: from })).meeting.id;

/** What each public file that prints item titles did: refused, or produced with or without the topic's words. */
async function bothFiles(b: B, m: string, words = TOPIC) {
  const out: Record<string, string> = {};
  for (const kind of ['agenda', 'public_summary'] as const) {
    const r = await exported(b, m, kind);
    out[kind] = 'refused' in r ? 'refused' : printed(r, words) ? 'printed' : 'produced without the words';
  }
  return out;
}
const REFUSED_BOTH = { agenda: 'refused', public_summary: 'refused' };

describe('audit: a future topic carried onto copied agendas, its item withheld afterwards', () => {
  it('the meeting it was picked into deleted: its copy still refuses', async () => {
    const b = makeBackend();
    const { m1, m2, m3 } = await pickedThenCopied(b);
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    await call(b, 'meetings.delete', { id: m2.m });
    expect(await bothFiles(b, m3)).toEqual(REFUSED_BOTH);
  });

  it('the copy between two deleted: the copy of the copy still refuses', async () => {
    const b = makeBackend();
    const { m1, m3 } = await pickedThenCopied(b);
    const m4 = await copyOf(b, m3, 'M4 plenary', '05-03');
    await call(b, 'meetings.delete', { id: m3 });
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    expect(await bothFiles(b, m4)).toEqual(REFUSED_BOTH);
  });

  it('the copy’s title edited in part: it still refuses; changed entirely, it goes out', async () => {
    const b = makeBackend();
    const { m1, m3 } = await pickedThenCopied(b);
    const copy = (await call<MeetingDetail>(b, 'meetings.get', { id: m3 })).agenda.find((i) => i.title === TOPIC)!;
    await call(b, 'agenda.update', { id: copy.id, title: `${TOPIC} (continued)` });
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    expect(await bothFiles(b, m3)).toEqual(REFUSED_BOTH);
    await call(b, 'agenda.update', { id: copy.id, title: 'An industrial topic', description: '' });
    expect(await bothFiles(b, m3)).toEqual({ agenda: 'produced without the words', public_summary: 'produced without the words' });
  });

  it('controls: a copy of a copy with nothing deleted refuses; the item of origin published, it goes out', async () => {
    const b = makeBackend();
    const { m1, m3 } = await pickedThenCopied(b);
    const m4 = await copyOf(b, m3, 'M4 plenary', '05-03');
    expect(await bothFiles(b, m4)).toEqual({ agenda: 'printed', public_summary: 'printed' });
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    expect(await bothFiles(b, m4)).toEqual(REFUSED_BOTH);
  });
});

describe('audit: words of a withheld item raised as a topic from another item', () => {
  const WITHHELD_WORDS = 'Beta Robotics is preparing a takeover bid for Gamma Vision';
  for (const live of [false, true])
    it(`raised in ${live ? 'the item the live timer is on' : 'the opening'}: it counts as raised in the withheld item, and is picked only after the question, as not for publication`, async () => {
      const b = makeBackend();
      const m1 = await meeting(b, 'M1 plenary', '02-03');
      const [, closed] = await call<Array<{ id: string }>>(b, 'agenda.add', { meetingId: m1.m, title: 'Closed session', forPublication: false });
      await save(b, m1.m, closed!.id, doc(p(t(`In confidence: ${WITHHELD_WORDS}.`))));
      if (live) {
        await call(b, 'live.start', { meetingId: m1.m });
        await call(b, 'live.goto', { meetingId: m1.m, sectionKey: m1.a });
      }
      const state = await call<{ currentSection: string | null }>(b, 'live.get', { meetingId: m1.m });
      const topic = await call<{ id: string; fromWithheld: boolean }>(b, 'topics.raise', { title: WITHHELD_WORDS, raisedBy: '', meetingId: m1.m, sectionKey: state.currentSection ?? 'opening' });
      expect(topic.fromWithheld).toBe(true);
      // The later meeting leaves unpublished items out (shown by title, a withheld item's title prints: the question says so).
      const m2 = await meeting(b, 'M2 plenary', '03-03', 'omit');
      const pick = await b.dispatch('topics.pick', { topicId: topic.id, meetingId: m2.m });
      expect(pick.ok).toBe(false);
      const agenda = await call<Array<{ title: string; forPublication: boolean }>>(b, 'topics.pick', { topicId: topic.id, meetingId: m2.m, confirmWithheld: true });
      expect(agenda.find((i) => i.title === WITHHELD_WORDS)?.forPublication).toBe(false);
      expect(await bothFiles(b, m2.m, WITHHELD_WORDS)).toEqual({ agenda: expect.not.stringMatching(/printed/), public_summary: expect.not.stringMatching(/printed/) });
    });

  it('a topic that only shares a word with a withheld item is raised where it was', async () => {
    const b = makeBackend();
    const m1 = await meeting(b, 'M1 plenary', '02-03');
    const [, closed] = await call<Array<{ id: string }>>(b, 'agenda.add', { meetingId: m1.m, title: 'Closed session', forPublication: false });
    await save(b, m1.m, closed!.id, doc(p(t(`In confidence: ${WITHHELD_WORDS}.`))));
    const topic = await call<{ fromWithheld: boolean }>(b, 'topics.raise', { title: 'Robotics standards', raisedBy: '', meetingId: m1.m, sectionKey: m1.a });
    expect(topic.fromWithheld).toBe(false);
  });
});

describe('audit: words of an item raised as a topic from another item, that item withheld afterwards', () => {
  const WORDS = 'Beta Robotics is preparing a takeover bid for Gamma Vision';
  for (const when of ['before', 'after'] as const)
    it(`withheld ${when} the topic is picked: ${when === 'before' ? 'the pick asks first' : 'the files that print it are refused'}, and none prints the words`, async () => {
      const b = makeBackend();
      const m1 = await meeting(b, 'M1 plenary', '02-03');
      const [, x] = await call<Array<{ id: string }>>(b, 'agenda.add', { meetingId: m1.m, title: 'Industry news' });
      await save(b, m1.m, x!.id, doc(p(t(`Reported: ${WORDS}.`))));
      const topic = await call<{ id: string }>(b, 'topics.raise', { title: WORDS, raisedBy: '', meetingId: m1.m, sectionKey: 'opening' });
      const m2 = await meeting(b, 'M2 plenary', '03-03');
      if (when === 'before') await call(b, 'agenda.update', { id: x!.id, forPublication: false });
      const pick = await b.dispatch('topics.pick', { topicId: topic.id, meetingId: m2.m });
      expect(pick.ok).toBe(when === 'after');
      if (when === 'after') await call(b, 'agenda.update', { id: x!.id, forPublication: false });
      expect(await bothFiles(b, m2.m, WORDS)).toEqual({ agenda: expect.not.stringMatching(/printed/), public_summary: expect.not.stringMatching(/printed/) });
    });
});
