import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/domain/attendance';
import { countsText, liveCounts } from '../../renderer/features/attendance/counts';

const p = (over: Partial<Participant>): Participant => ({
  id: Math.random().toString(36),
  meetingId: 'm',
  category: 'representative',
  representativeId: 'r',
  organisationId: 'o1',
  name: 'X',
  organisation: 'Org',
  printedOrganisation: 'Org',
  status: 'in_person',
  present: true,
  events: [],
  ...over,
});

describe('live attendance counts', () => {
  it('a departure counts; observers are apart from member organisations', () => {
    const people = [
      p({ organisationId: 'o1' }),
      p({ organisationId: 'o1', status: 'remote' }),
      p({ organisationId: 'o2', present: false, events: [{ kind: 'arrive', at: '2026-01-30T09:00:00Z' }, { kind: 'leave', at: '2026-01-30T10:00:00Z' }] }),
      p({ category: 'observer', representativeId: null, organisationId: null, organisation: 'EDPS' }),
      p({ status: 'excused', present: false, organisationId: 'o3' }),
    ];
    const c = liveCounts(people);
    expect(c).toEqual({ membersPresent: 2, organisationsPresent: 1, inPerson: 2, remote: 1, othersPresent: 1, left: 1, excused: 1 });
    expect(countsText(c)).toBe('2 members present from 1 organisation · 2 in person · 1 remote · 1 observer, expert or staff present · 1 left · 1 excused');
  });
});
