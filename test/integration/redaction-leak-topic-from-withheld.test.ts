import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';

/**
 * A future topic raised from a withheld item ("Use the text selected in the minutes" fills its title from the minutes
 * of the item the officer is in) was put on a later agenda by topics.pick as an item FOR PUBLICATION, so the withheld
 * item's words were printed as a heading of that meeting's public summary. Nothing is flagged, so the redaction check
 * had nothing to search for (fifth audit). A topic raised in a withheld item (or in one whose item is gone: fail-closed)
 * is now listed as such and goes on an agenda only once the officer confirms (the Future topics panel asks), as an
 * item NOT for publication, as a sub-item moved under a withheld item is; the officer may release it deliberately.
 * Its title is then printed as an unpublished item's title unless the meeting leaves those out: the panel says so.
 */
const WITHHELD = 'Acme Holdings is preparing a takeover bid for Beta Robotics';

type B = ReturnType<typeof makeBackend>;
async function meeting(b: B, title: string, day: string, withheldDisplay: 'title_only' | 'omit' = 'title_only') {
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title, startsAt: `2026-${day}T10:00`, endsAt: `2026-${day}T12:00`, timeZone: 'Europe/Brussels', withheldDisplay })).meeting.id;
  const [a] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Market developments' });
  return { m, a: a!.id };
}
async function summaryText(b: B, meetingId: string): Promise<string> {
  const r = await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
  return visibleText(strFromU8(unzipSync(Buffer.from(r.bytesBase64, 'base64'))['word/document.xml']!));
}
async function raisedIn(withheld: boolean, then?: (b: B, first: { m: string; a: string }) => Promise<void>) {
  const b = makeBackend();
  const first = await meeting(b, 'Second plenary', '02-03');
  if (withheld) await call(b, 'agenda.update', { id: first.a, forPublication: false });
  await call(b, 'minutes.saveSection', { meetingId: first.m, sectionKey: first.a, content: doc(p(t(`${WITHHELD}.`))) });
  // The officer, in the item, raises the selected words as a future topic.
  const topic = await call<{ id: string }>(b, 'topics.raise', { title: WITHHELD, meetingId: first.m, sectionKey: first.a });
  await then?.(b, first);
  // The later meeting leaves unpublished items out (with their titles shown, a withheld item's title is printed: the
  // panel's question says so, and the officer may change the title in the agenda).
  const second = await meeting(b, 'Third plenary', '03-03', 'omit');
  const listed = (await call<Array<{ id: string; fromWithheld: boolean }>>(b, 'topics.list', {})).find((x) => x.id === topic.id)!;
  return { b, first, second, topicId: topic.id, fromWithheld: listed.fromWithheld };
}
const pick = async (b: B, topicId: string, meetingId: string, confirmWithheld?: boolean) => {
  const agenda = await call<AgendaItem[]>(b, 'topics.pick', { topicId, meetingId, ...(confirmWithheld === undefined ? {} : { confirmWithheld }) });
  return agenda.find((i) => i.title === WITHHELD)!;
};

describe('Withheld item: a future topic raised from it', () => {
  it('is not put on a later agenda without the officer confirming; confirmed, it comes withheld and its words stay out', async () => {
    const { b, first, second, topicId, fromWithheld } = await raisedIn(true);
    expect(await summaryText(b, first.m)).not.toContain('Beta Robotics');
    expect(fromWithheld).toBe(true);
    const refused = await b.dispatch('topics.pick', { topicId, meetingId: second.m });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/was raised in an item that is not published \(at Second plenary, 3 February 2026\): its words may be confidential/);
    expect((await call<MeetingDetail>(b, 'meetings.get', { id: second.m })).agenda.map((i) => i.title)).not.toContain(WITHHELD);

    const picked = await pick(b, topicId, second.m, true);
    expect(picked.forPublication).toBe(false);
    expect(await summaryText(b, second.m)).not.toContain('Beta Robotics');
  });

  it('raised in an item that was withheld afterwards: the same', async () => {
    const { b, second, topicId, fromWithheld } = await raisedIn(false, async (b2, first) => void (await call(b2, 'agenda.update', { id: first.a, forPublication: false })));
    expect(fromWithheld).toBe(true);
    expect((await b.dispatch('topics.pick', { topicId, meetingId: second.m })).ok).toBe(false);
    expect((await pick(b, topicId, second.m, true)).forPublication).toBe(false);
  });

  it('raised in an item since deleted: the same (where it came from is unknown)', async () => {
    const { b, second, topicId, fromWithheld } = await raisedIn(false, async (b2, first) => void (await call(b2, 'agenda.remove', { id: first.a })));
    expect(fromWithheld).toBe(true);
    expect((await b.dispatch('topics.pick', { topicId, meetingId: second.m })).ok).toBe(false);
    expect((await pick(b, topicId, second.m, true)).forPublication).toBe(false);
  });

  it('raised in a published item: picked for publication without a question, as before', async () => {
    const { b, second, topicId, fromWithheld } = await raisedIn(false);
    expect(fromWithheld).toBe(false);
    expect((await pick(b, topicId, second.m)).forPublication).toBe(true);
    expect(await summaryText(b, second.m)).toContain('Beta Robotics');
  });
});
