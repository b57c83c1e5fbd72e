import { describe, expect, it } from 'vitest';
import { elapsedBySection, type LiveState } from '../../shared/domain/minutes';
import { call, makeBackend } from '../helpers/temp';
import { codeOf, meetingWithAgenda } from './minutes-fixture';

/** A backend whose clock only moves when the test says so. */
function frozenClock() {
  let t = Date.parse('2026-02-10T09:00:00Z');
  let n = 0;
  return { ctx: { now: () => new Date(t), newId: () => `id${++n}` }, advance: (seconds: number) => (t += seconds * 1000) };
}

const elapsed = (s: LiveState) => Object.fromEntries(s.sections.map((x) => [x.key, x.elapsedSeconds]));

describe('elapsedBySection', () => {
  it('sums spans per section and counts a running span up to now', () => {
    const m = elapsedBySection(
      [
        { sectionKey: 'a', startedAt: '2026-01-01T10:00:00Z', stoppedAt: '2026-01-01T10:01:00Z' },
        { sectionKey: 'b', startedAt: '2026-01-01T10:01:00Z', stoppedAt: '2026-01-01T10:01:30.900Z' },
        { sectionKey: 'a', startedAt: '2026-01-01T10:02:00Z', stoppedAt: null },
      ],
      new Date('2026-01-01T10:02:10Z'),
    );
    expect(Object.fromEntries(m)).toEqual({ a: 70, b: 30 });
  });
});

describe('live meeting through the dispatcher', () => {
  it('starts on the opening, moves between sections, toggles timers, ends, and sums time per section', async () => {
    const clock = frozenClock();
    const { backend, meetingId, items } = await meetingWithAgenda(makeBackend({ context: clock.ctx }));
    const started = await call<LiveState>(backend, 'live.start', { meetingId });
    expect(started).toMatchObject({ startedAt: '2026-02-10T09:00:00.000Z', endedAt: null, currentSection: 'opening', runningSection: 'opening' });
    expect(started.sections.map((s) => s.key)).toEqual(['opening', ...items, 'closing']);

    clock.advance(120);
    let s = await call<LiveState>(backend, 'live.goto', { meetingId, sectionKey: items[0] });
    expect(s).toMatchObject({ currentSection: items[0], runningSection: items[0] });
    clock.advance(300);
    s = await call<LiveState>(backend, 'live.toggleTimer', { meetingId, sectionKey: items[0] }); // pause
    expect(s.runningSection).toBeNull();
    expect(s.currentSection).toBe(items[0]);
    clock.advance(60);
    await call<LiveState>(backend, 'live.toggleTimer', { meetingId, sectionKey: items[0] }); // resume
    clock.advance(30);
    s = await call<LiveState>(backend, 'live.get', { meetingId });
    expect(elapsed(s)[items[0]!]).toBe(330); // running span counted up to now
    expect(s.sections.find((x) => x.key === items[0])!.running).toBe(true);
    s = await call<LiveState>(backend, 'live.toggleTimer', { meetingId, sectionKey: items[1] }); // switches the running timer
    expect(s.runningSection).toBe(items[1]);
    clock.advance(45);
    await call<LiveState>(backend, 'live.goto', { meetingId, sectionKey: 'opening' }); // back to a section: adds up
    clock.advance(15);
    s = await call<LiveState>(backend, 'live.end', { meetingId });
    expect(s).toMatchObject({ endedAt: '2026-02-10T09:09:30.000Z', runningSection: null });
    expect(elapsed(s)).toEqual({ opening: 135, [items[0]!]: 330, [items[1]!]: 45, [items[2]!]: 0, closing: 0 });

    // After the end nothing runs and time stands still; moving is refused until the meeting is started again.
    clock.advance(600);
    expect(elapsed(await call<LiveState>(backend, 'live.get', { meetingId })).opening).toBe(135);
    expect(await codeOf(backend, 'live.goto', { meetingId, sectionKey: 'closing' })).toBe('invalid_transition');
    expect(await codeOf(backend, 'live.end', { meetingId })).toBe('ok');
    const resumed = await call<LiveState>(backend, 'live.start', { meetingId });
    expect(resumed).toMatchObject({ startedAt: '2026-02-10T09:00:00.000Z', endedAt: null, runningSection: 'opening' });

    const kinds = backend.services.meetings.meetings.events(meetingId).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('live_'))).toEqual(['live_started', 'live_ended', 'live_resumed']);
  });

  it('survives a restart: the running timer keeps counting from stored spans', async () => {
    const clock = frozenClock();
    const first = makeBackend({ context: clock.ctx });
    const { meetingId } = await meetingWithAgenda(first);
    await call(first, 'live.start', { meetingId });
    const dataDir = first.dbFile.replace(/\/[^/]+$/, '');
    first.close();
    clock.advance(42);
    const again = makeBackend({ dataDir, context: clock.ctx });
    expect(elapsed(await call<LiveState>(again, 'live.get', { meetingId })).opening).toBe(42);
  });

  it('refuses unknown sections, ending a meeting never started, and bad payloads', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    expect(await codeOf(backend, 'live.end', { meetingId })).toBe('invalid_transition');
    expect(await codeOf(backend, 'live.goto', { meetingId, sectionKey: 'nowhere' })).toBe('not_found');
    expect(await codeOf(backend, 'live.toggleTimer', { meetingId, sectionKey: 'nowhere' })).toBe('not_found');
    expect(await codeOf(backend, 'live.goto', { meetingId })).toBe('bad_request');
    expect(await codeOf(backend, 'live.start', { meetingId: 'missing' })).toBe('not_found');
    const s = await call<LiveState>(backend, 'live.get', { meetingId });
    expect(s.startedAt).toBeNull();
    // goto on a meeting not yet started starts it.
    const g = await call<LiveState>(backend, 'live.goto', { meetingId, sectionKey: 'closing' });
    expect(g).toMatchObject({ currentSection: 'closing', runningSection: 'closing' });
    expect(g.startedAt).not.toBeNull();
  });
});
