import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASES,
  ballotProblems,
  computeOutcome,
  INITIAL_RULES,
  organisationsPresentAt,
  presentAt,
  QUORUMS,
  quorumRequired,
  RULES,
  versionInForce,
  type AttendanceEntry,
  type Ballot,
  type Base,
  type ComputedOutcome,
  type Position,
  type Quorum,
  type Rule,
} from '../../shared/procedure';

const orgsOf = (m: number) => Array.from({ length: m }, (_, i) => ({ id: `o${i + 1}`, name: `Org ${String.fromCharCode(65 + i)}` }));
const presentOf = (p: number) => new Set(Array.from({ length: p }, (_, i) => `o${i + 1}`));
/** Votes for the first organisations present, in order: `for` in favour, then `against`, then `abstain`. */
function votes(forN: number, againstN: number, abstainN: number): Ballot {
  const positions: Position[] = [...new Array<Position>(forN).fill('for'), ...new Array<Position>(againstN).fill('against'), ...new Array<Position>(abstainN).fill('abstain')];
  return { kind: 'vote', votes: positions.map((position, i) => ({ organisationId: `o${i + 1}`, position })) };
}

/**
 * Every rule × base × quorum, worked by hand on two scenarios of a body of 9 member organisations.
 * Quorums for 9 members: none 0, one third 3, majority 5, two thirds 6.
 *
 * S1: 6 present; 4 for, 1 against, 1 abstains (votes cast 5). Quorum met whatever the quorum.
 * S2: 4 present; 3 for, 0 against, 1 abstains (votes cast 3). Quorum met only for none and one third.
 */
type Expect = { outcome: 'adopted' | 'rejected'; required: number };
const S1: Record<Rule, Record<Base, Expect>> = {
  // consensus: the base plays no part; one organisation objected.
  consensus: { present: { outcome: 'rejected', required: 6 }, votes_cast: { outcome: 'rejected', required: 6 }, all_members: { outcome: 'rejected', required: 6 } },
  // ⌊B/2⌋+1: present 6 → 4; cast 5 → 3; all 9 → 5 (4 < 5).
  simple_majority: { present: { outcome: 'adopted', required: 4 }, votes_cast: { outcome: 'adopted', required: 3 }, all_members: { outcome: 'rejected', required: 5 } },
  // ⌈2B/3⌉: present 6 → 4; cast 5 → 4; all 9 → 6.
  two_thirds: { present: { outcome: 'adopted', required: 4 }, votes_cast: { outcome: 'adopted', required: 4 }, all_members: { outcome: 'rejected', required: 6 } },
  // B: 6, 5, 9 — never reached with 4 in favour.
  unanimity: { present: { outcome: 'rejected', required: 6 }, votes_cast: { outcome: 'rejected', required: 5 }, all_members: { outcome: 'rejected', required: 9 } },
};
const S2: Record<Rule, Record<Base, Expect>> = {
  // no objection (the abstention is noted): adopted.
  consensus: { present: { outcome: 'adopted', required: 4 }, votes_cast: { outcome: 'adopted', required: 4 }, all_members: { outcome: 'adopted', required: 4 } },
  // present 4 → 3; cast 3 → 2; all 9 → 5.
  simple_majority: { present: { outcome: 'adopted', required: 3 }, votes_cast: { outcome: 'adopted', required: 2 }, all_members: { outcome: 'rejected', required: 5 } },
  // present 4 → ⌈8/3⌉ = 3; cast 3 → 2; all 9 → 6.
  two_thirds: { present: { outcome: 'adopted', required: 3 }, votes_cast: { outcome: 'adopted', required: 2 }, all_members: { outcome: 'rejected', required: 6 } },
  // present: the abstaining organisation is not in favour → rejected; votes cast 3 of 3 → adopted; all 9 → rejected.
  unanimity: { present: { outcome: 'rejected', required: 4 }, votes_cast: { outcome: 'adopted', required: 3 }, all_members: { outcome: 'rejected', required: 9 } },
};
const QUORUM_OF_9: Record<Quorum, number> = { none: 0, one_third: 3, majority: 5, two_thirds: 6 };

describe('every rule × base × quorum (hand-worked, 9 member organisations)', () => {
  const members = orgsOf(9);
  for (const rule of RULES)
    for (const base of BASES)
      for (const quorum of QUORUMS) {
        it(`${rule} of ${base}, quorum ${quorum}: 6 present (4–1–1)`, () => {
          const r = computeOutcome({ rule: { rule, base, quorum }, members, present: presentOf(6), ballot: votes(4, 1, 1) });
          expect(r.tally.quorumRequired).toBe(QUORUM_OF_9[quorum]);
          expect(r.outcome).toBe(S1[rule][base].outcome);
          expect(r.tally.required).toBe(S1[rule][base].required);
          expect(r.tally).toMatchObject({ members: 9, present: 6, inFavour: 4, against: 1, abstained: 1, notVoting: 0 });
        });
        it(`${rule} of ${base}, quorum ${quorum}: 4 present (3–0–1)`, () => {
          const r = computeOutcome({ rule: { rule, base, quorum }, members, present: presentOf(4), ballot: votes(3, 0, 1) });
          const quorate = 4 >= QUORUM_OF_9[quorum];
          expect(r.outcome).toBe(quorate ? S2[rule][base].outcome : 'no_quorum');
          expect(r.tally.required).toBe(S2[rule][base].required);
          if (!quorate) expect(r.explanation).toMatch(/^No quorum: 4 of 9 member organisations present; .* required \(\d\)\. No decision was taken\.$/);
        });
      }
});

describe('explanations in words', () => {
  it('says the issue’s example exactly: 14 of 18 present under two thirds', () => {
    const r = computeOutcome({ rule: { rule: 'two_thirds', base: 'present', quorum: 'majority' }, members: orgsOf(20), present: presentOf(18), ballot: votes(14, 3, 1) });
    expect(r.outcome).toBe('adopted');
    expect(r.explanation).toBe('Adopted: 14 of 18 member organisations present in favour; two thirds required (12). 3 against, 1 abstention.');
  });
  it('counts organisations present that gave no position as not voting', () => {
    const r = computeOutcome({ rule: { rule: 'simple_majority', base: 'present', quorum: 'none' }, members: orgsOf(5), present: presentOf(5), ballot: votes(2, 1, 0) });
    expect(r.outcome).toBe('rejected');
    expect(r.explanation).toBe('Rejected: 2 of 5 member organisations present in favour; a simple majority required (3). 1 against, 2 did not vote.');
  });
  it('votes cast leave abstentions out', () => {
    const r = computeOutcome({ rule: { rule: 'two_thirds', base: 'votes_cast', quorum: 'none' }, members: orgsOf(10), present: presentOf(10), ballot: votes(4, 2, 4) });
    expect(r.explanation).toBe('Adopted: 4 of 6 votes cast in favour; two thirds of votes cast required (4). 2 against, 4 abstentions (not votes cast).');
  });
  it('all members counts the absent too', () => {
    const r = computeOutcome({ rule: { rule: 'simple_majority', base: 'all_members', quorum: 'none' }, members: orgsOf(20), present: presentOf(12), ballot: votes(10, 2, 0) });
    expect(r.explanation).toBe('Rejected: 10 of all 20 member organisations in favour (12 present); a simple majority of all members required (11). 2 against.');
  });
  it('no quorum says how many were needed', () => {
    const r = computeOutcome({ rule: { rule: 'two_thirds', base: 'present', quorum: 'majority' }, members: orgsOf(18), present: presentOf(9), ballot: votes(9, 0, 0) });
    expect(r.outcome).toBe('no_quorum');
    expect(r.explanation).toBe('No quorum: 9 of 18 member organisations present; a majority of members required (10). No decision was taken.');
  });
  it('nobody present is no quorum even without a quorum rule', () => {
    const r = computeOutcome({ rule: { rule: 'consensus', base: 'present', quorum: 'none' }, members: orgsOf(3), present: new Set(), ballot: { kind: 'consensus', objections: [], dissent: [] } });
    expect(r.outcome).toBe('no_quorum');
  });
});

describe('edge cases', () => {
  const members = orgsOf(8);
  it('a tie under simple majority of votes cast is rejected', () => {
    const r = computeOutcome({ rule: { rule: 'simple_majority', base: 'votes_cast', quorum: 'none' }, members, present: presentOf(8), ballot: votes(3, 3, 2) });
    expect(r.outcome).toBe('rejected');
    expect(r.tally.required).toBe(4);
  });
  it('a tie under simple majority of members present is rejected (4 of 8)', () => {
    const r = computeOutcome({ rule: { rule: 'simple_majority', base: 'present', quorum: 'none' }, members, present: presentOf(8), ballot: votes(4, 4, 0) });
    expect(r.outcome).toBe('rejected');
    expect(r.tally.required).toBe(5);
  });
  it('two thirds exactly reached is adopted, one short is rejected', () => {
    const m12 = orgsOf(12);
    const rule = { rule: 'two_thirds', base: 'present', quorum: 'none' } as const;
    expect(computeOutcome({ rule, members: m12, present: presentOf(12), ballot: votes(8, 4, 0) }).outcome).toBe('adopted');
    expect(computeOutcome({ rule, members: m12, present: presentOf(12), ballot: votes(7, 5, 0) }).outcome).toBe('rejected');
  });
  it('everyone abstaining under votes cast: nothing adopted', () => {
    for (const rule of ['simple_majority', 'two_thirds', 'unanimity'] as const) {
      const r = computeOutcome({ rule: { rule, base: 'votes_cast', quorum: 'none' }, members, present: presentOf(4), ballot: votes(0, 0, 4) });
      expect(r.outcome).toBe('rejected');
      expect(r.explanation).toMatch(/^Rejected: no votes cast; .* 4 abstentions \(not votes cast\)\.$/);
    }
  });
  it('consensus with dissent noted: adopted; names only in the internal explanation', () => {
    const r = computeOutcome({ rule: { rule: 'consensus', base: 'present', quorum: 'majority' }, members, present: presentOf(6), ballot: { kind: 'consensus', objections: [], dissent: ['o2'] } });
    expect(r.outcome).toBe('adopted');
    expect(r.explanation).toBe('Adopted by consensus: no objection among the 6 member organisations present. Dissent noted from 1 (Org B).');
    expect(r.publicExplanation).toBe('Adopted by consensus: no objection among the 6 member organisations present. Dissent noted from 1.');
  });
  it('consensus blocked by one objection', () => {
    const r = computeOutcome({ rule: { rule: 'consensus', base: 'present', quorum: 'none' }, members, present: presentOf(6), ballot: { kind: 'consensus', objections: ['o3'], dissent: [] } });
    expect(r.outcome).toBe('rejected');
    expect(r.explanation).toBe('Rejected: no consensus; 1 of the 6 member organisations present objected (Org C).');
    expect(r.publicExplanation).not.toContain('Org C');
  });
  it('a consensus ballot under a voting rule counts everyone present without objection in favour', () => {
    const r = computeOutcome({ rule: { rule: 'two_thirds', base: 'present', quorum: 'none' }, members, present: presentOf(6), ballot: { kind: 'consensus', objections: ['o1'], dissent: ['o2'] } });
    expect(r.tally).toMatchObject({ inFavour: 4, against: 1, abstained: 1 });
    expect(r.outcome).toBe('adopted');
  });
  it('positions of organisations not present are not counted, and the ballot check names them', () => {
    const b = votes(5, 0, 0);
    const r = computeOutcome({ rule: { rule: 'unanimity', base: 'present', quorum: 'none' }, members, present: presentOf(3), ballot: b });
    expect(r.tally.inFavour).toBe(3);
    expect(r.outcome).toBe('adopted');
    expect(ballotProblems(b, members, presentOf(3))).toEqual([
      'Org D is not present at the moment of the decision, so it cannot vote.',
      'Org E is not present at the moment of the decision, so it cannot vote.',
    ]);
  });
  it('one position per organisation; non-members cannot vote', () => {
    const b: Ballot = { kind: 'vote', votes: [{ organisationId: 'o1', position: 'for' }, { organisationId: 'o1', position: 'against' }, { organisationId: 'x', position: 'for' }] };
    expect(ballotProblems(b, members, presentOf(8))).toEqual(['Org A appears twice: one position per organisation.', 'A vote was given for an organisation that is not a member.']);
  });
  it('quorum thresholds', () => {
    expect([0, 1, 2, 3, 18].map((m) => quorumRequired('majority', m))).toEqual([1, 1, 2, 2, 10]);
    expect([0, 1, 2, 3, 18].map((m) => quorumRequired('two_thirds', m))).toEqual([0, 1, 2, 2, 12]);
    expect([0, 1, 2, 3, 18].map((m) => quorumRequired('one_third', m))).toEqual([0, 1, 1, 1, 6]);
  });
});

describe('attendance at the moment of the vote', () => {
  const T = (hm: string) => `2026-01-30T${hm}:00.000Z`;
  it('arrivals and departures decide presence at an instant', () => {
    const left = [{ kind: 'leave' as const, at: T('10:30') }];
    expect(presentAt('in_person', left, T('10:15'))).toBe(true); // there from the start until 10:30
    expect(presentAt('in_person', left, T('10:45'))).toBe(false);
    const late = [{ kind: 'arrive' as const, at: T('10:20') }];
    expect(presentAt('remote', late, T('10:10'))).toBe(false);
    expect(presentAt('remote', late, T('10:20'))).toBe(true);
    const back = [...late, { kind: 'leave' as const, at: T('11:00') }, { kind: 'arrive' as const, at: T('11:30') }];
    expect([T('10:00'), T('10:30'), T('11:10'), T('11:45')].map((t) => presentAt('in_person', back, t))).toEqual([false, true, false, true]);
    expect(presentAt('excused', [], T('10:00'))).toBe(false);
    // Status changes are not movements.
    const withStatus = [{ kind: 'status' as const, at: T('09:55'), status: 'remote' as const }, ...left];
    expect(presentAt('remote', withStatus, T('10:15'))).toBe(true);
    expect(presentAt('remote', withStatus, T('10:45'))).toBe(false);
    expect(presentAt('in_person', [], T('10:00'))).toBe(true);
  });
  it('an organisation with two representatives counts once, and stays present while one remains', () => {
    const members = new Set(['mistral', 'google']);
    const att: AttendanceEntry[] = [
      { category: 'representative', organisationId: 'mistral', status: 'in_person', events: [{ kind: 'leave', at: T('10:30') }] },
      { category: 'representative', organisationId: 'mistral', status: 'remote', events: [{ kind: 'leave', at: T('11:00') }] },
      { category: 'representative', organisationId: 'google', status: 'in_person', events: [] },
      { category: 'observer', organisationId: null, status: 'in_person', events: [] },
      { category: 'representative', organisationId: 'aio', status: 'in_person', events: [] }, // the chair: not a member
    ];
    expect([...organisationsPresentAt(att, members, T('10:15'))].sort()).toEqual(['google', 'mistral']);
    expect([...organisationsPresentAt(att, members, T('10:45'))].sort()).toEqual(['google', 'mistral']);
    expect([...organisationsPresentAt(att, members, T('11:15'))]).toEqual(['google']);
  });
  it('a member leaving between two votes changes the second outcome (two thirds of those present)', () => {
    const members = orgsOf(4);
    const att: AttendanceEntry[] = members.map((o, i) => ({
      category: 'representative' as const,
      organisationId: o.id,
      status: 'in_person' as const,
      events: i === 3 ? [{ kind: 'leave' as const, at: T('11:00') }] : [],
    }));
    const ids = new Set(members.map((o) => o.id));
    const rule = { rule: 'two_thirds', base: 'present', quorum: 'majority' } as const;
    // 10:30: 4 present, 2 for / 2 against → 2 < ⌈8/3⌉ = 3: rejected. 11:30: o4 (against) has left: 2 of 3 → adopted.
    const ballot = (present: Set<string>): Ballot => ({ kind: 'vote', votes: [...present].map((id) => ({ organisationId: id, position: id === 'o1' || id === 'o2' ? 'for' : 'against' })) });
    const p1 = organisationsPresentAt(att, ids, T('10:30'));
    const p2 = organisationsPresentAt(att, ids, T('11:30'));
    expect(computeOutcome({ rule, members, present: p1, ballot: ballot(p1) }).outcome).toBe('rejected');
    const second = computeOutcome({ rule, members, present: p2, ballot: ballot(p2) });
    expect(second.outcome).toBe('adopted');
    expect(second.explanation).toBe('Adopted: 2 of 3 member organisations present in favour; two thirds required (2). 1 against.');
  });
});

describe('rules versions', () => {
  const v = (adoptedOn: string, createdAt = 't') => ({ adoptedOn, createdAt, rules: INITIAL_RULES });
  it('a meeting uses the version in force on its date', () => {
    const vs = [v('2026-01-30'), v('2026-06-15'), v('2026-03-01')];
    expect(versionInForce(vs, '2026-01-29')).toBeUndefined();
    expect(versionInForce(vs, '2026-01-30T10:00')?.adoptedOn).toBe('2026-01-30');
    expect(versionInForce(vs, '2026-05-31')?.adoptedOn).toBe('2026-03-01');
    expect(versionInForce(vs, '2026-06-15')?.adoptedOn).toBe('2026-06-15');
    expect(versionInForce([v('2026-03-01', 'a'), v('2026-03-01', 'b')], '2026-04-01')?.createdAt).toBe('b');
  });
});

describe('properties', () => {
  const ruleArb = fc.record({ rule: fc.constantFrom(...RULES), base: fc.constantFrom(...BASES), quorum: fc.constantFrom(...QUORUMS) });
  const scenario = fc.integer({ min: 1, max: 30 }).chain((m) =>
    fc.record({
      m: fc.constant(m),
      present: fc.subarray(Array.from({ length: m }, (_, i) => `o${i + 1}`)),
      positions: fc.array(fc.constantFrom<Position | 'none'>('for', 'against', 'abstain', 'none'), { minLength: m, maxLength: m }),
    }),
  );
  const ballotOf = (present: string[], positions: Array<Position | 'none'>): Ballot => ({
    kind: 'vote',
    votes: present.flatMap((id) => {
      const p = positions[Number(id.slice(1)) - 1]!;
      return p === 'none' ? [] : [{ organisationId: id, position: p }];
    }),
  });

  it('one more vote in favour never turns Adopted into Rejected', () => {
    fc.assert(
      fc.property(ruleArb, scenario, fc.nat(), (rule, s, pick) => {
        fc.pre(s.present.length > 0);
        const members = orgsOf(s.m);
        const present = new Set(s.present);
        const id = s.present[pick % s.present.length]!;
        const before = computeOutcome({ rule, members, present, ballot: ballotOf(s.present, s.positions) });
        const changed = [...s.positions];
        changed[Number(id.slice(1)) - 1] = 'for';
        const after = computeOutcome({ rule, members, present, ballot: ballotOf(s.present, changed) });
        if (before.outcome === 'adopted') expect(after.outcome).toBe('adopted');
        expect(after.tally.inFavour).toBeGreaterThanOrEqual(before.tally.inFavour);
      }),
      { numRuns: 500 },
    );
  });

  it('the tally adds up and the outcome is one of three; adopted means the requirement and quorum were met', () => {
    fc.assert(
      fc.property(ruleArb, scenario, (rule, s) => {
        const r = computeOutcome({ rule, members: orgsOf(s.m), present: new Set(s.present), ballot: ballotOf(s.present, s.positions) });
        const t = r.tally;
        expect(t.inFavour + t.against + t.abstained + t.notVoting).toBe(t.present);
        expect((['adopted', 'rejected', 'no_quorum'] as ComputedOutcome[]).includes(r.outcome)).toBe(true);
        if (r.outcome === 'adopted') {
          expect(t.present).toBeGreaterThanOrEqual(t.quorumRequired);
          expect(t.inFavour).toBeGreaterThan(0);
          if (rule.rule === 'consensus') expect(t.against).toBe(0);
          else expect(t.inFavour).toBeGreaterThanOrEqual(t.required);
        }
        expect(r.publicExplanation).not.toMatch(/Org [A-Z]/);
      }),
      { numRuns: 500 },
    );
  });

  it('who represents an organisation, and how many, does not change the outcome', () => {
    fc.assert(
      fc.property(ruleArb, scenario, fc.array(fc.nat({ max: 3 }), { minLength: 30, maxLength: 30 }), (rule, s, reps) => {
        const members = orgsOf(s.m);
        const ids = new Set(members.map((o) => o.id));
        const at = '2026-01-30T10:00:00.000Z';
        const att: AttendanceEntry[] = s.present.flatMap((id, i) =>
          Array.from({ length: 1 + reps[i]! }, () => ({ category: 'representative' as const, organisationId: id, status: 'in_person' as const, events: [] })),
        );
        const present = organisationsPresentAt(att, ids, at);
        expect(present).toEqual(new Set(s.present));
        const a = computeOutcome({ rule, members, present, ballot: ballotOf(s.present, s.positions) });
        const b = computeOutcome({ rule, members, present: new Set(s.present), ballot: ballotOf(s.present, s.positions) });
        expect(a).toEqual(b);
      }),
      { numRuns: 200 },
    );
  });
});

describe('follow-up and safeguards', async () => {
  const { isOverdue, agendaWarnings } = await import('../../shared/procedure');
  it('an open action is overdue the day after its due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '2026-03-01' }, '2026-03-02T09:00')).toBe(true);
    expect(isOverdue({ status: 'done', dueDate: '2026-03-01' }, '2026-04-01')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '' }, '2026-04-01')).toBe(false);
  });
  it('an "any other business" item with no described content draws a warning', () => {
    const w = agendaWarnings([
      { id: 'a', number: '1', title: 'Opening', kind: 'information', description: '' },
      { id: 'b', number: '6', title: 'Any other business', kind: 'aob', description: '  ' },
      { id: 'c', number: '7', title: 'AOB', kind: 'aob', description: 'Date of the next meeting' },
    ]);
    expect(w.map((x) => x.itemId)).toEqual(['b']);
    expect(w[0]!.message).toMatch(/^Item 6 “Any other business” has no described content\. Under EU competition law/);
  });
});
