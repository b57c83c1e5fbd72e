import type * as z from 'zod';
import { AppError } from '../../../shared/errors';
import type { AgendaItem } from '../../../shared/domain/agenda';
import type { Decision } from '../../../shared/domain/decisions';
import { formatLongDate } from '../../../shared/format/dates';
import { CLOSING_KEY, OPENING_KEY, withheldItems } from '../../../shared/redaction/publication';
import { normaliseForMatch, PassageMatcher } from '../../../shared/redaction/match-text';
import {
  ballotProblems,
  computeOutcome,
  FOLLOW_UP_TITLE,
  isOverdue,
  organisationsPresentAt,
  versionInForce,
  type AdHocGroup,
  type ApprovalRecord,
  type GroupCreate,
  type Invitation,
  type ApprovalSet,
  type Ballot,
  type BodyAction,
  type DecideInput,
  type DecisionKind,
  type DecisionVote,
  type FutureTopic,
  type ProcedureState,
  type RulesVersion,
  type RulesVersionCreate,
  type Safeguard,
  type SafeguardAdd,
  type TopicRaise,
  type VoteInput,
} from '../../../shared/procedure';
import { AttendanceRepo } from '../repositories/attendance-repo';
import { DecisionsRepo } from '../repositories/decisions-repo';
import { MembersRepo } from '../repositories/members-repo';
import {
  ApprovalsRepo,
  FollowupsRepo,
  GroupsRepo,
  InvitationsRepo,
  type GroupRow,
  RulesRepo,
  SafeguardsRepo,
  TopicsRepo,
  VotesRepo,
  type BodyActionRow,
  type TopicRowOut,
} from '../repositories/procedure-repo';
import { iso, type ServiceContext } from './context';
import { flaggedElsewhere } from './flagged-elsewhere';
import { notFound } from './members-service';
import { MinutesService } from './minutes-service';
import type { MeetingsService } from './meetings-service';
import type { ConfidentialFollowUps, ConfidentialTopic, ProcedureRecord } from '../export/types';

type Out<T extends z.ZodType> = z.output<T>;
const DECISION_OUTCOME_OF = { adopted: 'adopted', rejected: 'rejected', no_quorum: 'postponed' } as const;

/**
 * The body's procedure: rules of procedure by date, votes with outcomes computed from the rules in force and the
 * attendance at the moment of the vote, competition-law safeguards, the approval record, action follow-up across
 * meetings and future topics. Votes and safeguards are part of the minutes (frozen once approved); the approval
 * record, follow-up statuses and the topic backlog live on after the meeting.
 */
export class ProcedureService {
  private readonly rules: RulesRepo;
  private readonly votes: VotesRepo;
  private readonly safeguards: SafeguardsRepo;
  private readonly approvals: ApprovalsRepo;
  private readonly followups: FollowupsRepo;
  private readonly topics: TopicsRepo;
  private readonly decisions: DecisionsRepo;
  private readonly attendance: AttendanceRepo;
  private readonly members: MembersRepo;
  private readonly groups: GroupsRepo;
  private readonly invitations: InvitationsRepo;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly minutes: MinutesService,
  ) {
    this.rules = new RulesRepo(ctx.db);
    this.votes = new VotesRepo(ctx.db);
    this.safeguards = new SafeguardsRepo(ctx.db);
    this.approvals = new ApprovalsRepo(ctx.db);
    this.followups = new FollowupsRepo(ctx.db);
    this.topics = new TopicsRepo(ctx.db);
    this.decisions = new DecisionsRepo(ctx.db);
    this.attendance = new AttendanceRepo(ctx.db);
    this.members = new MembersRepo(ctx.db);
    this.groups = new GroupsRepo(ctx.db);
    this.invitations = new InvitationsRepo(ctx.db);
  }
  /** What the documents need of a meeting's procedure (the export service). */
  record(meetingId: string): ProcedureRecord {
    const names = new Map(this.attendance.list(meetingId).map((a) => [a.id, a.name]));
    return {
      votes: this.votesOf(meetingId),
      safeguards: this.safeguardsOf(meetingId),
      approval: this.approval(meetingId),
      invitations: this.invitationsOf(meetingId).map((i) => ({ ...i, name: names.get(i.participantId) ?? '' })),
      organisationNames: Object.fromEntries(this.members.list().map((o) => [o.id, o.name])),
    };
  }

  /**
   * The meeting's "Follow-up of actions" items and, for each, the actions it lists that are confidential now
   * (`confidentialActions`): an item's description was written when it was made, and an item withheld (or words
   * flagged) since does not change it. The agenda is refused while a description still holds their words
   * (ExportService). Read for an agenda export only: it walks every meeting's flags.
   */
  confidentialFollowUps(meetingId: string): ConfidentialFollowUps[] {
    const items = this.followups.listedFor(meetingId);
    if (items.length === 0) return [];
    const confidential = this.confidentialActions(items.flatMap((f) => f.listed.flatMap((l) => (l.now ? [l.now] : []))));
    // The words it was listed with and its words now: either may be in the description (it was made from the first,
    // and the officer may have updated it). An action that is gone (deleted, or its meeting in the trash) can no
    // longer say where it was raised: not for publication (fail-closed), so its listed words are refused too.
    return items.map((follow) => ({
      agendaItemId: follow.agendaItemId,
      actions: follow.listed.flatMap((l) => {
        if (l.now && !confidential.has(l.actionId)) return [];
        const title = l.now?.meetingTitle ?? l.meetingTitle;
        const startsAt = l.now?.meetingStartsAt ?? l.meetingStartsAt;
        const meeting = title ? `“${title}” of ${formatLongDate(startsAt.slice(0, 10))}` : 'an earlier meeting';
        return [...new Set([l.text, l.now?.text ?? ''])].filter((text) => text.trim() !== '').map((text) => ({ text, meeting, gone: l.now === null }));
      }),
    }));
  }

  /**
   * The future topics put on an agenda as published whose item of origin is not published now (`raisedInWithheld`:
   * withheld since, or gone): their title and notes were carried onto that agenda when the item was still published.
   * The agenda and the public summary are refused while an item they print holds them (ExportService). A topic the
   * officer put on an agenda as not for publication (confirmed when picked) and released since is the officer's choice.
   */
  confidentialTopics(): ConfidentialTopic[] {
    const agendas = new Map<string, AgendaItem[]>();
    // The items that carry each topic, wherever they are now: a topic whose meeting was deleted is still carried by
    // the copies of its item (migration 022).
    const carried = this.topics.carriedBy();
    // Each raising meeting's parts read once for all its topics (withheldHolding).
    const parts: PartsRead = new Map();
    return this.topics
      .list()
      .filter((t) => (t.pickedIntoMeetingId !== null || carried.has(t.id)) && !t.pickedWithheld && (this.raisedInWithheld(t, agendas) || this.wordsWithheld(t, parts)))
      .map((t) => ({
        pickedMeetingId: t.pickedIntoMeetingId,
        title: t.title,
        notes: t.notes,
        agendaItemId: t.pickedAgendaItemId,
        itemIds: carried.get(t.id) ?? [],
        raisedInSection: t.raisedInSection,
        raisedIn: t.raisedIn ? `“${t.raisedIn.title}” of ${formatLongDate(t.raisedIn.startsAt.slice(0, 10))}` : 'an earlier meeting',
      }));
  }

  private get meetings() {
    return this.minutes.meetings;
  }
  private today(): string {
    return iso(this.ctx.now()).slice(0, 10);
  }

  // ---- state ----------------------------------------------------------------------------------------------------

  state(meetingId: string): ProcedureState {
    const meeting = this.meetings.mustGet(meetingId);
    let group: GroupRow | undefined;
    let groupProblem: string | null = null;
    try {
      group = this.groupOf(meeting);
    } catch (e) {
      groupProblem = e instanceof AppError ? e.message : String(e);
    }
    const members = group ? this.groupMembers(group) : groupProblem ? [] : this.memberOrgs();
    const now = iso(this.ctx.now());
    const follow = this.followups.forMeeting(meetingId);
    return {
      meetingDate: meeting.startsAt.slice(0, 10),
      rulesInForce: versionInForce(this.rules.list(), meeting.startsAt) ?? null,
      members,
      present: [...this.presentAt(meetingId, members, now)],
      votes: this.votes.list(meetingId),
      safeguards: this.safeguards.list(meetingId),
      approval: this.approval(meetingId),
      followUp: follow ? { agendaItemId: follow.agendaItemId, actions: follow.actions.map((a) => this.bodyAction(a)) } : null,
      topicsRaised: this.topicsOf(this.topics.raisedIn(meetingId)),
      group: group ? { id: group.id, name: group.name } : null,
      groupProblem,
      invitations: this.invitationsOf(meetingId),
      invitingDecisions: this.invitations
        .invitingDecisions(meeting.startsAt)
        .map((d) => ({ id: d.id, text: d.text, meeting: `${d.meetingTitle} (${formatLongDate(d.meetingStartsAt)})` })),
    };
  }

  /** Votes of a meeting (for documents). */
  votesOf(meetingId: string): DecisionVote[] {
    return this.votes.list(meetingId);
  }
  safeguardsOf(meetingId: string): Safeguard[] {
    return this.safeguards.list(meetingId);
  }

  // ---- rules ----------------------------------------------------------------------------------------------------

  listRules(): RulesVersion[] {
    return this.rules.list();
  }

  addRules(input: Out<typeof RulesVersionCreate>): RulesVersion {
    const v: RulesVersion = { id: this.ctx.newId(), ...input, createdAt: iso(this.ctx.now()) };
    this.rules.insert(v);
    return v;
  }

  // ---- votes ----------------------------------------------------------------------------------------------------

  vote(input: Out<typeof VoteInput>) {
    return this.tx(() => {
      const d = this.decisions.get(input.decisionId);
      if (!d) throw notFound('decision');
      return this.recordVote(d, input.kind, input.ballot);
    });
  }

  decide(input: Out<typeof DecideInput>) {
    return this.tx(() => {
      const now = iso(this.ctx.now());
      this.minutes.requireEditable(input.meetingId, now);
      this.minutes.requireSection(input.meetingId, input.sectionKey);
      const d: Decision = { id: this.ctx.newId(), meetingId: input.meetingId, sectionKey: input.sectionKey, text: input.text, outcome: 'postponed', createdAt: now, updatedAt: now };
      this.decisions.insert(d);
      return this.recordVote(d, input.kind, input.ballot);
    });
  }

  clearVote(decisionId: string) {
    this.tx(() => {
      const d = this.decisions.get(decisionId);
      if (!d) throw notFound('decision');
      this.minutes.requireEditable(d.meetingId, iso(this.ctx.now()));
      this.votes.delete(decisionId);
    });
    return { ok: true as const };
  }

  private recordVote(d: Decision, kind: DecisionKind, ballot: Ballot) {
    const now = iso(this.ctx.now());
    this.minutes.requireEditable(d.meetingId, now);
    const meeting = this.meetings.mustGet(d.meetingId);
    const version = versionInForce(this.rules.list(), meeting.startsAt);
    if (!version)
      throw new AppError(
        'bad_request',
        `No rules of procedure are in force on ${formatLongDate(meeting.startsAt)}. Record the rules the body adopted before that date first.`,
      );
    const rule = version.rules[kind];
    const group = this.groupOf(meeting);
    const members = group ? this.groupMembers(group) : this.memberOrgs();
    const present = this.presentAt(d.meetingId, members, now);
    const problems = ballotProblems(ballot, members, present);
    if (problems.length > 0) throw new AppError('bad_request', `The vote was not recorded. ${problems.join(' ')}`);
    const result = computeOutcome({ rule, members, present, ballot });
    const vote: DecisionVote = {
      decisionId: d.id,
      meetingId: d.meetingId,
      kind,
      rulesVersionId: version.id,
      rule,
      ballot,
      present: [...present].sort(),
      outcome: result.outcome,
      tally: result.tally,
      explanation: result.explanation,
      publicExplanation: result.publicExplanation,
      votedAt: now,
    };
    this.votes.put(vote);
    const decisionOutcome = DECISION_OUTCOME_OF[result.outcome];
    this.decisions.update({ ...d, outcome: decisionOutcome, updatedAt: now });
    return { vote, decisionOutcome };
  }

  /**
   * The ad hoc group whose meeting this is. A group meeting with no recorded group is refused for votes (its quorum
   * and votes cannot be counted against the whole body's membership): fail closed, and say so.
   */
  private groupOf(meeting: { kind: string; groupName: string }): GroupRow | undefined {
    if (meeting.kind !== 'ad_hoc_group') return undefined;
    const g = this.groups.byName(meeting.groupName);
    if (!g)
      throw new AppError(
        'bad_request',
        `This is a meeting of the ad hoc group “${meeting.groupName || '(no name)'}”, which has no recorded membership. Create the group with its members (Procedure tab) first.`,
      );
    return g;
  }

  private groupMembers(g: GroupRow) {
    const ids = new Set(g.memberIds);
    return this.members
      .list()
      .filter((o) => ids.has(o.id))
      .map((o) => ({ id: o.id, name: o.name }));
  }

  private memberOrgs() {
    return this.members
      .list()
      .filter((o) => o.isMember)
      .map((o) => ({ id: o.id, name: o.name }));
  }

  private presentAt(meetingId: string, members: Array<{ id: string }>, at: string): Set<string> {
    return organisationsPresentAt(this.attendance.list(meetingId), new Set(members.map((o) => o.id)), at);
  }

  // ---- safeguards -----------------------------------------------------------------------------------------------

  addSafeguard(input: Out<typeof SafeguardAdd>): Safeguard {
    return this.tx(() => {
      const now = iso(this.ctx.now());
      this.minutes.requireEditable(input.meetingId, now);
      if (input.sectionKey !== null) this.minutes.requireSection(input.meetingId, input.sectionKey);
      const s: Safeguard = { id: this.ctx.newId(), meetingId: input.meetingId, kind: input.kind, at: now, by: input.by, names: input.names, sectionKey: input.sectionKey, note: input.note };
      this.safeguards.insert(s);
      return s;
    });
  }

  removeSafeguard(id: string) {
    this.tx(() => {
      const s = this.safeguards.get(id);
      if (!s) throw notFound('safeguard');
      this.minutes.requireEditable(s.meetingId, iso(this.ctx.now()));
      this.safeguards.delete(id);
    });
    return { ok: true as const };
  }

  // ---- approval record --------------------------------------------------------------------------------------------

  approval(meetingId: string): ApprovalRecord {
    const a = this.approvals.get(meetingId);
    const inMeeting = a?.approvedInMeetingId ? this.meetings.meetings.get(a.approvedInMeetingId) : undefined;
    return {
      meetingId,
      circulatedBy: a?.circulatedBy ?? '',
      circulatedOn: a?.circulatedOn ?? '',
      approvedBy: a?.approvedBy ?? '',
      approvedOn: a?.approvedOn ?? '',
      approvedInMeetingId: a?.approvedInMeetingId ?? null,
      approvedInMeeting: inMeeting ? `${inMeeting.title} (${formatLongDate(inMeeting.startsAt)})` : '',
      updatedAt: a?.updatedAt ?? null,
    };
  }

  /** The approval record is kept up to date after approval too: it is the trace of the approval itself. */
  setApproval(input: Out<typeof ApprovalSet>): ApprovalRecord {
    this.tx(() => {
      this.meetings.mustGet(input.meetingId);
      if (input.approvedInMeetingId) this.meetings.mustGet(input.approvedInMeetingId);
      const cur = this.approvals.get(input.meetingId);
      this.approvals.put(input.meetingId, {
        circulatedBy: input.circulatedBy ?? cur?.circulatedBy ?? '',
        circulatedOn: input.circulatedOn ?? cur?.circulatedOn ?? '',
        approvedBy: input.approvedBy ?? cur?.approvedBy ?? '',
        approvedOn: input.approvedOn ?? cur?.approvedOn ?? '',
        approvedInMeetingId: input.approvedInMeetingId !== undefined ? input.approvedInMeetingId : (cur?.approvedInMeetingId ?? null),
        updatedAt: iso(this.ctx.now()),
      });
    });
    return this.approval(input.meetingId);
  }

  // ---- action follow-up -----------------------------------------------------------------------------------------

  openActions(): BodyAction[] {
    return this.followups.open().map((a) => this.bodyAction(a));
  }

  /** Adds "Follow-up of actions" as the first item of a meeting's agenda, listing the actions of earlier meetings still open. */
  addFollowUpItem(meetingId: string): AgendaItem[] {
    return this.tx(() => {
      const meeting = this.meetings.mustGet(meetingId);
      if (this.followups.forMeeting(meetingId)) throw new AppError('conflict', 'This agenda already has a “Follow-up of actions” item.');
      const open = this.followups.open(meeting.startsAt).filter((a) => a.meetingId !== meetingId);
      if (open.length === 0) throw new AppError('bad_request', 'No action of an earlier meeting is open, so there is nothing to follow up.');
      // The agenda prints the description, and it is circulated: an action whose words may be confidential is listed
      // by its meeting only (the officer reads it in the internal minutes).
      const confidential = this.confidentialActions(open);
      let description = open
        .map((a) =>
          confidential.has(a.id)
            ? `• An action not for publication (minutes of ${a.meetingTitle}, ${formatLongDate(a.meetingStartsAt.slice(0, 10))})`
            : `• ${a.text || '(no text)'}${a.owner ? ` — ${a.owner}` : ''}${a.dueDate ? `, due ${formatLongDate(a.dueDate)}` : ''}`,
        )
        .join('\n');
      if (description.length > 3900) description = `${description.slice(0, 3900)}\n…`;
      const item = this.addAgendaItem(meetingId, { title: FOLLOW_UP_TITLE, description, plannedMinutes: 10 });
      this.meetings.moveItem({ id: item, parentId: null, index: 0 });
      this.followups.link(item, meetingId, open);
      return this.meetings.agendaOf(meetingId);
    });
  }

  /**
   * The actions whose words may be confidential, to be listed without them outside the internal minutes: raised in an
   * item that is not published, or no longer on its meeting's agenda (where it came from is unknown: fail-closed), or
   * with words that any flag of any meeting guards (the passages the public register is checked for).
   * Where an action was raised is the item its record names and every item, of any meeting, whose minutes hold its
   * block: a block cut from one item and pasted into another keeps its record, which still names the first (audits,
   * 2026-12-07: an action moved into a withheld item, of its meeting or another, was listed with its words in the next
   * agenda). One withheld or unknown place
   * makes it confidential, as one copy of a decision in a withheld item keeps its vote out (public-summary.ts).
   */
  private confidentialActions(actions: readonly BodyActionRow[]): Set<string> {
    const out = new Set<string>();
    // Each meeting's agenda read once: the items on it, and those not published.
    const agendas = new Map<string, { on: Set<string>; withheld: Set<string> }>();
    const unpublished = (meetingId: string, key: string) => {
      if (key === OPENING_KEY || key === CLOSING_KEY) return false;
      let agenda = agendas.get(meetingId);
      if (!agenda) {
        const items = this.meetings.agendaOf(meetingId);
        agendas.set(meetingId, (agenda = { on: new Set(items.map((i) => i.id)), withheld: withheldItems(items) }));
      }
      return !agenda.on.has(key) || agenda.withheld.has(key);
    };
    const held = this.followups.placesHolding(actions.map((a) => a.id));
    for (const a of actions) {
      const places = [{ meetingId: a.meetingId, sectionKey: a.sectionKey }, ...(held.get(a.id) ?? [])];
      if (places.some((p) => unpublished(p.meetingId, p.sectionKey))) out.add(a.id);
    }
    const rest = actions.filter((a) => !out.has(a.id));
    if (rest.length === 0) return out;
    const guarded = flaggedElsewhere(this.ctx.db, null, this.ctx.now());
    const matcher = new PassageMatcher(guarded.flatMap((f, i) => f.excerpt.split('\n').map((line) => ({ id: String(i), text: line }))));
    for (const a of rest) if (matcher.search(normaliseForMatch(`${a.text}\n${a.owner}`)).length > 0) out.add(a.id);
    return out;
  }

  private bodyAction(a: BodyActionRow): BodyAction {
    const { meetingStartsAt, ...rest } = a;
    return { ...rest, meetingDate: meetingStartsAt.slice(0, 10), overdue: isOverdue(a, this.today()) };
  }

  /**
   * Whether a topic was raised in minutes that are not published: a withheld item (now), or one whose meeting or item
   * is no longer there (where it came from is unknown: fail-closed). The opening and the closing are always published.
   * A deleted meeting (in the trash or gone) leaves the topic its section and no meeting (the foreign key sets it to
   * null): unknown, so withheld. A topic with no section was not raised in any minutes (typed in the backlog).
   */
  private raisedInWithheld(t: { raisedInMeetingId: string | null; raisedInSection: string | null }, agendas = new Map<string, AgendaItem[]>()): boolean {
    if (t.raisedInSection === null) return false;
    if (t.raisedInSection === OPENING_KEY || t.raisedInSection === CLOSING_KEY) return false;
    if (t.raisedInMeetingId === null) return true;
    // `agendas`: each meeting's agenda read once for a whole list of topics.
    let agenda = agendas.get(t.raisedInMeetingId);
    if (!agenda) agendas.set(t.raisedInMeetingId, (agenda = this.meetings.agendaOf(t.raisedInMeetingId)));
    return !agenda.some((i) => i.id === t.raisedInSection) || withheldItems(agenda).has(t.raisedInSection);
  }

  private addAgendaItem(meetingId: string, f: { title: string; description: string; plannedMinutes: number; forPublication?: boolean }): string {
    const before = new Set(this.meetings.agendaOf(meetingId).map((i) => i.id));
    const after = this.meetings.addItem({
      meetingId,
      parentId: null,
      title: f.title,
      description: f.description,
      kind: 'discussion',
      presenter: '',
      plannedMinutes: f.plannedMinutes,
      documents: [],
      forPublication: f.forPublication ?? true,
    });
    return after.find((i) => !before.has(i.id))!.id;
  }

  // ---- ad hoc groups and invitations -------------------------------------------------------------------------------

  listGroups(): AdHocGroup[] {
    const names = new Map(this.members.list().map((o) => [o.id, o.name]));
    return this.groups.list().map((g) => ({
      id: g.id,
      name: g.name,
      decisionId: g.decisionId,
      decision: g.decisionText ?? '',
      members: g.memberIds.map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'en')),
      createdAt: g.createdAt,
    }));
  }

  createGroup(input: Out<typeof GroupCreate>): AdHocGroup {
    const id = this.ctx.newId();
    this.tx(() => {
      if (this.groups.byName(input.name)) throw new AppError('conflict', `An ad hoc group named “${input.name}” already exists.`);
      if (input.decisionId && !this.decisions.get(input.decisionId)) throw notFound('decision');
      this.requireOrganisations(input.organisationIds);
      this.groups.insert({ id, name: input.name, decisionId: input.decisionId, createdAt: iso(this.ctx.now()) });
      this.groups.setMembers(id, input.organisationIds);
    });
    return this.listGroups().find((g) => g.id === id)!;
  }

  setGroupMembers(id: string, organisationIds: string[]): AdHocGroup {
    this.tx(() => {
      if (!this.groups.get(id)) throw notFound('ad hoc group');
      this.requireOrganisations(organisationIds);
      this.groups.setMembers(id, organisationIds);
    });
    return this.listGroups().find((g) => g.id === id)!;
  }

  private requireOrganisations(ids: readonly string[]) {
    const known = new Set(this.members.list().map((o) => o.id));
    if (ids.some((i) => !known.has(i))) throw notFound('organisation');
  }

  setInvitation(participantId: string, decisionId: string | null): Invitation[] {
    return this.tx(() => {
      const p = this.attendance.get(participantId);
      if (!p) throw notFound('participant');
      if (p.category === 'representative') throw new AppError('bad_request', 'Representatives of members are not invited by a decision; only external experts and observers are.');
      this.minutes.requireEditable(p.meetingId, iso(this.ctx.now()));
      if (decisionId !== null) {
        const meeting = this.meetings.mustGet(p.meetingId);
        if (!this.invitations.invitingDecisions(meeting.startsAt).some((d) => d.id === decisionId))
          throw new AppError('bad_request', 'Only an adopted decision on inviting an external expert, taken at this meeting or before, can be linked.');
      }
      this.invitations.set(participantId, decisionId);
      return this.invitationsOf(p.meetingId);
    });
  }

  invitationsOf(meetingId: string): Invitation[] {
    return this.invitations
      .forMeeting(meetingId)
      .map((i) => ({ participantId: i.participantId, decisionId: i.decisionId, decision: i.text, meeting: `${i.meetingTitle} (${formatLongDate(i.meetingStartsAt)})` }));
  }

  // ---- future topics ----------------------------------------------------------------------------------------------

  listTopics(): FutureTopic[] {
    const all = this.topicsOf(this.topics.list());
    const open = (t: FutureTopic) => !t.dropped && !t.pickedAgendaItemId;
    return [...all.filter(open), ...all.filter((t) => !open(t))];
  }

  raiseTopic(input: Out<typeof TopicRaise>): FutureTopic {
    const id = this.ctx.newId();
    this.tx(() => {
      if (input.meetingId) {
        this.meetings.mustGet(input.meetingId);
        if (input.sectionKey) this.minutes.requireSection(input.meetingId, input.sectionKey);
      }
      this.topics.insert({
        id,
        title: input.title,
        notes: input.notes,
        raisedBy: input.raisedBy,
        raisedAt: iso(this.ctx.now()),
        raisedInMeetingId: input.meetingId,
        raisedInSection: input.meetingId ? (this.withheldHolding(input.meetingId, input.title, input.notes) ?? input.sectionKey) : null,
      });
    });
    return this.topic(this.topics.get(id)!);
  }

  /**
   * The withheld item of the meeting whose minutes, title or description hold a topic's title or notes, searched as the
   * redaction check searches (whole words, windows of a longer text), or null. A topic raised from the minutes page is
   * recorded in the item the page names (the live one, or the opening) while its words are often the text selected in
   * another item: words of a withheld item count as raised there, so the topic is not for publication until the
   * officer says so (an audit, 2026-12-07, found such words picked with no question and printed).
   */
  private withheldHolding(meetingId: string, title: string, notes: string, parts: PartsRead = new Map()): string | null {
    let m = parts.get(meetingId);
    if (!m) {
      const agenda = this.meetings.agendaOf(meetingId);
      parts.set(meetingId, (m = { agenda, withheld: withheldItems(agenda), read: new Map() }));
    }
    const { agenda, withheld, read } = m;
    if (withheld.size === 0) return null;
    const matcher = new PassageMatcher([{ id: 'title', text: title }, ...(notes.trim() ? [{ id: 'notes', text: notes }] : [])]);
    const textOf = (key: string, item?: AgendaItem) => {
      let text = read.get(key);
      if (text === undefined) read.set(key, (text = normaliseForMatch(`${item ? `${item.title}\n${item.description}\n` : ''}${this.minutes.sectionTextOf(meetingId, key)}`)));
      return text;
    };
    const holds = (key: string, item?: AgendaItem) => matcher.search(textOf(key, item)).length > 0;
    // Words a published part of the minutes holds too are public already (and the check guards what is flagged there):
    // a withheld item that merely mentions them is not where they came from (an audit of false refusals: a topic
    // "Copyright" raised in a published item was blamed on a withheld one mentioning copyright).
    if ([OPENING_KEY, CLOSING_KEY].some((key) => holds(key)) || agenda.some((i) => !withheld.has(i.id) && holds(i.id, i))) return null;
    return agenda.find((i) => withheld.has(i.id) && holds(i.id, i))?.id ?? null;
  }

  /**
   * Whether a withheld item of the meeting a topic was raised in holds its words now (withheldHolding): an item
   * withheld after the topic was raised from its words in another item (a second audit, 2026-12-07).
   */
  private wordsWithheld(t: { raisedInMeetingId: string | null; title: string; notes: string }, parts?: PartsRead): boolean {
    return t.raisedInMeetingId !== null && this.withheldHolding(t.raisedInMeetingId, t.title, t.notes, parts) !== null;
  }

  private topic(t: TopicRowOut, agendas?: Map<string, AgendaItem[]>): FutureTopic {
    return toTopic(t, this.raisedInWithheld(t, agendas));
  }

  /** Topics as the contract gives them, each raising meeting's agenda read once. */
  private topicsOf(rows: readonly TopicRowOut[]): FutureTopic[] {
    const agendas = new Map<string, AgendaItem[]>();
    return rows.map((t) => this.topic(t, agendas));
  }

  pickTopic(topicId: string, meetingId: string, confirmWithheld = false): AgendaItem[] {
    return this.tx(() => {
      const t = this.topics.get(topicId);
      if (!t) throw notFound('future topic');
      this.meetings.mustGet(meetingId);
      if (t.pickedAgendaItemId && t.pickedInto)
        throw new AppError('conflict', `“${t.title}” is already on the agenda of ${t.pickedInto.title} (${formatLongDate(t.pickedInto.startsAt)}).`);
      const fromWithheld = this.raisedInWithheld(t) || this.wordsWithheld(t);
      if (fromWithheld && !confirmWithheld)
        throw new AppError(
          'conflict',
          `“${t.title}” was raised in an item that is not published${t.raisedIn ? ` (at ${t.raisedIn.title}, ${formatLongDate(t.raisedIn.startsAt)})` : ''}: its words may be confidential. Confirm to add it as not for publication.`,
        );
      const raised = t.raisedIn ? `Raised at ${t.raisedIn.title} (${formatLongDate(t.raisedIn.startsAt)})${t.raisedBy ? ` by ${t.raisedBy}` : ''}.` : '';
      // A topic raised in a withheld item may hold its words (its title is often the text selected in the minutes): it
      // comes onto the agenda withheld, as a sub-item moved under a withheld item does; the officer may release it.
      const item = this.addAgendaItem(meetingId, {
        title: t.title,
        description: [t.notes, raised].filter(Boolean).join('\n').slice(0, 4000),
        plannedMinutes: 15,
        forPublication: !fromWithheld,
      });
      this.topics.pick(topicId, meetingId, item, fromWithheld);
      return this.meetings.agendaOf(meetingId);
    });
  }

  dropTopic(topicId: string, dropped: boolean): FutureTopic {
    if (!this.topics.get(topicId)) throw notFound('future topic');
    this.topics.setDropped(topicId, dropped);
    return this.topic(this.topics.get(topicId)!);
  }

  private tx<T>(fn: () => T): T {
    return this.ctx.db.transaction(fn).immediate();
  }
}

/** A meeting's agenda, its withheld items, and each part's words read normalised (key → text), read once per caller. */
type PartsRead = Map<string, { agenda: AgendaItem[]; withheld: ReadonlySet<string>; read: Map<string, string> }>;

function toTopic(t: TopicRowOut, fromWithheld: boolean): FutureTopic {
  return {
    id: t.id,
    title: t.title,
    notes: t.notes,
    raisedBy: t.raisedBy,
    raisedAt: t.raisedAt,
    raisedInMeetingId: t.raisedInMeetingId,
    raisedInMeeting: t.raisedIn ? `${t.raisedIn.title} (${formatLongDate(t.raisedIn.startsAt)})` : '',
    pickedMeetingId: t.pickedMeetingId,
    pickedAgendaItemId: t.pickedAgendaItemId,
    pickedInto: t.pickedInto ? `${t.pickedInto.title} (${formatLongDate(t.pickedInto.startsAt)})` : '',
    dropped: t.dropped,
    fromWithheld,
  };
}

/** What the documents need of a meeting's procedure, for an export service built outside the composition root. */
export function procedureRecord(ctx: ServiceContext, meetings: MeetingsService, meetingId: string): ProcedureRecord {
  return new ProcedureService(ctx, new MinutesService(ctx, meetings)).record(meetingId);
}

/** ProcedureService.confidentialFollowUps without a composed backend (ExportService's default, as procedureRecord). */
export function confidentialFollowUpsOf(ctx: ServiceContext, meetings: MeetingsService, meetingId: string): ConfidentialFollowUps[] {
  return new ProcedureService(ctx, new MinutesService(ctx, meetings)).confidentialFollowUps(meetingId);
}

/** ProcedureService.confidentialTopics without a composed backend (ExportService's default, as procedureRecord). */
export function confidentialTopicsOf(ctx: ServiceContext, meetings: MeetingsService): ConfidentialTopic[] {
  return new ProcedureService(ctx, new MinutesService(ctx, meetings)).confidentialTopics();
}
