import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { meeting, save } from './redaction-leak-helpers';
import type { Organisation } from '../../shared/domain/members';

/** Review (2026-12-05): ordinary documents still export under today's checks of the agenda and the list of participants. */
describe('ordinary public documents still export', () => {
  it('control: the example meeting exports all five documents', async () => {
    const b = makeBackend();
    const m = (await call<MeetingDetail>(b, 'example.load', {})).meeting.id;
    const out: Record<string, string> = {};
    for (const kind of ['agenda', 'internal_minutes', 'public_summary', 'participants', 'redaction_record']) {
      const res = await b.dispatch('exports.create', { meetingId: m, kind, confirmDraft: true });
      out[kind] = res.ok ? 'ok' : res.error.code;
    }
    expect(out).toEqual({ agenda: 'ok', internal_minutes: 'ok', public_summary: 'ok', participants: 'ok', redaction_record: 'ok' });
  });

  it('a flagged "Dr Jane Roe" does not refuse a list of observers where organisation "Roe" is followed by another Jane', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('The chair thanked '), flag(['F1'], t('Dr Jane Roe')), t(', who briefed members in confidence.'))));
    const next = await meeting(b, 'Third plenary', '03-03');
    // Two observers: Peter Smith of organisation "Roe", then Jane Doe. Neither is Jane Roe.
    await call(b, 'attendance.addPerson', { meetingId: next.m, category: 'observer', name: 'Peter Smith', organisation: 'Roe' });
    await call(b, 'attendance.addPerson', { meetingId: next.m, category: 'observer', name: 'Jane Doe', organisation: 'Open Observatory' });
    const res = await b.dispatch('exports.create', { meetingId: next.m, kind: 'participants' });
    expect(res.ok ? 'ok' : res.error.message).toBe('ok');
  });

  // Not changed, a decision (as before for the public summary, whose list of participating organisations is refused
  // the same way): a flag keeps its passage out of every public file. A member anonymised by flagging its bare name in
  // one meeting's minutes is kept out of every public document; flag the statement rather than the name, or lift it.
  it.skip('a member organisation anonymised once by flagging its name does not make every later list of participants unexportable', async () => {
    const b = makeBackend();
    const m = (await call<MeetingDetail>(b, 'example.load', {})).meeting.id;
    // Another meeting's minutes: the officer anonymises who reported an incident by flagging the company's name (the
    // public summary then says "a member").
    const x = await meeting(b, 'Incident review', '02-03');
    await save(b, x.m, x.a, doc(p(flag(['F1'], t('Mistral AI')), t(' reported a serious incident with one of its models.'))));
    const orgs = await call<Organisation[]>(b, 'members.list', {});
    await call(b, 'attendance.arrive', { meetingId: m, representativeId: orgs.find((o) => o.name === 'Mistral AI')!.representatives[0]!.id });
    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'participants' });
    expect(res.ok ? 'ok' : res.error.message).toBe('ok');
  });
});
