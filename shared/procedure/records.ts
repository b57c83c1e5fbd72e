import * as z from 'zod';
import { ActionItem } from '../domain/decisions';
import { Id, Instant, RequiredText, Text } from '../domain/common';
import { SectionKey } from '../domain/minutes';
import { Ballot, ComputedOutcome, Tally } from './outcome';
import { DecisionKind, Day, KindRule, RulesVersion } from './rules';
import { lazySchema } from '../lazy-schema';

/** A decision's vote as stored: the rule applied (copied, so later rules do not rewrite history), who was present, the outcome and its words. */
export const DecisionVote = lazySchema(() => z.object({
  decisionId: Id,
  meetingId: Id,
  kind: DecisionKind,
  rulesVersionId: Id.nullable(),
  rule: KindRule,
  ballot: Ballot,
  /** Member organisations present at the moment of the vote. */
  present: z.array(Id),
  outcome: ComputedOutcome,
  tally: Tally,
  explanation: z.string(),
  publicExplanation: z.string(),
  votedAt: Instant,
}));
export type DecisionVote = z.infer<typeof DecisionVote>;

export const VoteInput = lazySchema(() => z.object({ decisionId: Id, kind: DecisionKind, ballot: Ballot }).strict());
export type VoteInput = z.input<typeof VoteInput>;

/** A decision and its vote in one step, from the procedure panel. */
export const DecideInput = lazySchema(() => z
  .object({ meetingId: Id, sectionKey: SectionKey, text: RequiredText(20_000), kind: DecisionKind, ballot: Ballot })
  .strict());
export type DecideInput = z.input<typeof DecideInput>;

export const VoteResult = lazySchema(() => z.object({ vote: DecisionVote, decisionOutcome: z.enum(['adopted', 'rejected', 'postponed']) }));

export const SAFEGUARD_KINDS = ['statement_read', 'departed_from_agenda', 'left_over_concerns'] as const;
export const SafeguardKind = lazySchema(() => z.enum(SAFEGUARD_KINDS));
export type SafeguardKind = z.infer<typeof SafeguardKind>;
export const SAFEGUARD_LABEL: Record<SafeguardKind, string> = {
  statement_read: 'Competition-law statement read',
  departed_from_agenda: 'Discussion departed from the agenda',
  left_over_concerns: 'A participant left over competition concerns',
};

export const Safeguard = lazySchema(() => z.object({
  id: Id,
  meetingId: Id,
  kind: SafeguardKind,
  at: Instant,
  /** Who read the statement, or who raised the point. */
  by: z.string(),
  /** Participants concerned (e.g. who left). */
  names: z.array(z.string()),
  sectionKey: z.string().nullable(),
  note: z.string(),
}));
export type Safeguard = z.infer<typeof Safeguard>;

export const SafeguardAdd = lazySchema(() => z
  .object({
    meetingId: Id,
    kind: SafeguardKind,
    by: Text(200).default(''),
    names: z.array(RequiredText(200)).max(50).default([]),
    sectionKey: SectionKey.nullable().default(null),
    note: Text(2000).default(''),
  })
  .strict()
  .refine((s) => s.kind !== 'statement_read' || s.by.length > 0, { message: 'say who read the statement', path: ['by'] })
  .refine((s) => s.kind !== 'left_over_concerns' || s.names.length > 0, { message: 'name who left', path: ['names'] }));
export type SafeguardAdd = z.input<typeof SafeguardAdd>;

export const ApprovalRecord = lazySchema(() => z.object({
  meetingId: Id,
  circulatedBy: z.string(),
  circulatedOn: z.string(),
  approvedBy: z.string(),
  approvedOn: z.string(),
  approvedInMeetingId: Id.nullable(),
  /** Title and date of that meeting, for display. */
  approvedInMeeting: z.string(),
  updatedAt: Instant.nullable(),
}));
export type ApprovalRecord = z.infer<typeof ApprovalRecord>;

const DayOrEmpty = lazySchema(() => z.union([z.literal(''), Day]));
export const ApprovalSet = lazySchema(() => z
  .object({
    meetingId: Id,
    circulatedBy: Text(200).optional(),
    circulatedOn: DayOrEmpty.optional(),
    approvedBy: Text(200).optional(),
    approvedOn: DayOrEmpty.optional(),
    approvedInMeetingId: Id.nullable().optional(),
  })
  .strict());
export type ApprovalSet = z.input<typeof ApprovalSet>;

export const FutureTopic = lazySchema(() => z.object({
  id: Id,
  title: z.string(),
  notes: z.string(),
  raisedBy: z.string(),
  raisedAt: Instant,
  raisedInMeetingId: Id.nullable(),
  raisedInMeeting: z.string(),
  pickedMeetingId: Id.nullable(),
  pickedAgendaItemId: Id.nullable(),
  pickedInto: z.string(),
  dropped: z.boolean(),
  /**
   * Raised in minutes that are not published (a withheld item, or one no longer there): its words may be
   * confidential, so it goes on an agenda only as not for publication, and only once the officer confirms.
   */
  fromWithheld: z.boolean(),
}));
export type FutureTopic = z.infer<typeof FutureTopic>;

export const TopicRaise = lazySchema(() => z
  .object({ title: RequiredText(300), notes: Text(4000).default(''), raisedBy: Text(200).default(''), meetingId: Id.nullable().default(null), sectionKey: SectionKey.nullable().default(null) })
  .strict());
export type TopicRaise = z.input<typeof TopicRaise>;
export const TopicPick = lazySchema(() => z.object({ topicId: Id, meetingId: Id, confirmWithheld: z.boolean().default(false) }).strict());
export const TopicDrop = lazySchema(() => z.object({ topicId: Id, dropped: z.boolean() }).strict());

/** An open (or followed-up) action of the body, with where it was agreed. */
export const BodyAction = lazySchema(() => ActionItem.extend({ meetingTitle: z.string(), meetingDate: z.string(), overdue: z.boolean() }));
export type BodyAction = z.infer<typeof BodyAction>;

export const FollowUpItem = lazySchema(() => z.object({ agendaItemId: Id, actions: z.array(BodyAction) }));
export type FollowUpItem = z.infer<typeof FollowUpItem>;

export const OrgRef = lazySchema(() => z.object({ id: Id, name: z.string() }));

/** An ad hoc group with its own member organisations; meetings of the group vote and count quorum among them. */
export const AdHocGroup = lazySchema(() => z.object({
  id: Id,
  name: z.string(),
  decisionId: Id.nullable(),
  /** The decision that created it, in words, for display. */
  decision: z.string(),
  members: z.array(OrgRef),
  createdAt: Instant,
}));
export type AdHocGroup = z.infer<typeof AdHocGroup>;
export const GroupCreate = lazySchema(() => z
  .object({ name: RequiredText(200), organisationIds: z.array(Id).min(1, 'a group needs at least one member').max(500), decisionId: Id.nullable().default(null) })
  .strict());
export type GroupCreate = z.input<typeof GroupCreate>;
export const GroupSetMembers = lazySchema(() => z.object({ id: Id, organisationIds: z.array(Id).min(1, 'a group needs at least one member').max(500) }).strict());

/** A decision of the body that invited someone (an adopted decision on inviting an external expert), for choosing. */
export const InvitingDecision = lazySchema(() => z.object({ id: Id, text: z.string(), meeting: z.string() }));
export type InvitingDecision = z.infer<typeof InvitingDecision>;
/** An external expert or observer of this meeting and the decision that invited them. */
export const Invitation = lazySchema(() => z.object({ participantId: Id, decisionId: Id, decision: z.string(), meeting: z.string() }));
export type Invitation = z.infer<typeof Invitation>;
export const InvitationSet = lazySchema(() => z.object({ participantId: Id, decisionId: Id.nullable() }).strict());

/** Everything the procedure panel of a meeting shows. */
export const ProcedureState = lazySchema(() => z.object({
  meetingDate: z.string(),
  rulesInForce: RulesVersion.nullable(),
  members: z.array(OrgRef),
  /** Member organisations present now. */
  present: z.array(Id),
  votes: z.array(DecisionVote),
  safeguards: z.array(Safeguard),
  approval: ApprovalRecord,
  followUp: FollowUpItem.nullable(),
  topicsRaised: z.array(FutureTopic),
  /** The ad hoc group whose meeting this is (its members vote), or null for a meeting of the whole body. */
  group: z.object({ id: Id, name: z.string() }).nullable(),
  /** Why no one can vote yet (a group meeting whose group has no recorded membership). */
  groupProblem: z.string().nullable(),
  invitations: z.array(Invitation),
  invitingDecisions: z.array(InvitingDecision),
}));
export type ProcedureState = z.infer<typeof ProcedureState>;
