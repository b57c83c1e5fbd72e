import * as z from 'zod';
import { Empty, Ok } from '../domain/common';
import { MeetingRef } from '../domain/minutes';
import { AgendaItem } from '../domain/agenda';
import {
  AdHocGroup,
  GroupCreate,
  GroupSetMembers,
  Invitation,
  InvitationSet,
  ApprovalRecord,
  ApprovalSet,
  BodyAction,
  DecideInput,
  FutureTopic,
  ProcedureState,
  Safeguard,
  SafeguardAdd,
  TopicDrop,
  TopicPick,
  TopicRaise,
  VoteInput,
  VoteResult,
} from '../procedure/records';
import { RulesVersion, RulesVersionCreate } from '../procedure/rules';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';

/**
 * Calls of the body's procedure: rules of procedure (versioned), votes on decisions with outcomes computed from the
 * attendance at that moment, competition-law safeguards, the approval record, action follow-up across meetings and
 * future topics. Writes to a meeting's minutes are refused with 'read_only' once they are approved.
 */
export const procedureCalls = defineCalls({
  'procedure.state': { input: MeetingRef, output: ProcedureState, summary: "A meeting's procedure: rules in force, who is present, votes, safeguards, approval, follow-up." },
  'rules.list': { input: Empty, output: lazySchema(() => z.array(RulesVersion)), summary: 'Every version of the rules of procedure, oldest first.' },
  'rules.add': { input: RulesVersionCreate, output: RulesVersion, summary: 'Record a version of the rules adopted on a date.' },

  'procedure.vote': { input: VoteInput, output: VoteResult, summary: "Record the vote on a decision; the outcome is computed from the rules in force and who is present now." },
  'procedure.decide': { input: DecideInput, output: VoteResult, summary: 'Record a decision and its vote in one step.' },
  'procedure.clearVote': { input: lazySchema(() => z.object({ decisionId: z.string().min(1).max(64) }).strict()), output: Ok, summary: "Remove a decision's recorded vote." },

  'safeguards.add': { input: SafeguardAdd, output: Safeguard, summary: 'Record a competition-law safeguard (statement read, departure from the agenda, a participant leaving), timed now.' },
  'safeguards.remove': { input: lazySchema(() => z.object({ id: z.string().min(1).max(64) }).strict()), output: Ok, summary: 'Remove a safeguard recorded by mistake.' },

  'approval.set': { input: ApprovalSet, output: ApprovalRecord, summary: 'Who circulated and who approved the minutes, when, and in which meeting.' },

  'followup.open': { input: Empty, output: lazySchema(() => z.array(BodyAction)), summary: 'All open actions of the body, oldest meeting first, with overdue marking.' },
  'followup.addItem': { input: MeetingRef, output: lazySchema(() => z.array(AgendaItem)), summary: "Add a 'Follow-up of actions' item listing the open actions to a meeting's agenda; returns the agenda." },

  'topics.list': { input: Empty, output: lazySchema(() => z.array(FutureTopic)), summary: 'The backlog of future topics (open first).' },
  'topics.raise': { input: TopicRaise, output: FutureTopic, summary: 'Raise a future topic (from the minutes of a meeting, or directly).' },
  'topics.pick': { input: TopicPick, output: lazySchema(() => z.array(AgendaItem)), summary: "Put a topic on a later meeting's agenda and link the two; returns the agenda." },
  'groups.list': { input: Empty, output: lazySchema(() => z.array(AdHocGroup)), summary: 'The ad hoc groups with their member organisations.' },
  'groups.create': { input: GroupCreate, output: AdHocGroup, summary: 'Create an ad hoc group with its members (optionally linked to the decision that created it).' },
  'groups.setMembers': { input: GroupSetMembers, output: AdHocGroup, summary: "Change an ad hoc group's member organisations." },
  'invitations.set': { input: InvitationSet, output: lazySchema(() => z.array(Invitation)), summary: 'Link an external expert or observer of a meeting to the decision that invited them (or unlink); returns the meeting\'s invitations.' },
  'topics.drop': { input: TopicDrop, output: FutureTopic, summary: 'Drop a topic from the backlog (or bring it back).' },
});
