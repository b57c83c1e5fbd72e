import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/domain/agenda';
import { call, makeBackend } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save, type B } from './redaction-leak-helpers';

/**
 * A future topic raised in a WITHHELD item carries that item's words (its title is often the
 * text selected in the minutes). topics.pick asks first and puts it on an agenda withheld, also when the raising item
 * was deleted ("where it came from is unknown: fail-closed"). But when the raising MEETING is deleted (to the trash,
 * or for good), future_topics.raised_in_meeting_id is SET NULL by its foreign key, and
 * ProcedureService.raisedInWithheld returns false for a null meeting: the topic then counts as raised in a published
 * item, was picked with no question as an item FOR PUBLICATION, and the withheld words were printed as a heading of the
 * later meeting's public summary, whatever that meeting's withheld display. A topic that names a section of minutes
 * whose meeting is gone now counts as raised in a withheld item (where it came from is unknown: fail-closed).
 */
const WITHHELD = 'Acme Holdings is preparing a takeover bid for Beta Robotics';

async function raisedInWithheld(b: B) {
  const first = await meeting(b, 'Second plenary', '02-03');
  await call(b, 'agenda.update', { id: first.a, forPublication: false });
  await save(b, first.m, first.a, doc(p(t(`${WITHHELD}.`))));
  const topic = await call<{ id: string }>(b, 'topics.raise', { title: WITHHELD, meetingId: first.m, sectionKey: first.a });
  return { first, topicId: topic.id };
}

describe('a topic raised in a withheld item, whose meeting is then deleted', () => {
  it('meeting in the trash: not picked for publication without a question, its words not printed', async () => {
    const b = makeBackend();
    const { first, topicId } = await raisedInWithheld(b);
    await call(b, 'meetings.delete', { id: first.m }); // to the trash: can be restored

    const second = await meeting(b, 'Third plenary', '03-03', 'omit');
    const listed = (await call<Array<{ id: string; fromWithheld: boolean }>>(b, 'topics.list', {})).find((x) => x.id === topicId)!;
    const r = await b.dispatch('topics.pick', { topicId, meetingId: second.m });
    const picked = r.ok ? (r.value as AgendaItem[]).find((i) => i.title === WITHHELD) : undefined;
    const out = await exported(b, second.m);
    expect(
      { fromWithheld: listed.fromWithheld, pickedWithoutQuestion: r.ok, pickedForPublication: picked?.forPublication ?? false, printed: printed(out, 'takeover bid for Beta Robotics') },
      'the withheld words reached the later meeting’s public summary',
    ).toEqual({ fromWithheld: true, pickedWithoutQuestion: false, pickedForPublication: false, printed: false });
  });

  it('the trash emptied (meeting gone for good): the same', async () => {
    const b = makeBackend();
    const { first, topicId } = await raisedInWithheld(b);
    await call(b, 'meetings.delete', { id: first.m });
    await call(b, 'trash.empty', { confirm: true });
    const second = await meeting(b, 'Third plenary', '03-03', 'omit');
    const r = await b.dispatch('topics.pick', { topicId, meetingId: second.m });
    const out = await exported(b, second.m);
    expect(printed(out, 'takeover bid for Beta Robotics'), 'picked for publication without a question; the withheld words are a heading').toBe(false);
    expect(r.ok).toBe(false);
  });

  it('control: the meeting restored from the trash — the link comes back and the question is asked again', async () => {
    const b = makeBackend();
    const { first, topicId } = await raisedInWithheld(b);
    await call(b, 'meetings.delete', { id: first.m });
    const entry = (await call<Array<{ id: string; kind: string }>>(b, 'trash.list', {})).find((e) => e.kind === 'meeting')!;
    await call(b, 'trash.restore', { id: entry.id });
    const second = await meeting(b, 'Third plenary', '03-03', 'omit');
    expect((await b.dispatch('topics.pick', { topicId, meetingId: second.m })).ok).toBe(false);
  });
});
