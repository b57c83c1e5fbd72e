import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ActionItem } from '../../../shared/domain/decisions';
import type { DecisionVote, Safeguard } from '../../../shared/procedure/records';
import type { RulesVersion } from '../../../shared/procedure/rules';
import { actionColumns, toAction, type ActionRow } from './actions-repo';

/** Versions of the rules of procedure. */
export class RulesRepo {
  constructor(private readonly db: Database) {}
  list(): RulesVersion[] {
    const rows = this.db.prepare(`SELECT id, adopted_on, title, rules_json, created_at FROM rules_versions ORDER BY adopted_on, created_at`).all() as Array<{
      id: string;
      adopted_on: string;
      title: string;
      rules_json: string;
      created_at: string;
    }>;
    return rows.map((r) => ({ id: r.id, adoptedOn: r.adopted_on, title: r.title, rules: JSON.parse(r.rules_json) as RulesVersion['rules'], createdAt: r.created_at }));
  }
  insert(v: RulesVersion): void {
    this.db
      .prepare(`INSERT INTO rules_versions (id, adopted_on, title, rules_json, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(v.id, v.adoptedOn, v.title, JSON.stringify(v.rules), v.createdAt);
  }
}

interface VoteRow {
  decision_id: string;
  meeting_id: string;
  kind: DecisionVote['kind'];
  rules_version_id: string | null;
  rule_json: string;
  ballot_json: string;
  present_json: string;
  outcome: DecisionVote['outcome'];
  tally_json: string;
  explanation: string;
  public_explanation: string;
  voted_at: string;
}
const toVote = (r: VoteRow): DecisionVote => ({
  decisionId: r.decision_id,
  meetingId: r.meeting_id,
  kind: r.kind,
  rulesVersionId: r.rules_version_id,
  rule: JSON.parse(r.rule_json) as DecisionVote['rule'],
  ballot: JSON.parse(r.ballot_json) as DecisionVote['ballot'],
  present: JSON.parse(r.present_json) as DecisionVote['present'],
  outcome: r.outcome,
  tally: JSON.parse(r.tally_json) as DecisionVote['tally'],
  explanation: r.explanation,
  publicExplanation: r.public_explanation,
  votedAt: r.voted_at,
});

/** The vote on each decision, as computed when it was recorded. */
export class VotesRepo {
  constructor(private readonly db: Database) {}
  list(meetingId: string): DecisionVote[] {
    return (this.db.prepare(`SELECT * FROM decision_votes WHERE meeting_id = ? ORDER BY voted_at, rowid`).all(meetingId) as VoteRow[]).map(toVote);
  }
  get(decisionId: string): DecisionVote | undefined {
    const r = this.db.prepare(`SELECT * FROM decision_votes WHERE decision_id = ?`).get(decisionId) as VoteRow | undefined;
    return r && toVote(r);
  }
  /** Records the vote, replacing an earlier one on the same decision. */
  put(v: DecisionVote): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO decision_votes (decision_id, meeting_id, kind, rules_version_id, rule_json, ballot_json, present_json, outcome, tally_json, explanation, public_explanation, voted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.decisionId,
        v.meetingId,
        v.kind,
        v.rulesVersionId,
        JSON.stringify(v.rule),
        JSON.stringify(v.ballot),
        JSON.stringify(v.present),
        v.outcome,
        JSON.stringify(v.tally),
        v.explanation,
        v.publicExplanation,
        v.votedAt,
      );
  }
  delete(decisionId: string): number {
    return this.db.prepare(`DELETE FROM decision_votes WHERE decision_id = ?`).run(decisionId).changes;
  }
}

/** Competition-law safeguards recorded in a meeting. */
export class SafeguardsRepo {
  constructor(private readonly db: Database) {}
  list(meetingId: string): Safeguard[] {
    const rows = this.db.prepare(`SELECT id, meeting_id, kind, at, by_name, names_json, section_key, note FROM safeguards WHERE meeting_id = ? ORDER BY at, rowid`).all(meetingId) as Array<{
      id: string;
      meeting_id: string;
      kind: Safeguard['kind'];
      at: string;
      by_name: string;
      names_json: string;
      section_key: string | null;
      note: string;
    }>;
    return rows.map((r) => ({ id: r.id, meetingId: r.meeting_id, kind: r.kind, at: r.at, by: r.by_name, names: JSON.parse(r.names_json) as Safeguard['names'], sectionKey: r.section_key, note: r.note }));
  }
  get(id: string): { meetingId: string } | undefined {
    const r = this.db.prepare(`SELECT meeting_id FROM safeguards WHERE id = ?`).get(id) as { meeting_id: string } | undefined;
    return r && { meetingId: r.meeting_id };
  }
  insert(s: Safeguard): void {
    this.db
      .prepare(`INSERT INTO safeguards (id, meeting_id, kind, at, by_name, names_json, section_key, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(s.id, s.meetingId, s.kind, s.at, s.by, JSON.stringify(s.names), s.sectionKey, s.note);
  }
  delete(id: string): number {
    return this.db.prepare(`DELETE FROM safeguards WHERE id = ?`).run(id).changes;
  }
}

export interface ApprovalRow {
  circulatedBy: string;
  circulatedOn: string;
  approvedBy: string;
  approvedOn: string;
  approvedInMeetingId: string | null;
  updatedAt: string;
}

/** Who circulated and approved a meeting's minutes. */
export class ApprovalsRepo {
  constructor(private readonly db: Database) {}
  get(meetingId: string): ApprovalRow | undefined {
    const r = this.db
      .prepare(`SELECT circulated_by, circulated_on, approved_by, approved_on, approved_in_meeting_id, updated_at FROM minutes_approvals WHERE meeting_id = ?`)
      .get(meetingId) as
      | { circulated_by: string; circulated_on: string; approved_by: string; approved_on: string; approved_in_meeting_id: string | null; updated_at: string }
      | undefined;
    return (
      r && {
        circulatedBy: r.circulated_by,
        circulatedOn: r.circulated_on,
        approvedBy: r.approved_by,
        approvedOn: r.approved_on,
        approvedInMeetingId: r.approved_in_meeting_id,
        updatedAt: r.updated_at,
      }
    );
  }
  put(meetingId: string, a: ApprovalRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO minutes_approvals (meeting_id, circulated_by, circulated_on, approved_by, approved_on, approved_in_meeting_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(meetingId, a.circulatedBy, a.circulatedOn, a.approvedBy, a.approvedOn, a.approvedInMeetingId, a.updatedAt);
  }
}

export interface BodyActionRow extends ActionItem {
  meetingTitle: string;
  meetingStartsAt: string;
}
const ACTION_COLUMNS = `${actionColumns('a')}, m.title AS meeting_title, m.starts_at AS meeting_starts_at`;
interface BodyActionSqlRow extends ActionRow {
  meeting_title: string;
  meeting_starts_at: string;
}
const toBodyAction = (r: BodyActionSqlRow): BodyActionRow => ({ ...toAction(r), meetingTitle: r.meeting_title, meetingStartsAt: r.meeting_starts_at });

/** An action as the follow-up item listed it (its words and meeting then), and as it is now (null: gone). */
export interface ListedAction {
  actionId: string;
  text: string;
  meetingTitle: string;
  meetingStartsAt: string;
  now: BodyActionRow | null;
}
type ListedSqlRow = { [K in keyof BodyActionSqlRow]: BodyActionSqlRow[K] | null } & {
  listed_action_id: string;
  listed_text: string;
  listed_meeting_title: string;
  listed_meeting_starts_at: string;
};

/** Actions across meetings, and the ones listed under a meeting's "Follow-up of actions" item. */
export class FollowupsRepo {
  constructor(private readonly db: Database) {}
  /** Open actions of every meeting, oldest meeting first; `before` leaves out meetings starting at or after it. */
  open(before?: string): BodyActionRow[] {
    const rows = this.db
      .prepare(
        `SELECT ${ACTION_COLUMNS} FROM action_items a JOIN meetings m ON m.id = a.meeting_id
         WHERE a.status = 'open' AND (? IS NULL OR m.starts_at < ?) ORDER BY m.starts_at, a.created_at, a.rowid`,
      )
      .all(before ?? null, before ?? null) as BodyActionSqlRow[];
    return rows.map(toBodyAction);
  }
  /** The follow-up item of a meeting (the first, if several) and its actions in order. */
  forMeeting(meetingId: string): { agendaItemId: string; actions: BodyActionRow[] } | undefined {
    const item = this.db.prepare(`SELECT agenda_item_id FROM action_followups WHERE meeting_id = ? ORDER BY rowid LIMIT 1`).get(meetingId) as
      | { agenda_item_id: string }
      | undefined;
    if (!item) return undefined;
    const rows = this.db
      .prepare(
        `SELECT ${ACTION_COLUMNS} FROM action_followups f JOIN action_items a ON a.id = f.action_id JOIN meetings m ON m.id = a.meeting_id
         WHERE f.agenda_item_id = ? ORDER BY f.position`,
      )
      .all(item.agenda_item_id) as BodyActionSqlRow[];
    return { agendaItemId: item.agenda_item_id, actions: rows.map(toBodyAction) };
  }
  /**
   * Every follow-up item of a meeting (one is made per agenda, but a removed one comes back from the trash beside a
   * newer one, and a copied agenda brings its own), oldest first, and what each listed, in order: each action's words
   * and meeting as listed, and the action as it is now, or null once it or its meeting is gone (deleted, in the trash).
   */
  listedFor(meetingId: string): Array<{ agendaItemId: string; listed: ListedAction[] }> {
    const items = this.db
      .prepare(`SELECT agenda_item_id FROM action_followups WHERE meeting_id = ? GROUP BY agenda_item_id ORDER BY min(rowid)`)
      .pluck()
      .all(meetingId) as string[];
    const rowsOf = this.db.prepare(
      `SELECT f.action_id AS listed_action_id, f.listed_text, f.listed_meeting_title, f.listed_meeting_starts_at, ${ACTION_COLUMNS}
       FROM action_followups f LEFT JOIN action_items a ON a.id = f.action_id LEFT JOIN meetings m ON m.id = a.meeting_id
       WHERE f.agenda_item_id = ? ORDER BY f.position`,
    );
    return items.map((item) => ({
      agendaItemId: item,
      listed: (rowsOf.all(item) as ListedSqlRow[]).map((r) => ({
        actionId: r.listed_action_id,
        text: r.listed_text,
        meetingTitle: r.listed_meeting_title,
        meetingStartsAt: r.listed_meeting_starts_at,
        now: r.id === null || r.meeting_title === null ? null : toBodyAction(r as BodyActionSqlRow),
      })),
    }));
  }
  /**
   * For each record id, the sections of every meeting whose stored minutes hold its block (the id as a JSON string
   * anywhere in their content: a cheap filter in SQLite that can only find more places, never fewer). A block cut from
   * one meeting's minutes and pasted into another's keeps its record (an audit, 2026-12-07). One statement for all the
   * ids, over the sections that hold any record block at all: the minutes are read once, not once per action.
   */
  placesHolding(recordIds: readonly string[]): Map<string, Array<{ meetingId: string; sectionKey: string }>> {
    const out = new Map<string, Array<{ meetingId: string; sectionKey: string }>>(recordIds.map((id) => [id, []]));
    if (recordIds.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT j.value AS id, s.meeting_id AS meetingId, s.section_key AS sectionKey
           FROM minutes_sections s JOIN json_each(?) j ON instr(s.content_json, json_quote(j.value)) > 0
          WHERE instr(s.content_json, '"recordId"') > 0`,
      )
      .all(JSON.stringify(recordIds)) as Array<{ id: string; meetingId: string; sectionKey: string }>;
    for (const r of rows) out.get(r.id)?.push({ meetingId: r.meetingId, sectionKey: r.sectionKey });
    return out;
  }
  /** What a follow-up item listed, listed again under its copy in another meeting's agenda (a copied agenda). */
  copyListed(fromItemId: string, toItemId: string, toMeetingId: string): void {
    this.db
      .prepare(
        `INSERT INTO action_followups (agenda_item_id, action_id, meeting_id, position, listed_text, listed_meeting_title, listed_meeting_starts_at)
         SELECT ?, action_id, ?, position, listed_text, listed_meeting_title, listed_meeting_starts_at FROM action_followups WHERE agenda_item_id = ?`,
      )
      .run(toItemId, toMeetingId, fromItemId);
  }
  /** Lists `actions` under the follow-up item, keeping the words and meeting each is listed with. */
  link(agendaItemId: string, meetingId: string, actions: readonly BodyActionRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO action_followups (agenda_item_id, action_id, meeting_id, position, listed_text, listed_meeting_title, listed_meeting_starts_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    actions.forEach((a, i) => insert.run(agendaItemId, a.id, meetingId, i, a.text, a.meetingTitle, a.meetingStartsAt));
  }
}

interface TopicRow {
  id: string;
  title: string;
  notes: string;
  raised_by: string;
  raised_at: string;
  raised_in_meeting_id: string | null;
  raised_in_section: string | null;
  raised_title: string | null;
  raised_starts: string | null;
  picked_meeting_id: string | null;
  picked_agenda_item_id: string | null;
  picked_title: string | null;
  picked_starts: string | null;
  dropped: number;
  picked_withheld: number | null;
}
export interface TopicRowOut {
  id: string;
  title: string;
  notes: string;
  raisedBy: string;
  raisedAt: string;
  raisedInMeetingId: string | null;
  /** The section (agenda item, opening or closing) the officer raised it in, when raised from the minutes. */
  raisedInSection: string | null;
  raisedIn: { title: string; startsAt: string } | null;
  pickedMeetingId: string | null;
  pickedAgendaItemId: string | null;
  pickedInto: { title: string; startsAt: string } | null;
  /** Picked onto the agenda as not for publication (the officer confirmed); false when picked as published, or before migration 021. */
  pickedWithheld: boolean;
  /** Put on an agenda at some time (the item or its meeting may be gone since). */
  wasPicked: boolean;
  /** The meeting it was put on the agenda of, also once that item is removed (null: never picked, or that meeting gone). */
  pickedIntoMeetingId: string | null;
  dropped: boolean;
}

/** The backlog of future topics. */
export class TopicsRepo {
  constructor(private readonly db: Database) {}
  private select(where: string) {
    return `SELECT t.*, r.title AS raised_title, r.starts_at AS raised_starts, p.title AS picked_title, p.starts_at AS picked_starts
      FROM future_topics t
      LEFT JOIN meetings r ON r.id = t.raised_in_meeting_id
      LEFT JOIN meetings p ON p.id = t.picked_meeting_id AND t.picked_agenda_item_id IS NOT NULL
      ${where}`;
  }
  list(): TopicRowOut[] {
    return (this.db.prepare(this.select(`ORDER BY t.raised_at, t.rowid`)).all() as TopicRow[]).map(toTopic);
  }
  raisedIn(meetingId: string): TopicRowOut[] {
    return (this.db.prepare(this.select(`WHERE t.raised_in_meeting_id = ? ORDER BY t.raised_at, t.rowid`)).all(meetingId) as TopicRow[]).map(toTopic);
  }
  get(id: string): TopicRowOut | undefined {
    const r = this.db.prepare(this.select(`WHERE t.id = ?`)).get(id) as TopicRow | undefined;
    return r && toTopic(r);
  }
  insert(t: { id: string; title: string; notes: string; raisedBy: string; raisedAt: string; raisedInMeetingId: string | null; raisedInSection: string | null }): void {
    this.db
      .prepare(`INSERT INTO future_topics (id, title, notes, raised_by, raised_at, raised_in_meeting_id, raised_in_section) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(t.id, t.title, t.notes, t.raisedBy, t.raisedAt, t.raisedInMeetingId, t.raisedInSection);
  }
  /** `withheld`: the topic came onto the agenda as not for publication (migration 021). The item carries it (022). */
  pick(id: string, meetingId: string, agendaItemId: string, withheld: boolean): void {
    this.db
      .prepare(`UPDATE future_topics SET picked_meeting_id = ?, picked_agenda_item_id = ?, picked_withheld = ?, dropped = 0 WHERE id = ?`)
      .run(meetingId, agendaItemId, withheld ? 1 : 0, id);
    this.db.prepare(`INSERT OR IGNORE INTO topic_items (topic_id, agenda_item_id) VALUES (?, ?)`).run(id, agendaItemId);
  }
  /** A copied agenda's item carries the topics its original carries (migration 022). */
  copyCarried(fromItemId: string, toItemId: string): void {
    this.db.prepare(`INSERT OR IGNORE INTO topic_items (topic_id, agenda_item_id) SELECT topic_id, ? FROM topic_items WHERE agenda_item_id = ?`).run(toItemId, fromItemId);
  }
  /** Every topic's carrying items (the item picked into and its copies), by topic id. */
  carriedBy(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.db.prepare(`SELECT topic_id, agenda_item_id FROM topic_items ORDER BY rowid`).all() as Array<{ topic_id: string; agenda_item_id: string }>) {
      const items = out.get(r.topic_id);
      if (items) items.push(r.agenda_item_id);
      else out.set(r.topic_id, [r.agenda_item_id]);
    }
    return out;
  }
  setDropped(id: string, dropped: boolean): void {
    this.db.prepare(`UPDATE future_topics SET dropped = ? WHERE id = ?`).run(dropped ? 1 : 0, id);
  }
}

function toTopic(r: TopicRow): TopicRowOut {
  return {
    id: r.id,
    title: r.title,
    notes: r.notes,
    raisedBy: r.raised_by,
    raisedAt: r.raised_at,
    raisedInMeetingId: r.raised_in_meeting_id,
    raisedInSection: r.raised_in_section,
    raisedIn: r.raised_title !== null ? { title: r.raised_title, startsAt: r.raised_starts ?? '' } : null,
    pickedMeetingId: r.picked_agenda_item_id ? r.picked_meeting_id : null,
    pickedAgendaItemId: r.picked_agenda_item_id,
    pickedInto: r.picked_title !== null ? { title: r.picked_title, startsAt: r.picked_starts ?? '' } : null,
    pickedWithheld: r.picked_withheld === 1,
    wasPicked: r.picked_meeting_id !== null || r.picked_agenda_item_id !== null,
    pickedIntoMeetingId: r.picked_meeting_id,
    dropped: r.dropped === 1,
  };
}

export interface GroupRow {
  id: string;
  name: string;
  decisionId: string | null;
  decisionText: string | null;
  memberIds: string[];
  createdAt: string;
}

/** Ad hoc groups and their member organisations. */
export class GroupsRepo {
  constructor(private readonly db: Database) {}
  private rows(where: string, ...args: unknown[]): GroupRow[] {
    const rows = this.db
      .prepare(`SELECT g.id, g.name, g.decision_id, g.created_at, d.text AS decision_text FROM ad_hoc_groups g LEFT JOIN decisions d ON d.id = g.decision_id ${where} ORDER BY g.name COLLATE NOCASE`)
      .all(...args) as Array<{ id: string; name: string; decision_id: string | null; created_at: string; decision_text: string | null }>;
    const members = this.db.prepare(`SELECT organisation_id FROM ad_hoc_group_members WHERE group_id = ?`);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      decisionId: r.decision_id,
      decisionText: r.decision_text,
      createdAt: r.created_at,
      memberIds: (members.all(r.id) as Array<{ organisation_id: string }>).map((m) => m.organisation_id),
    }));
  }
  list(): GroupRow[] {
    return this.rows('');
  }
  get(id: string): GroupRow | undefined {
    return this.rows('WHERE g.id = ?', id)[0];
  }
  byName(name: string): GroupRow | undefined {
    return this.rows('WHERE g.name = ? COLLATE NOCASE', name.trim())[0];
  }
  insert(g: { id: string; name: string; decisionId: string | null; createdAt: string }): void {
    this.db.prepare(`INSERT INTO ad_hoc_groups (id, name, decision_id, created_at) VALUES (?, ?, ?, ?)`).run(g.id, g.name, g.decisionId, g.createdAt);
  }
  setMembers(id: string, organisationIds: readonly string[]): void {
    this.db.prepare(`DELETE FROM ad_hoc_group_members WHERE group_id = ?`).run(id);
    const insert = this.db.prepare(`INSERT OR IGNORE INTO ad_hoc_group_members (group_id, organisation_id) VALUES (?, ?)`);
    for (const o of organisationIds) insert.run(id, o);
  }
}

/** Who was invited by which decision. */
export class InvitationsRepo {
  constructor(private readonly db: Database) {}
  forMeeting(meetingId: string): Array<{ participantId: string; decisionId: string; text: string; meetingTitle: string; meetingStartsAt: string }> {
    return (
      this.db
        .prepare(
          `SELECT i.participant_id, i.decision_id, d.text, m.title, m.starts_at FROM invitations i
           JOIN attendance a ON a.id = i.participant_id JOIN decisions d ON d.id = i.decision_id JOIN meetings m ON m.id = d.meeting_id
           WHERE a.meeting_id = ? ORDER BY a.position`,
        )
        .all(meetingId) as Array<{ participant_id: string; decision_id: string; text: string; title: string; starts_at: string }>
    ).map((r) => ({ participantId: r.participant_id, decisionId: r.decision_id, text: r.text, meetingTitle: r.title, meetingStartsAt: r.starts_at }));
  }
  /** Adopted decisions on inviting an external expert, of meetings up to `until` (inclusive), newest first. */
  invitingDecisions(until: string): Array<{ id: string; text: string; meetingTitle: string; meetingStartsAt: string }> {
    return (
      this.db
        .prepare(
          `SELECT d.id, d.text, m.title, m.starts_at FROM decision_votes v JOIN decisions d ON d.id = v.decision_id JOIN meetings m ON m.id = d.meeting_id
           WHERE v.kind = 'invite_external_expert' AND v.outcome = 'adopted' AND m.starts_at <= ? ORDER BY m.starts_at DESC, v.voted_at DESC`,
        )
        .all(until) as Array<{ id: string; text: string; title: string; starts_at: string }>
    ).map((r) => ({ id: r.id, text: r.text, meetingTitle: r.title, meetingStartsAt: r.starts_at }));
  }
  set(participantId: string, decisionId: string | null): void {
    if (decisionId === null) this.db.prepare(`DELETE FROM invitations WHERE participant_id = ?`).run(participantId);
    else this.db.prepare(`INSERT OR REPLACE INTO invitations (participant_id, decision_id) VALUES (?, ?)`).run(participantId, decisionId);
  }
}
