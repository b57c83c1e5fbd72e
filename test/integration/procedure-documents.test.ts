import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { Organisation } from '../../shared/domain/members';
import type { Participant } from '../../shared/domain/attendance';
import { publicSummary, summaryText } from '../../shared/redaction/public-summary';
import type { PublicVote } from '../../shared/procedure';
import { call, makeBackend } from '../helpers/temp';
import { visibleText } from '../unit/export-docx-helpers';

const documentText = (r: ExportResult) => visibleText(strFromU8(unzipSync(Buffer.from(r.bytesBase64, 'base64'))['word/document.xml']!));

/**
 * Decisions with outcomes, safeguards and the approval record in the internal minutes; in the public summary only the
 * outcome by organisation count, through the one public model.
 */
describe('procedure in the documents', () => {
  it('internal minutes name who voted how; the public summary gives counts only', async () => {
    const b = makeBackend();
    const detail = await call<MeetingDetail>(b, 'example.load', {});
    const meetingId = detail.meeting.id;
    const threshold = detail.agenda.find((a) => a.title === 'Majority threshold for inviting external experts')!;
    const members = await call<Organisation[]>(b, 'members.list', {});
    const byName = (n: string) => members.find((o) => o.name === n)!;
    for (const n of ['Aleph Alpha', 'Anthropic', 'Google', 'Microsoft', 'Mistral AI'])
      for (const r of byName(n).representatives) await call<Participant>(b, 'attendance.set', { meetingId, representativeId: r.id, status: 'in_person' });
    await call(b, 'procedure.decide', {
      meetingId,
      sectionKey: threshold.id,
      text: 'To invite Dr Example as an external expert',
      kind: 'invite_external_expert',
      ballot: {
        kind: 'vote',
        votes: [
          { organisationId: byName('Aleph Alpha').id, position: 'for' },
          { organisationId: byName('Anthropic').id, position: 'for' },
          { organisationId: byName('Google').id, position: 'for' },
          { organisationId: byName('Microsoft').id, position: 'for' },
          { organisationId: byName('Mistral AI').id, position: 'against' },
        ],
      },
    });
    const decisions = await call<Array<{ id: string }>>(b, 'decisions.list', { meetingId });
    const expert = await call<Participant>(b, 'attendance.addPerson', { meetingId, category: 'external_expert', name: 'Dr Example' });
    await call(b, 'invitations.set', { participantId: expert.id, decisionId: decisions[0]!.id });
    await call(b, 'safeguards.add', { meetingId, kind: 'statement_read', by: 'Elena Marchetti' });
    await call(b, 'safeguards.add', { meetingId, kind: 'left_over_concerns', names: ['Hugo Martin'] });
    await call(b, 'approval.set', { meetingId, circulatedBy: 'Secretariat', circulatedOn: '2026-02-12', approvedBy: 'The Taskforce', approvedOn: '2026-03-10' });

    const internal = documentText(await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'internal_minutes' }));
    expect(internal).toContain('Adopted: 4 of 5 member organisations present in favour; two thirds required (4). 1 against.');
    expect(internal).toContain('In favour: Aleph Alpha, Anthropic, Google, Microsoft.');
    expect(internal).toContain('Against: Mistral AI.');
    expect(internal).toContain('Invited experts and observers');
    expect(internal).toMatch(/Dr Example\s*To invite Dr Example as an external expert\s*Constitutive meeting of the Signatory Taskforce \(30 January 2026\)/);
    expect(internal).toContain('Competition-law statement read');
    expect(internal).toContain('Elena Marchetti');
    expect(internal).toContain('A participant left over competition concerns');
    expect(internal).toContain('Circulated by Secretariat on 12 February 2026.');
    expect(internal).toContain('Approved by The Taskforce on 10 March 2026.');

    const pub = documentText(await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true }));
    expect(pub).toContain('Outcome of a vote: Adopted: 4 of 5 member organisations present in favour; two thirds required (4). 1 against.');
    expect(pub).not.toContain('In favour:');
    expect(pub).not.toContain('Against: Mistral');
    expect(pub).not.toContain('Dr Example'); // neither the decision's text (typed only in the Procedure tab) nor the expert's name
    expect(pub).not.toContain('Hugo Martin');
    expect(pub).not.toContain('Elena Marchetti');

    // Withheld item: the outcome is not published either.
    await call(b, 'agenda.update', { id: threshold.id, forPublication: false });
    const withheld = documentText(await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true }));
    expect(withheld).not.toContain('Outcome of a vote');
  });

  it('the public model words a consensus with dissent by count, never by name', () => {
    const vote: PublicVote = {
      decisionId: 'd-1',
      sectionKey: 'opening',
      outcome: 'adopted',
      rule: { rule: 'consensus', base: 'present', quorum: 'majority' },
      tally: { members: 6, present: 5, inFavour: 4, against: 0, abstained: 1, notVoting: 0, base: 5, required: 5, quorumRequired: 4 },
      ballotKind: 'consensus',
    };
    const s = publicSummary({
      bodyName: 'Taskforce',
      meeting: { title: 'Plenary', startsAt: '2026-03-10T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
      agenda: [],
      sections: [],
      attendance: [],
      votes: [vote, { ...vote, sectionKey: 'nowhere' }],
    });
    const lines = summaryText(s);
    expect(lines).toContain('Opening: Outcome of a vote: Adopted by consensus: no objection among the 5 member organisations present. Dissent noted from 1.');
    expect(lines.filter((l) => l.includes('Outcome of a vote'))).toHaveLength(1); // a vote of an unknown section is left out
  });
});
