import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Decision, DecisionOutcome } from '../../../shared/domain/decisions';

interface Row {
  id: string;
  meeting_id: string;
  section_key: string;
  text: string;
  outcome: DecisionOutcome;
  created_at: string;
  updated_at: string;
}

const toDecision = (r: Row): Decision => ({
  id: r.id,
  meetingId: r.meeting_id,
  sectionKey: r.section_key,
  text: r.text,
  outcome: r.outcome,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS = `id, meeting_id, section_key, text, outcome, created_at, updated_at`;

/** Decisions minuted in a meeting, in the order they were taken. */
export class DecisionsRepo {
  constructor(private readonly db: Database) {}

  list(meetingId: string): Decision[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM decisions WHERE meeting_id = ? ORDER BY created_at, rowid`).all(meetingId) as Row[]).map(toDecision);
  }

  get(id: string): Decision | undefined {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM decisions WHERE id = ?`).get(id) as Row | undefined;
    return r && toDecision(r);
  }

  insert(d: Decision): void {
    this.db
      .prepare(`INSERT INTO decisions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(d.id, d.meetingId, d.sectionKey, d.text, d.outcome, d.createdAt, d.updatedAt);
  }

  update(d: Decision): void {
    this.db
      .prepare(`UPDATE decisions SET section_key = ?, text = ?, outcome = ?, updated_at = ? WHERE id = ?`)
      .run(d.sectionKey, d.text, d.outcome, d.updatedAt, d.id);
  }

  delete(id: string): number {
    return this.db.prepare(`DELETE FROM decisions WHERE id = ?`).run(id).changes;
  }
}
