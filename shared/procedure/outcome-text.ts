import type { Ballot, Tally } from './outcome';
import type { Base, KindRule, Quorum, Rule } from './rules';

/**
 * The positions and outcomes of a decision, their labels, and the rules that compute an outcome and put it in words,
 * without a schema: the public preview (shared/redaction/public-summary.ts) needs them in the renderer without zod
 * (issue 16). outcome.ts holds the schemas (a ballot, a tally) and re-exports everything here.
 */
export const POSITIONS = ['for', 'against', 'abstain'] as const;
export type Position = (typeof POSITIONS)[number];
export const POSITION_LABEL: Record<Position, string> = { for: 'In favour', against: 'Against', abstain: 'Abstains' };

export const OUTCOMES = ['adopted', 'rejected', 'no_quorum'] as const;
export type ComputedOutcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABEL: Record<ComputedOutcome, string> = { adopted: 'Adopted', rejected: 'Rejected', no_quorum: 'No quorum' };

export interface OutcomeResult {
  outcome: ComputedOutcome;
  tally: Tally;
  /** For the internal minutes: may name organisations that objected or noted dissent. */
  explanation: string;
  /** For the public summary: counts only, never a name. */
  publicExplanation: string;
}

export interface Org {
  id: string;
  name: string;
}

/** Member organisations that must be present: none, ⌈M/3⌉, ⌊M/2⌋+1, ⌈2M/3⌉. */
export function quorumRequired(quorum: Quorum, members: number): number {
  switch (quorum) {
    case 'none':
      return 0;
    case 'one_third':
      return Math.ceil(members / 3);
    case 'majority':
      return Math.floor(members / 2) + 1;
    case 'two_thirds':
      return Math.ceil((2 * members) / 3);
  }
}

/** Votes in favour needed out of `base`: never fewer than one (nothing is adopted with no one in favour). */
export function votesRequired(rule: Exclude<Rule, 'consensus'>, base: number): number {
  const n = rule === 'simple_majority' ? Math.floor(base / 2) + 1 : rule === 'two_thirds' ? Math.ceil((2 * base) / 3) : base;
  return Math.max(1, n);
}

/** What is wrong with a ballot given who is present: votes from absent or non-member organisations, duplicates. */
export function ballotProblems(ballot: Ballot, members: readonly Org[], present: ReadonlySet<string>): string[] {
  const names = new Map(members.map((o) => [o.id, o.name]));
  const name = (id: string) => names.get(id) ?? 'an organisation that is not a member';
  const problems: string[] = [];
  const seen = new Set<string>();
  const ids = ballot.kind === 'vote' ? ballot.votes.map((v) => v.organisationId) : [...ballot.objections, ...ballot.dissent];
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${name(id)} appears twice: one position per organisation.`);
    seen.add(id);
    if (!names.has(id)) problems.push(`A vote was given for ${name(id)}.`);
    else if (!present.has(id)) problems.push(`${name(id)} is not present at the moment of the decision, so it cannot vote.`);
  }
  return problems;
}

const RULE_REQUIRED: Record<Exclude<Rule, 'consensus'>, string> = {
  simple_majority: 'a simple majority',
  two_thirds: 'two thirds',
  unanimity: 'unanimity',
};

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const orgs = (count: number) => n(count, 'member organisation', 'member organisations');

/**
 * The outcome of a decision under `rule`, given the member organisations of the body, those present at the moment
 * and the ballot. Positions of organisations not present or not members are ignored here (ballotProblems reports
 * them; the service refuses such a ballot).
 */
export function computeOutcome(input: { rule: KindRule; members: readonly Org[]; present: ReadonlySet<string>; ballot: Ballot }): OutcomeResult {
  const { rule, members, ballot } = input;
  const memberIds = new Set(members.map((o) => o.id));
  const present = new Set([...input.present].filter((id) => memberIds.has(id)));
  const names = new Map(members.map((o) => [o.id, o.name]));
  const M = memberIds.size;
  const P = present.size;

  // Positions of the organisations present. A consensus ballot counts everyone present as in favour except those
  // objecting (against) and those noting dissent (abstaining).
  const position = new Map<string, Position>();
  if (ballot.kind === 'vote') {
    for (const v of ballot.votes) if (present.has(v.organisationId) && !position.has(v.organisationId)) position.set(v.organisationId, v.position);
  } else {
    for (const id of present) position.set(id, 'for');
    for (const id of ballot.dissent) if (present.has(id)) position.set(id, 'abstain');
    for (const id of ballot.objections) if (present.has(id)) position.set(id, 'against');
  }
  let F = 0;
  let A = 0;
  let Ab = 0;
  for (const p of position.values()) {
    if (p === 'for') F++;
    else if (p === 'against') A++;
    else Ab++;
  }
  const notVoting = P - F - A - Ab;
  const Q = quorumRequired(rule.quorum, M);
  const baseCount = (b: Base) => (b === 'present' ? P : b === 'votes_cast' ? F + A : M);
  const B = rule.rule === 'consensus' ? P : baseCount(rule.base);
  const required = rule.rule === 'consensus' ? P : votesRequired(rule.rule, B);
  const tally: Tally = { members: M, present: P, inFavour: F, against: A, abstained: Ab, notVoting, base: B, required, quorumRequired: Q };

  const objecting = [...position].filter(([, p]) => p === 'against').map(([id]) => names.get(id) ?? id);
  const dissenting = [...position].filter(([, p]) => p === 'abstain').map(([id]) => names.get(id) ?? id);
  const outcome: ComputedOutcome = P < Q || P === 0 ? 'no_quorum' : rule.rule === 'consensus' ? (A === 0 && F > 0 ? 'adopted' : 'rejected') : F >= required ? 'adopted' : 'rejected';
  const v: PublicVote = { decisionId: '', sectionKey: '', outcome, rule, tally, ballotKind: ballot.kind };
  return { outcome, tally, explanation: explainOutcome(v, { objecting, dissenting }), publicExplanation: explainOutcome(v) };
}

/**
 * What the public summary may know of a vote: the rule, the counts and the outcome. No organisation is named; the
 * public words are made from this alone (publicVoteText), so no name can reach them.
 */
export interface PublicVote {
  /** The decision voted on: its outcome is printed where its paragraph is (public-summary.ts, votePlacement). */
  decisionId: string;
  /** The item the decision's record names: where the outcome is printed when the minutes hold no paragraph of it. */
  sectionKey: string;
  outcome: ComputedOutcome;
  rule: KindRule;
  tally: Tally;
  ballotKind: Ballot['kind'];
}

export function publicVoteText(v: PublicVote): string {
  return explainOutcome(v);
}

/** The outcome in words, from the counts; `names` (internal minutes only) adds who objected or noted dissent under consensus. */
export function explainOutcome(v: PublicVote, names?: { objecting: string[]; dissenting: string[] }): string {
  const { rule, tally: t } = v;
  const { members: M, present: P, inFavour: F, against: A, abstained: Ab, notVoting, base: B, required, quorumRequired: Q } = t;
  if (v.outcome === 'no_quorum')
    return P === 0
      ? 'No quorum: no member organisation present. No decision was taken.'
      : `No quorum: ${P} of ${orgs(M)} present; ${describeQuorum(rule.quorum)} required (${Q}). No decision was taken.`;

  const details = (parts: Array<[number, string, string]>) => {
    const s = parts.filter(([c]) => c > 0).map(([c, one, many]) => n(c, one, many));
    return s.length ? ` ${capitalise(s.join(', '))}.` : '';
  };
  const list = (xs: string[] | undefined) => (xs && xs.length ? ` (${[...xs].sort((a, b) => a.localeCompare(b, 'en')).join(', ')})` : '');

  if (rule.rule === 'consensus') {
    if (v.outcome === 'adopted') {
      const what = v.ballotKind === 'consensus' ? 'Dissent noted from' : 'Abstaining:';
      return `Adopted by consensus: no objection among the ${orgs(P)} present.${Ab === 0 ? '' : ` ${what} ${Ab}${list(names?.dissenting)}.`}`;
    }
    return A > 0
      ? `Rejected: no consensus; ${A} of the ${orgs(P)} present objected${list(names?.objecting)}.`
      : `Rejected: no consensus; none of the ${orgs(P)} present was in favour.`;
  }

  const head = v.outcome === 'adopted' ? 'Adopted' : 'Rejected';
  if (rule.base === 'present')
    return (
      `${head}: ${F} of ${orgs(P)} present in favour; ${RULE_REQUIRED[rule.rule]} required (${required}).` +
      details([
        [A, 'against', 'against'],
        [Ab, 'abstention', 'abstentions'],
        [notVoting, 'did not vote', 'did not vote'],
      ])
    );
  if (rule.base === 'votes_cast')
    return (
      (B === 0
        ? `${head}: no votes cast; ${RULE_REQUIRED[rule.rule]} of votes cast required.`
        : `${head}: ${F} of ${n(B, 'vote', 'votes')} cast in favour; ${RULE_REQUIRED[rule.rule]} of votes cast required (${required}).`) +
      details([
        [A, 'against', 'against'],
        [Ab, 'abstention (not a vote cast)', 'abstentions (not votes cast)'],
        [notVoting, 'did not vote', 'did not vote'],
      ])
    );
  return (
    `${head}: ${F} of all ${orgs(M)} in favour (${P} present); ${RULE_REQUIRED[rule.rule]} of all members required (${required}).` +
    details([
      [A, 'against', 'against'],
      [Ab, 'abstention', 'abstentions'],
      [notVoting, 'did not vote', 'did not vote'],
    ])
  );
}

function describeQuorum(q: Quorum): string {
  return q === 'one_third' ? 'one third of members' : q === 'majority' ? 'a majority of members' : q === 'two_thirds' ? 'two thirds of members' : 'no quorum';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
