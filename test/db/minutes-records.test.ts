import { describe, expect, it } from 'vitest';
import type { MinutesState } from '../../shared/contract/minutes';
import type { ActionItem, Decision } from '../../shared/domain/decisions';
import { call } from '../helpers/temp';
import { codeOf, meetingWithAgenda } from './minutes-fixture';

describe('decisions and action items through the dispatcher', () => {
  it('creates, updates, lists and deletes decisions', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const d = await call<Decision>(backend, 'decisions.create', { meetingId, sectionKey: items[0], text: '  The agenda is adopted. ' });
    expect(d).toMatchObject({ meetingId, sectionKey: items[0], text: 'The agenda is adopted.', outcome: 'adopted' });
    const d2 = await call<Decision>(backend, 'decisions.create', { meetingId, sectionKey: items[1], text: 'Postponed.', outcome: 'postponed' });
    const u = await call<Decision>(backend, 'decisions.update', { id: d.id, text: 'The agenda is adopted as amended.' });
    expect(u).toMatchObject({ text: 'The agenda is adopted as amended.', outcome: 'adopted', sectionKey: items[0] });
    expect(u.updatedAt > d.updatedAt).toBe(true);
    expect((await call<Decision[]>(backend, 'decisions.list', { meetingId })).map((x) => x.id)).toEqual([d.id, d2.id]);
    await call(backend, 'decisions.delete', { id: d2.id });
    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    expect(state.decisions).toEqual([u]);

    expect(await codeOf(backend, 'decisions.create', { meetingId, sectionKey: 'nowhere', text: 'x' })).toBe('not_found');
    expect(await codeOf(backend, 'decisions.create', { meetingId, sectionKey: 'opening', text: 'x', outcome: 'maybe' })).toBe('bad_request');
    expect(await codeOf(backend, 'decisions.update', { id: 'missing', text: 'x' })).toBe('not_found');
    expect(await codeOf(backend, 'decisions.update', { id: d.id, sectionKey: 'nowhere' })).toBe('not_found');
    expect(await codeOf(backend, 'decisions.delete', { id: d2.id })).toBe('not_found');
  });

  it('creates, updates and deletes action items; validates due dates; status may change after approval', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const a = await call<ActionItem>(backend, 'actions.create', { meetingId, sectionKey: items[1], text: 'Circulate the draft', owner: 'AI Office', dueDate: '2026-02-28' });
    expect(a).toMatchObject({ status: 'open', dueDate: '2026-02-28', owner: 'AI Office' });
    const b = await call<ActionItem>(backend, 'actions.create', { meetingId, sectionKey: 'closing', text: 'Book a room' });
    expect(b.dueDate).toBe('');
    expect(await codeOf(backend, 'actions.create', { meetingId, sectionKey: 'closing', text: 'x', dueDate: '2026-02-30' })).toBe('bad_request');
    expect(await codeOf(backend, 'actions.create', { meetingId, sectionKey: 'closing', text: 'x', dueDate: '28/02/2026' })).toBe('bad_request');
    expect(await codeOf(backend, 'actions.update', { id: a.id, status: 'pending' })).toBe('bad_request');

    const moved = await call<ActionItem>(backend, 'actions.update', { id: a.id, dueDate: '', owner: 'Chair' });
    expect(moved).toMatchObject({ dueDate: '', owner: 'Chair', text: 'Circulate the draft' });
    await call(backend, 'actions.delete', { id: b.id });
    expect((await call<ActionItem[]>(backend, 'actions.list', { meetingId })).map((x) => x.id)).toEqual([a.id]);

    await call(backend, 'minutes.setStatus', { meetingId, status: 'circulated' });
    await call(backend, 'minutes.setStatus', { meetingId, status: 'approved' });
    const done = await call<ActionItem>(backend, 'actions.update', { id: a.id, status: 'done' });
    expect(done.status).toBe('done');
    expect(await codeOf(backend, 'actions.update', { id: a.id, text: 'Rewritten' })).toBe('read_only');
    expect(await codeOf(backend, 'actions.update', { id: a.id, text: 'Circulate the draft', status: 'open' })).toBe('ok'); // unchanged text is not an edit
    expect(await codeOf(backend, 'actions.delete', { id: a.id })).toBe('read_only');
    expect(await codeOf(backend, 'decisions.update', { id: 'x', text: 'y' })).toBe('not_found');
    expect((await call<ActionItem[]>(backend, 'actions.list', { meetingId }))[0]).toMatchObject({ text: 'Circulate the draft', status: 'open' });
  });
});
