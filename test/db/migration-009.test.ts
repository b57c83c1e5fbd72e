import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { INITIAL_RULES, RulesTable } from '../../shared/procedure/rules';
import { openTestDb } from '../helpers/temp';

/** Migration 009 (the body's procedure) on a real file: data written before survives; the tables work and enforce. */
describe('migration 009: procedure', () => {
  it('adds rules, votes, safeguards, approvals, follow-ups and topics to an older file without touching its data', () => {
    const { db, file } = openTestDb({ targetVersion: 5 });
    expect(schemaVersion(db)).toBe(5);
    db.prepare(
      `INSERT INTO meetings (id, title, sequence, kind, starts_at, ends_at, time_zone, format, convened_by, status, created_at, updated_at)
       VALUES ('m1', 'Plenary', 1, 'plenary', '2026-01-30T10:00', '2026-01-30T12:00', 'Europe/Brussels', 'hybrid', 'chair', 'planned', 'x', 'x')`,
    ).run();
    db.prepare(`INSERT INTO decisions (id, meeting_id, section_key, text, outcome, created_at, updated_at) VALUES ('d1', 'm1', 'opening', 'Invite X', 'adopted', 'x', 'x')`).run();
    db.prepare(`INSERT INTO action_items (id, meeting_id, section_key, text, created_at, updated_at) VALUES ('a1', 'm1', 'opening', 'Circulate', 'x', 'x')`).run();
    db.prepare(`INSERT INTO agenda_items (id, meeting_id, position, title, kind) VALUES ('i1', 'm1', 0, 'Follow-up of actions', 'discussion')`).run();
    db.close();

    const db2 = openDatabase(file, { key: TEST_KEY, targetVersion: 9 });
    try {
      expect(schemaVersion(db2)).toBe(9);
      expect(db2.prepare(`SELECT text FROM decisions WHERE id = 'd1'`).get()).toEqual({ text: 'Invite X' });
      // The rules adopted at the constitutive meeting are the first version, equal to the app's INITIAL_RULES.
      const v = db2.prepare(`SELECT id, adopted_on, rules_json FROM rules_versions`).all() as Array<{ id: string; adopted_on: string; rules_json: string }>;
      expect(v).toHaveLength(1);
      expect(v[0]!.adopted_on).toBe('2026-01-30');
      expect(RulesTable.parse(JSON.parse(v[0]!.rules_json))).toEqual(INITIAL_RULES);

      const vote = db2.prepare(
        `INSERT INTO decision_votes (decision_id, meeting_id, kind, rules_version_id, rule_json, ballot_json, present_json, outcome, tally_json, explanation, public_explanation, voted_at)
         VALUES (?, 'm1', ?, 'rules-initial', '{}', '{}', '[]', ?, '{}', 'e', 'p', 't')`,
      );
      vote.run('d1', 'invite_external_expert', 'adopted');
      const fails = (fn: () => unknown) => expect(fn).toThrow();
      fails(() => vote.run('d1', 'default', 'adopted')); // one vote per decision
      fails(() => vote.run('nope', 'default', 'adopted')); // no such decision
      db2.prepare(`DELETE FROM decision_votes`).run();
      fails(() => vote.run('d1', 'coffee', 'adopted')); // unknown kind
      fails(() => vote.run('d1', 'default', 'maybe')); // unknown outcome

      const sg = db2.prepare(`INSERT INTO safeguards (id, meeting_id, kind, at, by_name, names_json) VALUES (?, 'm1', ?, 't', 'Chair', ?)`);
      sg.run('s1', 'statement_read', '[]');
      fails(() => sg.run('s2', 'gossip', '[]'));
      fails(() => sg.run('s3', 'left_over_concerns', 'not json'));

      const ap = db2.prepare(`INSERT INTO minutes_approvals (meeting_id, circulated_on, updated_at) VALUES ('m1', ?, 't')`);
      fails(() => ap.run('30/01/2026'));
      ap.run('2026-02-02');

      db2.prepare(`INSERT INTO action_followups (agenda_item_id, action_id, meeting_id, position) VALUES ('i1', 'a1', 'm1', 0)`).run();
      fails(() => db2.prepare(`INSERT INTO action_followups (agenda_item_id, action_id, meeting_id, position) VALUES ('i1', 'a1', 'm1', 1)`).run());

      const topic = db2.prepare(`INSERT INTO future_topics (id, title, raised_at, raised_in_meeting_id, picked_meeting_id, picked_agenda_item_id) VALUES (?, ?, 't', 'm1', 'm1', 'i1')`);
      topic.run('t1', 'Open-source models');
      fails(() => topic.run('t2', ''));

      db2.prepare(`INSERT INTO organisations (id, name, created_at) VALUES ('o1', 'Alpha', 't')`).run();
      db2.prepare(`INSERT INTO ad_hoc_groups (id, name, decision_id, created_at) VALUES ('g1', 'Open source', 'd1', 't')`).run();
      fails(() => db2.prepare(`INSERT INTO ad_hoc_groups (id, name, created_at) VALUES ('g2', 'OPEN SOURCE', 't')`).run()); // names are unique
      db2.prepare(`INSERT INTO ad_hoc_group_members (group_id, organisation_id) VALUES ('g1', 'o1')`).run();
      fails(() => db2.prepare(`INSERT INTO ad_hoc_group_members (group_id, organisation_id) VALUES ('g1', 'nope')`).run());
      db2.prepare(`INSERT INTO attendance (id, meeting_id, category, name, status, position, created_at) VALUES ('p1', 'm1', 'external_expert', 'Dr X', 'in_person', 0, 't')`).run();
      db2.prepare(`INSERT INTO invitations (participant_id, decision_id) VALUES ('p1', 'd1')`).run();
      db2.prepare(`DELETE FROM organisations WHERE id = 'o1'`).run();
      expect(db2.prepare(`SELECT COUNT(*) AS n FROM ad_hoc_group_members`).get()).toEqual({ n: 0 });

      // Removing the agenda item unlinks the topic and drops the follow-up rows; removing the meeting drops the rest.
      db2.prepare(`DELETE FROM agenda_items WHERE id = 'i1'`).run();
      expect(db2.prepare(`SELECT picked_agenda_item_id AS i FROM future_topics`).get()).toEqual({ i: null });
      expect(db2.prepare(`SELECT COUNT(*) AS n FROM action_followups`).get()).toEqual({ n: 0 });
      db2.prepare(`DELETE FROM meetings WHERE id = 'm1'`).run();
      for (const t of ['decision_votes', 'safeguards', 'minutes_approvals', 'invitations']) expect(db2.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
      expect(db2.prepare(`SELECT raised_in_meeting_id AS m FROM future_topics`).get()).toEqual({ m: null }); // the topic stays
      expect(db2.prepare(`SELECT decision_id AS d FROM ad_hoc_groups`).get()).toEqual({ d: null }); // the group stays
    } finally {
      db2.close();
    }
  });
});
