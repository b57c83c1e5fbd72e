import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TimingSpan } from '../../../shared/domain/minutes';

/** Timing spans of the sections of a live meeting. At most one span per meeting is running (stopped_at NULL). */
export class LiveRepo {
  constructor(private readonly db: Database) {}

  spans(meetingId: string): TimingSpan[] {
    const rows = this.db.prepare(`SELECT section_key, started_at, stopped_at FROM section_timings WHERE meeting_id = ? ORDER BY id`).all(meetingId) as Array<{
      section_key: string;
      started_at: string;
      stopped_at: string | null;
    }>;
    return rows.map((r) => ({ sectionKey: r.section_key, startedAt: r.started_at, stoppedAt: r.stopped_at }));
  }

  running(meetingId: string): string | undefined {
    const r = this.db.prepare(`SELECT section_key FROM section_timings WHERE meeting_id = ? AND stopped_at IS NULL`).get(meetingId) as
      | { section_key: string }
      | undefined;
    return r?.section_key;
  }

  start(meetingId: string, sectionKey: string, at: string): void {
    this.db.prepare(`INSERT INTO section_timings (meeting_id, section_key, started_at) VALUES (?, ?, ?)`).run(meetingId, sectionKey, at);
  }

  /** Stops whatever runs; returns how many spans it stopped (0 or 1). */
  stop(meetingId: string, at: string): number {
    return this.db.prepare(`UPDATE section_timings SET stopped_at = max(started_at, ?) WHERE meeting_id = ? AND stopped_at IS NULL`).run(at, meetingId)
      .changes;
  }
}
