import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/domain/agenda';
import { call, makeBackend } from '../helpers/temp';
import { action, doc, flag, t } from '../fixtures/export-data';
import { meeting, save } from './redaction-leak-helpers';

/**
 * Review (confidentialFollowUps, 2026-12-05): the agenda's check searched the whole text of every confidential
 * followed-up action, by every 8-word and 40-character window, anywhere in the agenda, although "Follow-up of actions"
 * already lists it as "An action not for publication". An action's text is mostly boilerplate ("... and report to all
 * members before the next meeting"): an ordinary public item that shared it made the agenda unexportable. Now only the
 * follow-up item's own text is read, for the whole text of such an action.
 */
async function agendaOf(actionText: string, flagged: string | null, publicDescription: string) {
  const b = makeBackend();
  const first = await meeting(b, 'Second plenary', '02-03');
  const [, w] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: first.m, title: 'Restricted item', forPublication: flagged !== null });
  const a = await call<{ id: string }>(b, 'actions.create', { meetingId: first.m, sectionKey: w!.id, text: actionText });
  if (flagged === null) await save(b, first.m, w!.id, doc(action(a.id, t(actionText))));
  else {
    const [before, after] = actionText.split(flagged);
    await save(b, first.m, w!.id, doc(action(a.id, t(before!), flag(['F1'], t(flagged)), t(after!))));
  }
  const second = await meeting(b, 'Third plenary', '03-03');
  await call(b, 'followup.addItem', { meetingId: second.m });
  await call(b, 'agenda.add', { meetingId: second.m, title: 'Work programme 2027', description: publicDescription });
  const res = await b.dispatch('exports.create', { meetingId: second.m, kind: 'agenda' });
  return res.ok ? 'exported' : `${res.error.code}: ${res.error.message}`;
}

describe('an ordinary agenda is not refused for the boilerplate it shares with a confidential followed-up action', () => {
  it('an action of a withheld item shares only "… to all members before the next meeting" with a public item', async () => {
    const out = await agendaOf(
      'Legal service to assess the Delta Systems complaint and report in writing to all members before the next meeting',
      null,
      'Members are invited to send their comments on the draft work programme in writing to all members before the next meeting.',
    );
    expect(out).toBe('exported');
  });

  it('an action confidential only for a flagged company name: public text without that name is refused', async () => {
    const out = await agendaOf(
      'Secretariat to ask Acme Holdings for the incident figures and to circulate the revised draft work programme to all members',
      'Acme Holdings',
      'The Secretariat will circulate the revised draft work programme to all members for comments.',
    );
    expect(out).toBe('exported');
  });
});
