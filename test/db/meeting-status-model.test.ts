import { describe, expect, it } from 'vitest';
import { meetingStatusFollowing } from '../../shared/domain/meeting';
import { call, makeBackend } from '../helpers/temp';

describe('one status model (pure)', () => {
  const draft = (version = 1) => ({ status: 'draft' as const, version });
  it('the minutes decide where the two overlap', () => {
    expect(meetingStatusFollowing('planned', { started: true, minutes: draft() })).toBe('held');
    expect(meetingStatusFollowing('held', { started: true, minutes: { status: 'approved', version: 1 } })).toBe('minutes_approved');
    expect(meetingStatusFollowing('summary_published', { started: true, minutes: draft(2) })).toBe('minutes_drafted');
    expect(meetingStatusFollowing('held', { started: true, minutes: { status: 'circulated', version: 1 } })).toBe('minutes_drafted');
    expect(meetingStatusFollowing('summary_published', { started: true, minutes: { status: 'approved', version: 1 } })).toBe('summary_published');
    expect(meetingStatusFollowing('agenda_circulated', { started: false, minutes: null })).toBe('agenda_circulated');
  });
});

describe('one status model (backend)', () => {
  it('follows the minutes, refuses a contradiction, and steps back only with a reason', async () => {
    const b = makeBackend();
    const meetingId = (await call<{ meeting: { id: string } }>(b, 'example.load', {})).meeting.id;
    const status = async () => (await call<{ meeting: { status: string } }>(b, 'meetings.get', { id: meetingId })).meeting.status;
    expect(await status()).toBe('planned');
    await call(b, 'live.start', { meetingId });
    expect(await status()).toBe('held');
    await call(b, 'minutes.setStatus', { meetingId, status: 'circulated' });
    expect(await status()).toBe('minutes_drafted');
    const refused = await b.dispatch('meetings.setStatus', { id: meetingId, status: 'minutes_approved' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/minutes are not approved/);
    await call(b, 'minutes.setStatus', { meetingId, status: 'approved' });
    expect(await status()).toBe('minutes_approved');
    await call(b, 'meetings.setStatus', { id: meetingId, status: 'summary_published' });
    // A step back needs a reason, and is one step.
    const noReason = await b.dispatch('meetings.setStatus', { id: meetingId, status: 'minutes_approved' });
    expect(!noReason.ok && noReason.error.code).toBe('bad_request');
    await call(b, 'meetings.setStatus', { id: meetingId, status: 'minutes_approved', reason: 'The summary was published too early' });
    expect(await status()).toBe('minutes_approved');
    const backTooFar = await b.dispatch('meetings.setStatus', { id: meetingId, status: 'minutes_drafted', reason: 'x' });
    expect(!backTooFar.ok && backTooFar.error.message).toMatch(/minutes are approved/);
    await call(b, 'meetings.setStatus', { id: meetingId, status: 'summary_published' });
    // Reopening the minutes takes the meeting back to "minutes drafted"; the meetings list says the same.
    await call(b, 'minutes.reopen', { meetingId, reason: 'A correction' });
    expect(await status()).toBe('minutes_drafted');
    const list = await call<Array<{ id: string; status: string }>>(b, 'meetings.list', {});
    expect(list.find((m) => m.id === meetingId)!.status).toBe('minutes_drafted');
  });
});

describe('one status model (a file from before it)', () => {
  it('shows the true status even where the stored one contradicts the minutes', async () => {
    const b = makeBackend();
    const meetingId = (await call<{ meeting: { id: string } }>(b, 'example.load', {})).meeting.id;
    await call(b, 'live.start', { meetingId });
    b.db.prepare(`UPDATE meetings SET status = 'summary_published' WHERE id = ?`).run(meetingId); // as an old file might hold
    expect((await call<{ meeting: { status: string } }>(b, 'meetings.get', { id: meetingId })).meeting.status).toBe('minutes_drafted');
    const list = await call<Array<{ id: string; status: string }>>(b, 'meetings.list', {});
    expect(list.find((m) => m.id === meetingId)!.status).toBe('minutes_drafted');
  });
});
