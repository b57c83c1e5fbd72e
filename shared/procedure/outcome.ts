import * as z from 'zod';
import { Id } from '../domain/common';
import { lazySchema } from '../lazy-schema';
import { OUTCOMES, POSITIONS, type ComputedOutcome as ComputedOutcomeValue, type Position as PositionValue } from './outcome-text';

// The positions, the outcomes, their labels and the rules that compute and explain an outcome live in the schema-free
// outcome-text.ts (the renderer's public preview needs them without zod); re-exported here.
export * from './outcome-text';

/**
 * How a decision was taken: a vote (for / against / abstain, one per member organisation present, whoever represents
 * it) or consensus (no objection; dissent may be noted without blocking). The outcome follows from the rule, its base,
 * the quorum and who was present at the moment, and is explained in words.
 */
export const Position = lazySchema(() => z.enum(POSITIONS));
export type Position = PositionValue;

export const VoteEntry = lazySchema(() => z.object({ organisationId: Id, position: Position }).strict());
export type VoteEntry = z.infer<typeof VoteEntry>;

export const Ballot = lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vote'), votes: z.array(VoteEntry).max(500) }).strict(),
  z
    .object({ kind: z.literal('consensus'), objections: z.array(Id).max(500).default([]), dissent: z.array(Id).max(500).default([]) })
    .strict(),
]));
export type Ballot = z.output<typeof Ballot>;

export const ComputedOutcome = lazySchema(() => z.enum(OUTCOMES));
export type ComputedOutcome = ComputedOutcomeValue;

export const Tally = lazySchema(() => z.object({
  members: z.number().int().min(0),
  present: z.number().int().min(0),
  inFavour: z.number().int().min(0),
  against: z.number().int().min(0),
  abstained: z.number().int().min(0),
  notVoting: z.number().int().min(0),
  base: z.number().int().min(0),
  required: z.number().int().min(0),
  quorumRequired: z.number().int().min(0),
}));
export type Tally = z.infer<typeof Tally>;
