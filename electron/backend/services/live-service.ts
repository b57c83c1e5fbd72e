import { AppError } from '../../../shared/errors';
import { elapsedBySection, type LiveState } from '../../../shared/domain/minutes';
import { LiveRepo } from '../repositories/live-repo';
import type { MinutesRow } from '../repositories/minutes-repo';
import { iso, type ServiceContext } from './context';
import type { MinutesService } from './minutes-service';

/**
 * The meeting as it happens: when it started and ended, which section is on, and how long each section took.
 * Time per section is the sum of stored spans, so a crash or restart loses at most the running span's end (it keeps
 * running until stopped, which is the truth as far as the app can know).
 */
export class LiveService {
  private readonly repo: LiveRepo;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly minutes: MinutesService,
  ) {
    this.repo = new LiveRepo(ctx.db);
  }

  state(meetingId: string): LiveState {
    this.minutes.meetings.mustGet(meetingId);
    const now = this.ctx.now();
    const m = this.minutes.repo.get(meetingId);
    const spans = this.repo.spans(meetingId);
    const elapsed = elapsedBySection(spans, now);
    const running = this.repo.running(meetingId) ?? null;
    const keys = this.minutes.outline(meetingId).map((o) => o.key);
    for (const s of spans) if (!keys.includes(s.sectionKey)) keys.push(s.sectionKey);
    return {
      meetingId,
      startedAt: m?.liveStartedAt ?? null,
      endedAt: m?.liveEndedAt ?? null,
      currentSection: m?.liveCurrentSection ?? null,
      runningSection: running,
      sections: keys.map((key) => ({ key, elapsedSeconds: elapsed.get(key) ?? 0, running: key === running })),
      asOf: iso(now),
    };
  }

  /** Starts the meeting on its opening; on an ended meeting, resumes it on the section it ended on. */
  start(meetingId: string): LiveState {
    this.write(meetingId, (m, now) => {
      if (m.liveStartedAt && !m.liveEndedAt) return;
      const resuming = m.liveEndedAt !== null;
      const current = (resuming && m.liveCurrentSection) || 'opening';
      this.repo.start(meetingId, current, now);
      this.minutes.repo.setLive(meetingId, { startedAt: m.liveStartedAt ?? now, endedAt: null, currentSection: current });
      this.minutes.meetings.meetings.recordEvent(meetingId, now, resuming ? 'live_resumed' : 'live_started', { section: current });
      this.minutes.meetings.follow(meetingId, now, 'meeting started');
    });
    return this.state(meetingId);
  }

  /** Moves the meeting to a section: its timer starts, whatever ran stops. Starts the meeting if needed. */
  goto(meetingId: string, sectionKey: string): LiveState {
    this.write(meetingId, (m, now) => {
      this.minutes.requireSection(meetingId, sectionKey);
      this.requireNotEnded(m);
      // Already timing this section: keep its span rather than splitting it in two.
      if (this.repo.running(meetingId) !== sectionKey) {
        this.repo.stop(meetingId, now);
        this.repo.start(meetingId, sectionKey, now);
      }
      this.minutes.repo.setLive(meetingId, { startedAt: m.liveStartedAt ?? now, endedAt: null, currentSection: sectionKey });
    });
    return this.state(meetingId);
  }

  /** Stops the section's timer if it runs; otherwise starts it (stopping any other). The current section stays. */
  toggleTimer(meetingId: string, sectionKey: string): LiveState {
    this.write(meetingId, (m, now) => {
      this.minutes.requireSection(meetingId, sectionKey);
      this.requireNotEnded(m);
      const running = this.repo.running(meetingId);
      this.repo.stop(meetingId, now);
      if (running !== sectionKey) this.repo.start(meetingId, sectionKey, now);
      if (!m.liveStartedAt) this.minutes.repo.setLive(meetingId, { startedAt: now, endedAt: null, currentSection: sectionKey });
    });
    return this.state(meetingId);
  }

  end(meetingId: string): LiveState {
    this.write(meetingId, (m, now) => {
      if (!m.liveStartedAt) throw new AppError('invalid_transition', 'The meeting has not been started, so it cannot end.');
      if (m.liveEndedAt) return;
      this.repo.stop(meetingId, now);
      this.minutes.repo.setLive(meetingId, { startedAt: m.liveStartedAt, endedAt: now, currentSection: m.liveCurrentSection });
      this.minutes.meetings.meetings.recordEvent(meetingId, now, 'live_ended', {});
    });
    return this.state(meetingId);
  }

  private requireNotEnded(m: MinutesRow) {
    if (m.liveEndedAt) throw new AppError('invalid_transition', 'The meeting has ended. Start it again to resume timing.');
  }

  private write(meetingId: string, fn: (m: MinutesRow, now: string) => void): void {
    const now = iso(this.ctx.now());
    this.ctx.db.transaction(() => fn(this.minutes.requireEditable(meetingId, now), now)).immediate();
  }
}
