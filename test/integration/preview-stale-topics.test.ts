import { describe, expect, it } from 'vitest';
import type { PublicSummaryOptions } from '../../shared/contract/exports';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';
import { exported, meeting, save } from './redaction-leak-helpers';

/**
 * The preview is the export (issue 8's promise): a future topic picked as published whose item of origin is withheld
 * afterwards makes the public summary refuse (ExportService, redaction-leak-topic-withheld-after.test.ts). The preview
 * said nothing of it, so the officer saw a clean summary and met the refusal only at export. What the summary states
 * besides the minutes (`exports.publicOptions`, the preview's options) now names each such item and topic, from the
 * function the export refuses with; the preview shows it as a blocker.
 */
const TOPIC = 'Zqtopic Acme plans zqclosure of zqlyon';

async function picked() {
  const b = makeBackend();
  const m1 = await meeting(b, 'M1 plenary', '02-03');
  await save(b, m1.m, m1.a, doc(p(t(`${TOPIC}.`))));
  const topic = await call<{ id: string }>(b, 'topics.raise', { title: TOPIC, notes: '', meetingId: m1.m, sectionKey: m1.a });
  const m2 = await meeting(b, 'M2 plenary', '03-03');
  await call(b, 'topics.pick', { topicId: topic.id, meetingId: m2.m });
  return { b, m1, m2 };
}

describe('the preview names a stale future topic, as the export refuses it', () => {
  it('withheld after it was picked: the options name the item and the topic, and the export refuses', async () => {
    const { b, m1, m2 } = await picked();
    expect((await call<PublicSummaryOptions>(b, 'exports.publicOptions', { meetingId: m2.m })).staleTopics).toEqual([]);
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    const o = await call<PublicSummaryOptions>(b, 'exports.publicOptions', { meetingId: m2.m });
    expect(o.staleTopics).toEqual([{ where: `item 2 “${TOPIC}”`, topic: TOPIC, raisedIn: expect.stringContaining('M1 plenary') }]);
    expect('refused' in (await exported(b, m2.m))).toBe(true);
  });

  it('the item renamed and cleared: nothing is named, and the export goes out', async () => {
    const { b, m1, m2 } = await picked();
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    const item = (await call<MeetingDetail>(b, 'meetings.get', { id: m2.m })).agenda.find((i) => i.title === TOPIC)!;
    await call(b, 'agenda.update', { id: item.id, title: 'A topic not for publication', description: '' });
    expect((await call<PublicSummaryOptions>(b, 'exports.publicOptions', { meetingId: m2.m })).staleTopics).toEqual([]);
    expect('text' in (await exported(b, m2.m))).toBe(true);
  });
});
