import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { ActionItem, Decision } from '../../shared/domain/decisions';
import type { Organisation, Representative } from '../../shared/domain/members';
import type { Participant } from '../../shared/domain/attendance';
import type { BodyAction, FutureTopic, ProcedureState, RulesVersion } from '../../shared/procedure';
import { call } from '../helpers/temp';
import { codeOf, meetingWithAgenda } from './minutes-fixture';

/** Four member organisations (Delta has two representatives) and the AI Office (not a member), all checked in. */
async function checkedIn() {
  const f = await meetingWithAgenda();
  const org = (name: string, isMember = true) => call<Organisation>(f.backend, 'organisations.create', { name, isMember });
  const rep = (organisationId: string, name: string) => call<Representative>(f.backend, 'representatives.create', { organisationId, name });
  const [alpha, beta, gamma, delta, aio] = [await org('Alpha'), await org('Beta'), await org('Gamma'), await org('Delta'), await org('AI Office', false)];
  const reps = {
    a: await rep(alpha.id, 'Ada'),
    b: await rep(beta.id, 'Bo'),
    c: await rep(gamma.id, 'Cy'),
    d1: await rep(delta.id, 'Dee'),
    d2: await rep(delta.id, 'Dan'),
    chair: await rep(aio.id, 'Chair'),
  };
  const part: Record<string, Participant> = {};
  for (const [k, r] of Object.entries(reps)) part[k] = await call<Participant>(f.backend, 'attendance.set', { meetingId: f.meetingId, representativeId: r.id, status: 'in_person' });
  return { ...f, orgs: { alpha: alpha, beta: beta, gamma: gamma, delta: delta, aio: aio }, reps, part };
}

describe('procedure through the dispatcher, on a real SQLite file', () => {
  it('computes a vote from the rules in force and who is present, and a departure changes the next vote', async () => {
    const { backend, meetingId, orgs, part } = await checkedIn();
    const st = await call<ProcedureState>(backend, 'procedure.state', { meetingId });
    expect(st.rulesInForce?.adoptedOn).toBe('2026-01-30');
    expect(st.members.map((o) => o.name).sort()).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']); // the AI Office does not vote
    expect(st.present).toHaveLength(4);

    // Inviting an external expert: two thirds of those present. 2 for, 2 against of 4 → 2 < 3: rejected.
    const ballot = (ids: Array<[string, 'for' | 'against' | 'abstain']>) => ({ kind: 'vote', votes: ids.map(([organisationId, position]) => ({ organisationId, position })) });
    const first = await call<{ vote: ProcedureState['votes'][number]; decisionOutcome: string }>(backend, 'procedure.decide', {
      meetingId,
      sectionKey: 'opening',
      text: 'To invite Dr Example as an external expert',
      kind: 'invite_external_expert',
      ballot: ballot([[orgs.alpha.id, 'for'], [orgs.beta.id, 'for'], [orgs.gamma.id, 'against'], [orgs.delta.id, 'against']]),
    });
    expect(first.vote.outcome).toBe('rejected');
    expect(first.vote.explanation).toBe('Rejected: 2 of 4 member organisations present in favour; two thirds required (3). 2 against.');
    expect(first.decisionOutcome).toBe('rejected');

    // One of Delta's two representatives leaves: Delta is still present. Then Gamma leaves.
    await call(backend, 'attendance.leave', { meetingId, participantId: part.d1!.id });
    expect((await call<ProcedureState>(backend, 'procedure.state', { meetingId })).present).toHaveLength(4);
    await call(backend, 'attendance.leave', { meetingId, participantId: part.c!.id });
    // Gamma can no longer vote.
    const refused = await backend.dispatch('procedure.decide', {
      meetingId,
      sectionKey: 'opening',
      text: 'Second',
      kind: 'invite_external_expert',
      ballot: ballot([[orgs.gamma.id, 'for']]),
    });
    expect(refused.ok ? '' : refused.error.message).toBe('The vote was not recorded. Gamma is not present at the moment of the decision, so it cannot vote.');
    const second = await call<{ vote: ProcedureState['votes'][number] }>(backend, 'procedure.decide', {
      meetingId,
      sectionKey: 'opening',
      text: 'To invite Dr Example as an external expert (second vote)',
      kind: 'invite_external_expert',
      ballot: ballot([[orgs.alpha.id, 'for'], [orgs.beta.id, 'for'], [orgs.delta.id, 'against']]),
    });
    expect(second.vote.outcome).toBe('adopted');
    expect(second.vote.explanation).toBe('Adopted: 2 of 3 member organisations present in favour; two thirds required (2). 1 against.');
    expect(second.vote.present).toHaveLength(3);

    const decisions = await call<Decision[]>(backend, 'decisions.list', { meetingId });
    expect(decisions.map((d) => d.outcome)).toEqual(['rejected', 'adopted']);
    const state = await call<ProcedureState>(backend, 'procedure.state', { meetingId });
    expect(state.votes.map((v) => v.outcome)).toEqual(['rejected', 'adopted']);

    // A vote on an existing decision, under consensus (the default rule), replaced by a later one.
    const d = await call<Decision>(backend, 'decisions.create', { meetingId, sectionKey: 'closing', text: 'Next meeting in March' });
    const c1 = await call<{ vote: { outcome: string; explanation: string } }>(backend, 'procedure.vote', { decisionId: d.id, kind: 'default', ballot: { kind: 'consensus', dissent: [orgs.beta.id] } });
    expect(c1.vote.explanation).toBe('Adopted by consensus: no objection among the 3 member organisations present. Dissent noted from 1 (Beta).');
    const c2 = await call<{ vote: { outcome: string } }>(backend, 'procedure.vote', { decisionId: d.id, kind: 'default', ballot: { kind: 'consensus', objections: [orgs.beta.id] } });
    expect(c2.vote.outcome).toBe('rejected');
    expect((await call<ProcedureState>(backend, 'procedure.state', { meetingId })).votes).toHaveLength(3);

    // Approved minutes freeze votes and safeguards, not the approval record.
    await call(backend, 'minutes.setStatus', { meetingId, status: 'circulated' });
    await call(backend, 'minutes.setStatus', { meetingId, status: 'approved' });
    expect(await codeOf(backend, 'procedure.vote', { decisionId: d.id, kind: 'default', ballot: { kind: 'consensus' } })).toBe('read_only');
    expect(await codeOf(backend, 'safeguards.add', { meetingId, kind: 'statement_read', by: 'Chair' })).toBe('read_only');
    expect(await codeOf(backend, 'approval.set', { meetingId, approvedBy: 'The Taskforce' })).toBe('ok');
  });

  it('refuses votes before any rules are in force, and uses the version in force on the meeting date', async () => {
    const { backend, meetingId, orgs } = await checkedIn();
    const early = await call<MeetingDetail>(backend, 'meetings.create', { title: 'Before', startsAt: '2025-12-01T10:00', endsAt: '2025-12-01T11:00' });
    const r = await backend.dispatch('procedure.decide', { meetingId: early.meeting.id, sectionKey: 'opening', text: 'X', kind: 'default', ballot: { kind: 'consensus' } });
    expect(r.ok ? '' : r.error.message).toMatch(/^No rules of procedure are in force on 1 December 2025\./);

    const rules = (await call<RulesVersion[]>(backend, 'rules.list', {}))[0]!.rules;
    await call(backend, 'rules.add', { adoptedOn: '2026-02-05', title: 'Amended: unanimity for experts', rules: { ...rules, invite_external_expert: { rule: 'unanimity', base: 'votes_cast', quorum: 'none' } } });
    expect((await call<ProcedureState>(backend, 'procedure.state', { meetingId })).rulesInForce?.title).toBe('Amended: unanimity for experts');
    const v = await call<{ vote: { outcome: string; rule: unknown } }>(backend, 'procedure.decide', {
      meetingId,
      sectionKey: 'opening',
      text: 'Invite',
      kind: 'invite_external_expert',
      ballot: { kind: 'vote', votes: [{ organisationId: orgs.alpha.id, position: 'for' }, { organisationId: orgs.beta.id, position: 'abstain' }] },
    });
    expect(v.vote).toMatchObject({ outcome: 'adopted', rule: { rule: 'unanimity', base: 'votes_cast' } });
    expect(await codeOf(backend, 'rules.add', { adoptedOn: '2026-02-30', title: 'x', rules })).toBe('bad_request');
  });

  it('records safeguards with time and names, and the approval record', async () => {
    const { backend, meetingId } = await checkedIn();
    const later = await call<MeetingDetail>(backend, 'meetings.create', { title: 'Second plenary', startsAt: '2026-03-10T10:00', endsAt: '2026-03-10T12:00' });
    const s = await call<{ at: string; by: string }>(backend, 'safeguards.add', { meetingId, kind: 'statement_read', by: 'Elena Marchetti' });
    expect(s.by).toBe('Elena Marchetti');
    expect(await codeOf(backend, 'safeguards.add', { meetingId, kind: 'statement_read' })).toBe('bad_request'); // by whom?
    expect(await codeOf(backend, 'safeguards.add', { meetingId, kind: 'left_over_concerns' })).toBe('bad_request'); // who left?
    await call(backend, 'safeguards.add', { meetingId, kind: 'left_over_concerns', names: ['Cy'], sectionKey: 'closing' });
    await call(backend, 'approval.set', { meetingId, circulatedBy: 'Secretariat', circulatedOn: '2026-02-12' });
    const a = await call<ProcedureState['approval']>(backend, 'approval.set', { meetingId, approvedBy: 'The Taskforce', approvedOn: '2026-03-10', approvedInMeetingId: later.meeting.id });
    expect(a).toMatchObject({ circulatedBy: 'Secretariat', circulatedOn: '2026-02-12', approvedBy: 'The Taskforce', approvedInMeeting: 'Second plenary (10 March 2026)' });
    const st = await call<ProcedureState>(backend, 'procedure.state', { meetingId });
    expect(st.safeguards.map((x) => [x.kind, x.names])).toEqual([['statement_read', []], ['left_over_concerns', ['Cy']]]);
  });

  it('carries open actions into a later meeting’s "Follow-up of actions" item, where their status changes', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    const a1 = await call<ActionItem>(backend, 'actions.create', { meetingId, sectionKey: 'opening', text: 'Circulate the vademecum', owner: 'AI Office', dueDate: '2026-02-20' });
    const a2 = await call<ActionItem>(backend, 'actions.create', { meetingId, sectionKey: 'opening', text: 'Send comments', dueDate: '2099-01-01' });
    await call(backend, 'actions.create', { meetingId, sectionKey: 'opening', text: 'Done already', status: 'done' });
    const open = await call<BodyAction[]>(backend, 'followup.open', {});
    expect(open.map((a) => [a.text, a.overdue])).toEqual([['Circulate the vademecum', false], ['Send comments', false]]); // the clock says 30 January 2026

    const next = await call<MeetingDetail>(backend, 'meetings.create', { title: 'Second plenary', startsAt: '2026-03-10T10:00', endsAt: '2026-03-10T12:00' });
    await call(backend, 'agenda.add', { meetingId: next.meeting.id, title: 'Updates' });
    const agenda = await call<AgendaItem[]>(backend, 'followup.addItem', { meetingId: next.meeting.id });
    expect(agenda.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Follow-up of actions', '2 Updates']);
    expect(agenda[0]!.description).toBe('• Circulate the vademecum — AI Office, due 20 February 2026\n• Send comments, due 1 January 2099');
    expect(await codeOf(backend, 'followup.addItem', { meetingId: next.meeting.id })).toBe('conflict');
    // An earlier meeting has nothing to follow up from later ones.
    expect(await codeOf(backend, 'followup.addItem', { meetingId })).toBe('bad_request');

    await call(backend, 'actions.update', { id: a1.id, status: 'done' });
    const st = await call<ProcedureState>(backend, 'procedure.state', { meetingId: next.meeting.id });
    expect(st.followUp?.actions.map((a) => [a.text, a.status, a.meetingTitle])).toEqual([
      ['Circulate the vademecum', 'done', 'Plenary'],
      ['Send comments', 'open', 'Plenary'],
    ]);
    expect((await call<BodyAction[]>(backend, 'followup.open', {})).map((a) => a.id)).toEqual([a2.id]);
  });

  it('raises a future topic from the minutes and picks it into a later agenda, linked', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    const t = await call<FutureTopic>(backend, 'topics.raise', { title: 'Open-source models', raisedBy: 'Mistral AI', meetingId, sectionKey: 'closing' });
    expect(t).toMatchObject({ raisedInMeeting: 'Plenary (10 February 2026)', pickedAgendaItemId: null });
    const next = await call<MeetingDetail>(backend, 'meetings.create', { title: 'Third plenary', startsAt: '2026-04-10T10:00', endsAt: '2026-04-10T12:00' });
    const agenda = await call<AgendaItem[]>(backend, 'topics.pick', { topicId: t.id, meetingId: next.meeting.id });
    expect(agenda.at(-1)).toMatchObject({ title: 'Open-source models', description: 'Raised at Plenary (10 February 2026) by Mistral AI.' });
    const [listed] = await call<FutureTopic[]>(backend, 'topics.list', {});
    expect(listed).toMatchObject({ pickedAgendaItemId: agenda.at(-1)!.id, pickedInto: 'Third plenary (10 April 2026)' });
    expect(await codeOf(backend, 'topics.pick', { topicId: t.id, meetingId: next.meeting.id })).toBe('conflict');
    // Removing the agenda item puts the topic back in the backlog.
    await call(backend, 'agenda.remove', { id: agenda.at(-1)!.id });
    const [back] = await call<FutureTopic[]>(backend, 'topics.list', {});
    expect(back).toMatchObject({ pickedAgendaItemId: null, pickedInto: '' });
    expect((await call<ProcedureState>(backend, 'procedure.state', { meetingId })).topicsRaised.map((x) => x.title)).toEqual(['Open-source models']);
  });
});

describe('ad hoc groups and invitations', () => {
  it('a meeting of an ad hoc group counts quorum and votes among the group’s members only', async () => {
    const { backend, orgs, reps } = await checkedIn();
    const meeting = await call<MeetingDetail>(backend, 'meetings.create', {
      title: 'Open-source group',
      kind: 'ad_hoc_group',
      groupName: 'Open source',
      startsAt: '2026-02-20T10:00',
      endsAt: '2026-02-20T11:00',
    });
    const meetingId = meeting.meeting.id;
    // No group recorded yet: the panel says why, and votes are refused.
    expect((await call<ProcedureState>(backend, 'procedure.state', { meetingId })).groupProblem).toMatch(/no recorded membership/);
    expect(await codeOf(backend, 'procedure.decide', { meetingId, sectionKey: 'opening', text: 'X', kind: 'default', ballot: { kind: 'consensus' } })).toBe('bad_request');

    await call(backend, 'groups.create', { name: 'open source', organisationIds: [orgs.alpha.id, orgs.beta.id, orgs.gamma.id] }); // names match whatever the case
    expect(await codeOf(backend, 'groups.create', { name: 'Open Source', organisationIds: [orgs.alpha.id] })).toBe('conflict');
    // Alpha and Delta (not in the group) come.
    await call(backend, 'attendance.set', { meetingId, representativeId: reps.a.id, status: 'in_person' });
    await call(backend, 'attendance.set', { meetingId, representativeId: reps.d1.id, status: 'in_person' });
    const st = await call<ProcedureState>(backend, 'procedure.state', { meetingId });
    expect(st.group?.name).toBe('open source');
    expect(st.members.map((o) => o.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(st.present).toEqual([orgs.alpha.id]);
    // Quorum: a majority of the group's 3 members = 2; only Alpha is present.
    const v = await call<{ vote: { outcome: string; explanation: string } }>(backend, 'procedure.decide', { meetingId, sectionKey: 'opening', text: 'Work plan', kind: 'default', ballot: { kind: 'consensus' } });
    expect(v.vote.explanation).toBe('No quorum: 1 of 3 member organisations present; a majority of members required (2). No decision was taken.');
    expect(await codeOf(backend, 'procedure.decide', { meetingId, sectionKey: 'opening', text: 'Y', kind: 'default', ballot: { kind: 'vote', votes: [{ organisationId: orgs.delta.id, position: 'for' }] } })).toBe('bad_request');
    await call(backend, 'groups.setMembers', { id: st.group!.id, organisationIds: [orgs.alpha.id, orgs.delta.id] });
    const w = await call<{ vote: { outcome: string } }>(backend, 'procedure.decide', { meetingId, sectionKey: 'opening', text: 'Work plan', kind: 'default', ballot: { kind: 'consensus' } });
    expect(w.vote.outcome).toBe('adopted');
  });

  it('links an external expert to the adopted decision that invited them', async () => {
    const { backend, meetingId, orgs } = await checkedIn();
    const all = [orgs.alpha, orgs.beta, orgs.gamma, orgs.delta].map((o) => ({ organisationId: o.id, position: 'for' as const }));
    const adopted = await call<{ vote: { decisionId: string } }>(backend, 'procedure.decide', { meetingId, sectionKey: 'opening', text: 'To invite Dr Example', kind: 'invite_external_expert', ballot: { kind: 'vote', votes: all } });
    const other = await call<{ vote: { decisionId: string } }>(backend, 'procedure.decide', { meetingId, sectionKey: 'opening', text: 'Something else', kind: 'default', ballot: { kind: 'consensus' } });
    const expert = await call<Participant>(backend, 'attendance.addPerson', { meetingId, category: 'external_expert', name: 'Dr Example' });
    const st = await call<ProcedureState>(backend, 'procedure.state', { meetingId });
    expect(st.invitingDecisions.map((d) => d.text)).toEqual(['To invite Dr Example']);
    const inv = await call<ProcedureState['invitations']>(backend, 'invitations.set', { participantId: expert.id, decisionId: adopted.vote.decisionId });
    expect(inv).toEqual([{ participantId: expert.id, decisionId: adopted.vote.decisionId, decision: 'To invite Dr Example', meeting: 'Plenary (10 February 2026)' }]);
    expect(await codeOf(backend, 'invitations.set', { participantId: expert.id, decisionId: other.vote.decisionId })).toBe('bad_request');
    expect(await call<unknown[]>(backend, 'invitations.set', { participantId: expert.id, decisionId: null })).toEqual([]);
  });
});
