import type { Migration } from './types';

/**
 * The body's procedure.
 * - rules_versions: the rules of procedure per kind of decision, by the date adopted (the rules the constitutive
 *   meeting adopted are put in as the first version).
 * - decision_votes: one vote per decision, with the rule applied and who was present copied at the moment of the vote,
 *   and the computed outcome with its explanation (internal; and counts-only for the public summary).
 * - safeguards: competition-law safeguards recorded in a meeting (statement read, departures from the agenda, a
 *   participant leaving over competition concerns), timed.
 * - minutes_approvals: who circulated and who approved a meeting's minutes, when, and in which meeting.
 * - action_followups: the open actions listed under a meeting's "Follow-up of actions" item.
 * - future_topics: the backlog of topics raised for later meetings, linked to the agenda item they were picked into.
 * - ad_hoc_groups (+ members): groups with their own member organisations, optionally created by a decision; a
 *   meeting of kind 'ad_hoc_group' uses its group's membership for quorum and votes.
 * - invitations: an external expert or observer of a meeting linked to the decision that invited them.
 */
export const m009Procedure: Migration = {
  version: 9,
  name: 'procedure',
  up(db) {
    db.exec(`
      CREATE TABLE rules_versions (
        id TEXT PRIMARY KEY,
        adopted_on TEXT NOT NULL CHECK (adopted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        title TEXT NOT NULL,
        rules_json TEXT NOT NULL CHECK (json_valid(rules_json)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rules_versions_date ON rules_versions (adopted_on, created_at);

      CREATE TABLE decision_votes (
        decision_id TEXT PRIMARY KEY REFERENCES decisions (id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('default', 'invite_external_expert', 'create_ad_hoc_group', 'input_on_guidance', 'change_rules')),
        rules_version_id TEXT REFERENCES rules_versions (id) ON DELETE SET NULL,
        rule_json TEXT NOT NULL CHECK (json_valid(rule_json)),
        ballot_json TEXT NOT NULL CHECK (json_valid(ballot_json)),
        present_json TEXT NOT NULL CHECK (json_valid(present_json)),
        outcome TEXT NOT NULL CHECK (outcome IN ('adopted', 'rejected', 'no_quorum')),
        tally_json TEXT NOT NULL CHECK (json_valid(tally_json)),
        explanation TEXT NOT NULL,
        public_explanation TEXT NOT NULL,
        voted_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decision_votes_meeting ON decision_votes (meeting_id, voted_at);

      CREATE TABLE safeguards (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('statement_read', 'departed_from_agenda', 'left_over_concerns')),
        at TEXT NOT NULL,
        by_name TEXT NOT NULL DEFAULT '',
        names_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(names_json)),
        section_key TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX safeguards_meeting ON safeguards (meeting_id, at);

      CREATE TABLE minutes_approvals (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
        circulated_by TEXT NOT NULL DEFAULT '',
        circulated_on TEXT NOT NULL DEFAULT '' CHECK (circulated_on = '' OR circulated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        approved_by TEXT NOT NULL DEFAULT '',
        approved_on TEXT NOT NULL DEFAULT '' CHECK (approved_on = '' OR approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        approved_in_meeting_id TEXT REFERENCES meetings (id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE action_followups (
        agenda_item_id TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
        action_id TEXT NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (agenda_item_id, action_id)
      ) STRICT;
      CREATE INDEX action_followups_meeting ON action_followups (meeting_id);

      CREATE TABLE future_topics (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        notes TEXT NOT NULL DEFAULT '',
        raised_by TEXT NOT NULL DEFAULT '',
        raised_at TEXT NOT NULL,
        raised_in_meeting_id TEXT REFERENCES meetings (id) ON DELETE SET NULL,
        raised_in_section TEXT,
        picked_meeting_id TEXT REFERENCES meetings (id) ON DELETE SET NULL,
        picked_agenda_item_id TEXT REFERENCES agenda_items (id) ON DELETE SET NULL,
        dropped INTEGER NOT NULL DEFAULT 0 CHECK (dropped IN (0, 1))
      ) STRICT;
      CREATE INDEX future_topics_raised ON future_topics (raised_at);

      CREATE TABLE ad_hoc_groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        decision_id TEXT REFERENCES decisions (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX ad_hoc_groups_name ON ad_hoc_groups (name COLLATE NOCASE);
      CREATE TABLE ad_hoc_group_members (
        group_id TEXT NOT NULL REFERENCES ad_hoc_groups (id) ON DELETE CASCADE,
        organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, organisation_id)
      ) STRICT;

      CREATE TABLE invitations (
        participant_id TEXT PRIMARY KEY REFERENCES attendance (id) ON DELETE CASCADE,
        decision_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE
      ) STRICT;
    `);
    // Written out here (not imported) so that this migration never changes; equal to INITIAL_RULES in shared/procedure.
    const rules = {
      default: { rule: 'consensus', base: 'present', quorum: 'majority' },
      invite_external_expert: { rule: 'two_thirds', base: 'present', quorum: 'majority' },
      create_ad_hoc_group: { rule: 'simple_majority', base: 'present', quorum: 'majority' },
      input_on_guidance: { rule: 'consensus', base: 'present', quorum: 'majority' },
      change_rules: { rule: 'two_thirds', base: 'all_members', quorum: 'two_thirds' },
    };
    db.prepare(`INSERT INTO rules_versions (id, adopted_on, title, rules_json, created_at) VALUES ('rules-initial', '2026-01-30', ?, ?, '2026-01-30T00:00:00.000Z')`).run(
      'Rules of procedure adopted at the constitutive meeting',
      JSON.stringify(rules),
    );
  },
};
