import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { Participant } from '../../shared/domain/attendance';
import type { Organisation } from '../../shared/domain/members';
import { call, makeBackend } from '../helpers/temp';
import { decision, doc, flag, p, t } from '../fixtures/export-data';
import { visibleText } from '../unit/export-docx-helpers';

/**
 * The outcome of a vote is printed with its decision. A decision's record keeps the item it was taken under, but the
 * officer can move the decision's paragraph to another item afterwards (cut and paste, or dragging a block): the
 * paragraph in the minutes is what the summary prints, so the outcome follows it. Before, the outcome stayed under
 * the record's item, so a decision moved into a withheld item still had its outcome published (fourth audit, R2).
 */
type B = ReturnType<typeof makeBackend>;
const OUTCOME = 'Outcome of a vote';

async function setup() {
  const b = makeBackend();
  const detail = await call<MeetingDetail>(b, 'example.load', {});
  const meetingId = detail.meeting.id;
  const top = detail.agenda.filter((a) => a.parentId === null);
  const [taken, other, third] = [top[1]!, top[2]!, top[3]!];
  const members = await call<Organisation[]>(b, 'members.list', {});
  const present = ['Aleph Alpha', 'Anthropic', 'Google', 'Microsoft', 'Mistral AI'].map((n) => members.find((o) => o.name === n)!);
  for (const o of present) for (const r of o.representatives) await call<Participant>(b, 'attendance.set', { meetingId, representativeId: r.id, status: 'in_person' });
  await call(b, 'procedure.decide', {
    meetingId,
    sectionKey: taken.id,
    text: 'To adopt the term sheet',
    kind: 'invite_external_expert',
    ballot: { kind: 'vote', votes: present.map((o, i) => ({ organisationId: o.id, position: i === 0 ? 'against' : 'for' })) },
  });
  const [d] = await call<Array<{ id: string }>>(b, 'decisions.list', { meetingId });
  return { b, meetingId, taken, other, third, decisionId: d!.id };
}

const save = (b: B, meetingId: string, sectionKey: string, content: unknown) => call(b, 'minutes.saveSection', { meetingId, sectionKey, content });
async function summary(b: B, meetingId: string): Promise<string> {
  const r = await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
  return visibleText(strFromU8(unzipSync(Buffer.from(r.bytesBase64, 'base64'))['word/document.xml']!));
}
const outcomeLines = (text: string) => text.split(/(?=Item \d)/).filter((l) => l.includes(OUTCOME));

describe('Redaction: the outcome of a vote follows its decision in the minutes', () => {
  it('a decision moved into a withheld item: its outcome is not published', async () => {
    const { b, meetingId, taken, other, decisionId } = await setup();
    await save(b, meetingId, taken.id, doc(p(t('The Taskforce discussed the threshold.'))));
    await save(b, meetingId, other.id, doc(decision(decisionId, t('The Taskforce adopted the term sheet.'))));
    // Control: with both items public, the outcome is printed, under the item that now holds the decision.
    const published = await summary(b, meetingId);
    expect(outcomeLines(published)).toHaveLength(1);
    expect(outcomeLines(published)[0]).toMatch(new RegExp(`^Item ${other.number}: ${OUTCOME}: Adopted`));

    await call(b, 'agenda.update', { id: other.id, forPublication: false });
    const withheld = await summary(b, meetingId);
    expect(withheld).not.toContain('adopted the term sheet');
    expect(withheld).not.toContain(OUTCOME);
  });

  it('a decision in a withheld item and copied into a public one: its outcome is not published (fail-closed)', async () => {
    const { b, meetingId, taken, other, decisionId } = await setup();
    // The same decision's paragraph in both items, in other words: the withheld item's words typed again in a
    // published one would stop the export on their own (withheld-copies.ts).
    await save(b, meetingId, taken.id, doc(decision(decisionId, t('The Taskforce adopted the term sheet.'))));
    await save(b, meetingId, other.id, doc(decision(decisionId, t('Term sheet adopted.'))));
    await call(b, 'agenda.update', { id: other.id, forPublication: false });
    expect(await summary(b, meetingId)).not.toContain(OUTCOME);
  });

  it('a decision paragraph copied into two published items: its outcome is printed once, under the first', async () => {
    const { b, meetingId, taken, other, decisionId } = await setup();
    await save(b, meetingId, taken.id, doc(decision(decisionId, t('The Taskforce adopted the term sheet.'))));
    await save(b, meetingId, other.id, doc(decision(decisionId, t('The Taskforce adopted the term sheet.'))));
    const lines = outcomeLines(await summary(b, meetingId));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Item ${taken.number}: ${OUTCOME}: Adopted`));
  });

  it('a decision moved into an item that was then deleted: its outcome is not published (fail-closed)', async () => {
    const { b, meetingId, taken, third, decisionId } = await setup();
    await save(b, meetingId, taken.id, doc(p(t('The Taskforce discussed the threshold.'))));
    await save(b, meetingId, third.id, doc(decision(decisionId, t('The Taskforce adopted the term sheet.'))));
    await call(b, 'agenda.remove', { id: third.id });
    const text = await summary(b, meetingId);
    expect(text).not.toContain('term sheet');
    expect(text).not.toContain(OUTCOME);
  });

  it('a decision whose words are all flagged is printed as the marker, and its outcome with it', async () => {
    const { b, meetingId, other, decisionId } = await setup();
    await save(b, meetingId, other.id, doc(decision(decisionId, flag(['F-term'], t('The Taskforce adopted the term sheet.')))));
    const text = await summary(b, meetingId);
    expect(text).not.toContain('term sheet');
    expect(outcomeLines(text)).toHaveLength(1);
    expect(outcomeLines(text)[0]).toMatch(new RegExp(`^Item ${other.number}: ${OUTCOME}: Adopted`));
  });

  it('a decision recorded in the Procedure tab only (no paragraph in the minutes): its outcome is under its item', async () => {
    const { b, meetingId, taken } = await setup();
    const text = await summary(b, meetingId);
    expect(outcomeLines(text)).toHaveLength(1);
    expect(outcomeLines(text)[0]).toMatch(new RegExp(`^Item ${taken.number}: ${OUTCOME}: Adopted`));
  });
});
