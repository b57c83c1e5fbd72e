import * as z from 'zod';
import { Id, Instant, RequiredText } from '../domain/common';
import { lazySchema } from '../lazy-schema';

/**
 * The rules of procedure as data of the body: for each kind of decision, the rule (consensus, simple majority, two
 * thirds, unanimity), the base it is counted on (member organisations present, votes cast, all members) and a quorum
 * (how many member organisations must be present). Versioned by the date the body adopted them: a meeting uses the
 * version in force on its date.
 */
export const DECISION_KINDS = ['default', 'invite_external_expert', 'create_ad_hoc_group', 'input_on_guidance', 'change_rules'] as const;
export const DecisionKind = lazySchema(() => z.enum(DECISION_KINDS));
export type DecisionKind = z.infer<typeof DecisionKind>;
export const DECISION_KIND_LABEL: Record<DecisionKind, string> = {
  default: 'Other decision',
  invite_external_expert: 'Inviting an external expert',
  create_ad_hoc_group: 'Creating an ad hoc group',
  input_on_guidance: 'Adopting input on guidance',
  change_rules: 'Changing the rules of procedure',
};

export const RULES = ['consensus', 'simple_majority', 'two_thirds', 'unanimity'] as const;
export const Rule = lazySchema(() => z.enum(RULES));
export type Rule = z.infer<typeof Rule>;
export const RULE_LABEL: Record<Rule, string> = {
  consensus: 'consensus',
  simple_majority: 'simple majority',
  two_thirds: 'two-thirds majority',
  unanimity: 'unanimity',
};

export const BASES = ['present', 'votes_cast', 'all_members'] as const;
export const Base = lazySchema(() => z.enum(BASES));
export type Base = z.infer<typeof Base>;
export const BASE_LABEL: Record<Base, string> = {
  present: 'member organisations present',
  votes_cast: 'votes cast',
  all_members: 'all member organisations',
};

/** Share of all member organisations that must be present for a decision to be taken. */
export const QUORUMS = ['none', 'one_third', 'majority', 'two_thirds'] as const;
export const Quorum = lazySchema(() => z.enum(QUORUMS));
export type Quorum = z.infer<typeof Quorum>;
export const QUORUM_LABEL: Record<Quorum, string> = {
  none: 'no quorum',
  one_third: 'one third of members present',
  majority: 'a majority of members present',
  two_thirds: 'two thirds of members present',
};

export const KindRule = lazySchema(() => z.object({ rule: Rule, base: Base, quorum: Quorum }).strict());
export type KindRule = z.infer<typeof KindRule>;

export const RulesTable = lazySchema(() => z.object({
  default: KindRule,
  invite_external_expert: KindRule,
  create_ad_hoc_group: KindRule,
  input_on_guidance: KindRule,
  change_rules: KindRule,
}));
export type RulesTable = z.infer<typeof RulesTable>;

/** A calendar day YYYY-MM-DD that exists. */
export const Day = lazySchema(() => z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-30')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
  }, 'is not a real date'));

export const RulesVersion = lazySchema(() => z.object({
  id: Id,
  adoptedOn: Day,
  title: z.string(),
  rules: RulesTable,
  createdAt: Instant,
}));
export type RulesVersion = z.infer<typeof RulesVersion>;

export const RulesVersionCreate = lazySchema(() => z.object({ adoptedOn: Day, title: RequiredText(300), rules: RulesTable }).strict());
export type RulesVersionCreate = z.input<typeof RulesVersionCreate>;

/**
 * The rules the constitutive meeting of 30 January 2026 adopted by consensus, as the app ships them. Members disagreed
 * on inviting external experts (simple majority, two thirds, unanimity); the shipped table says two thirds of the
 * organisations present, and the secretariat adds a version when the body decides otherwise.
 */
export const INITIAL_RULES: RulesTable = {
  default: { rule: 'consensus', base: 'present', quorum: 'majority' },
  invite_external_expert: { rule: 'two_thirds', base: 'present', quorum: 'majority' },
  create_ad_hoc_group: { rule: 'simple_majority', base: 'present', quorum: 'majority' },
  input_on_guidance: { rule: 'consensus', base: 'present', quorum: 'majority' },
  change_rules: { rule: 'two_thirds', base: 'all_members', quorum: 'two_thirds' },
};

/** The version in force on `day` (YYYY-MM-DD): the latest adopted on or before it; undefined before any. */
export function versionInForce<T extends { adoptedOn: string; createdAt?: string }>(versions: readonly T[], day: string): T | undefined {
  const d = day.slice(0, 10);
  let best: T | undefined;
  for (const v of versions) {
    if (v.adoptedOn > d) continue;
    if (!best || v.adoptedOn > best.adoptedOn || (v.adoptedOn === best.adoptedOn && (v.createdAt ?? '') > (best.createdAt ?? ''))) best = v;
  }
  return best;
}

/** "two-thirds majority of member organisations present; quorum: a majority of members present" */
export function describeKindRule(r: KindRule): string {
  const rule = r.rule === 'consensus' ? 'consensus of member organisations present' : `${RULE_LABEL[r.rule]} of ${BASE_LABEL[r.base]}`;
  return `${rule}; quorum: ${QUORUM_LABEL[r.quorum]}`;
}
