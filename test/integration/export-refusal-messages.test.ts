import { describe, expect, it } from 'vitest';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { meeting, save } from './redaction-leak-helpers';

/**
 * Review (describeTypedFindings): the officer's message for a refused agenda or list of participants must point at the
 * text that was printed and give advice that fits where it is.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics';

async function flaggedElsewhere() {
  const b = makeBackend();
  const first = await meeting(b, 'Second plenary', '02-03');
  await save(b, first.m, first.a, doc(p(t('A member said that '), flag(['F1'], t(SECRET)), t('.'))));
  return b;
}

describe('the refusal messages of the agenda and the list of participants point at the printed text', () => {
  it('agenda: names the printed presenter, not the description of a withheld item that the agenda does not print', async () => {
    const b = await flaggedElsewhere();
    const { m } = await meeting(b, 'Third plenary', '03-03', 'title_only', 'Closed session');
    // Item 1 (withheld): its description is never printed in the agenda. Item 2 (public): its presenter is.
    await call(b, 'agenda.add', { meetingId: m, title: 'Restricted briefing', description: `Background: ${SECRET}.`, forPublication: false });
    await call(b, 'agenda.add', { meetingId: m, title: 'Market update', presenter: `Secretariat (${SECRET})` });
    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'agenda' });
    expect(res.ok).toBe(false);
    const message = res.ok ? '' : res.error.message;
    expect(message).toContain('“Market update”, in its presenter');
  });

  it('participants: a flagged passage in the meeting title is not advised as "correct that entry of the attendance"', async () => {
    const b = await flaggedElsewhere();
    const { m } = await meeting(b, `Extraordinary meeting: ${SECRET}`, '03-03');
    await call(b, 'attendance.addPerson', { meetingId: m, category: 'observer', name: 'Jo Public', organisation: 'Open Observatory' });
    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'participants' });
    expect(res.ok).toBe(false);
    const message = res.ok ? '' : res.error.message;
    expect(message).toContain("in the meeting's title");
    expect(message).not.toContain('correct that entry of the attendance');
  });
});
