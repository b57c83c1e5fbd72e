/**
 * The outcomes of a decision and the statuses of an action item, with their labels, without a schema: what the
 * renderer shows needs no zod (issue 16). decisions.ts builds its schemas on these lists and re-exports everything
 * here, so `shared/domain/decisions` stays the place to import from elsewhere.
 */
export const DECISION_OUTCOMES = ['adopted', 'rejected', 'postponed', 'noted', 'withdrawn'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const DECISION_OUTCOME_LABEL: Record<DecisionOutcome, string> = {
  adopted: 'Adopted',
  rejected: 'Rejected',
  postponed: 'Postponed',
  noted: 'Noted',
  withdrawn: 'Withdrawn',
};

export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
