import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend } from '../helpers/temp';
import { action, doc, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save, type B } from './redaction-leak-helpers';

/**
 * A cross-meeting audit (2026-12-07): the "Follow-up of actions" item lists the words of earlier meetings' actions, and
 * the agenda is refused while it still holds the words of one that is not for publication now (its item withheld
 * since). Four ways round that guard printed the words:
 * - the follow-up item copied with the agenda into a later meeting (the copy had no record of what it listed);
 * - a long listing cut at 3,900 characters inside an action (only the action's whole text was looked for);
 * - a second follow-up item in one meeting, the first restored from the trash (only one item per meeting was read);
 * - the action's block moved into a withheld item of ANOTHER meeting (only the record's own meeting was searched).
 */
const ACTION = 'Zqaction Gamma to send zqfigures zqsecret to chair';

async function actionIn(b: B, m: { m: string; a: string }, text = ACTION) {
  const a = await call<{ id: string }>(b, 'actions.create', { meetingId: m.m, sectionKey: m.a, text });
  await save(b, m.m, m.a, doc(action(a.id, t(text))));
  return a.id;
}

const agendaOf = async (b: B, m: string) => (await call<MeetingDetail>(b, 'meetings.get', { id: m })).agenda;
const followUpOf = async (b: B, m: string) => (await agendaOf(b, m)).filter((i) => i.title.startsWith('Follow-up'));

/** An action in M1, followed up in M2, whose agenda is copied into M3. */
async function followedUpAndCopied(b: B) {
  const m1 = await meeting(b, 'M1 plenary', '02-03');
  await actionIn(b, m1);
  const m2 = await meeting(b, 'M2 plenary', '03-03');
  await call(b, 'followup.addItem', { meetingId: m2.m });
  const m3 = (await call<MeetingDetail>(b, 'meetings.create', { title: 'M3 plenary', startsAt: '2026-04-03T10:00', endsAt: '2026-04-03T12:00', copyAgendaFrom: m2.m })).meeting.id;
  return { m1, m2, m3 };
}

describe('audit: a follow-up’s listed words, made confidential at the source afterwards', () => {
  it('the follow-up item copied with the agenda into a later meeting: both agendas are refused', async () => {
    const b = makeBackend();
    const { m1, m2, m3 } = await followedUpAndCopied(b);
    expect((await followUpOf(b, m3))[0]!.description).toContain(ACTION);
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    for (const m of [m2.m, m3]) {
      const out = await exported(b, m, 'agenda');
      expect({ printed: printed(out, ACTION), refused: 'refused' in out }).toEqual({ printed: false, refused: true });
    }
  });

  it('a long listing cut inside the action: the agenda is refused for the part printed', async () => {
    const b = makeBackend();
    const m1 = await meeting(b, 'M1 plenary', '02-03');
    const [, x] = await call<Array<{ id: string }>>(b, 'agenda.add', { meetingId: m1.m, title: 'Restricted later' });
    for (let i = 0; i < 29; i++)
      await call(b, 'actions.create', { meetingId: m1.m, sectionKey: 'opening', text: `Secretariat to circulate the revised terms of reference number ${i} to all members before the next plenary meeting of the body` });
    const secret = `${ACTION} and to report on the zqtakeover of zqdelta before the summer ${'with the detailed figures of every plant '.repeat(12)}`.trim();
    await actionIn(b, { m: m1.m, a: x!.id }, secret);
    const m2 = await meeting(b, 'M2 plenary', '03-03');
    await call(b, 'followup.addItem', { meetingId: m2.m });
    const desc = (await followUpOf(b, m2.m))[0]!.description;
    expect(desc).toContain(ACTION);
    expect(desc).not.toContain(secret); // cut
    await call(b, 'agenda.update', { id: x!.id, forPublication: false });
    const out = await exported(b, m2.m, 'agenda');
    expect({ printed: printed(out, ACTION), refused: 'refused' in out }).toEqual({ printed: false, refused: true });
  });

  it('a second follow-up item, the first restored from the trash: the agenda is refused for the first', async () => {
    const b = makeBackend();
    const m1 = await meeting(b, 'M1 plenary', '02-03');
    await actionIn(b, m1);
    const m2 = await meeting(b, 'M2 plenary', '03-03');
    await call(b, 'followup.addItem', { meetingId: m2.m });
    const [f1] = await followUpOf(b, m2.m);
    await call(b, 'agenda.remove', { id: f1!.id });
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    await call(b, 'followup.addItem', { meetingId: m2.m });
    const entry = (await call<Array<{ id: string; kind: string }>>(b, 'trash.list', {})).find((e) => e.kind === 'agenda_item')!;
    await call(b, 'trash.restore', { id: entry.id });
    expect(await followUpOf(b, m2.m)).toHaveLength(2);
    const out = await exported(b, m2.m, 'agenda');
    expect({ printed: printed(out, ACTION), refused: 'refused' in out }).toEqual({ printed: false, refused: true });
  });

  it('the action’s block moved into a withheld item of another meeting: the next follow-up lists it without its words', async () => {
    const b = makeBackend();
    const m1 = await meeting(b, 'M1 plenary', '02-03');
    const id = await actionIn(b, m1);
    const m3 = await meeting(b, 'M3 restricted session', '02-10');
    await call(b, 'agenda.update', { id: m3.a, forPublication: false });
    // Cut from M1, pasted into M3's withheld item (the paste keeps the block's record).
    await save(b, m1.m, m1.a, doc(p(t('Actions moved to the restricted session.'))));
    await save(b, m3.m, m3.a, doc(action(id, t(ACTION))));
    const m2 = await meeting(b, 'M2 plenary', '03-03');
    await call(b, 'followup.addItem', { meetingId: m2.m });
    expect((await followUpOf(b, m2.m))[0]!.description).not.toContain(ACTION);
    expect(printed(await exported(b, m2.m, 'agenda'), ACTION)).toBe(false);
  });

  it('controls: a published action copied with the agenda, and a long listing of published actions, are printed', async () => {
    const b = makeBackend();
    const { m2, m3 } = await followedUpAndCopied(b);
    for (const m of [m2.m, m3]) expect(printed(await exported(b, m, 'agenda'), ACTION)).toBe(true);
  });
});

describe('audit: a listed action edited by a word in the follow-up item', () => {
  it('the action’s other words are still found once its item is withheld: the agenda is refused', async () => {
    const b = makeBackend();
    const m1 = await meeting(b, 'M1 plenary', '02-03');
    const long = 'Gamma Labs to share its internal red-teaming results for the frontier model with the chair before the next plenary';
    await actionIn(b, m1, long);
    const m2 = await meeting(b, 'M2 plenary', '03-03');
    await call(b, 'followup.addItem', { meetingId: m2.m });
    const item = (await followUpOf(b, m2.m))[0]!;
    await call(b, 'agenda.update', { id: item.id, description: item.description.replace('its internal', 'their internal') });
    await call(b, 'agenda.update', { id: m1.a, forPublication: false });
    const out = await exported(b, m2.m, 'agenda');
    expect({ printed: printed(out, 'red-teaming results for the frontier model'), refused: 'refused' in out }).toEqual({ printed: false, refused: true });
  });
});
