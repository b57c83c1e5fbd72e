import { describe, expect, it } from 'vitest';
import type { Organisation, Representative } from '../../shared/domain/members';
import { summarise, type Attendance, type Participant } from '../../shared/domain/attendance';
import { call } from '../helpers/temp';
import { codeOf, meetingWithAgenda } from './minutes-fixture';

async function withMembers() {
  const f = await meetingWithAgenda();
  const org = async (name: string) => call<Organisation>(f.backend, 'organisations.create', { name });
  const rep = async (organisationId: string, name: string) => call<Representative>(f.backend, 'representatives.create', { organisationId, name });
  const alpha = await org('Alpha AI');
  const beta = await org('Beta Labs');
  const reps = { ada: await rep(alpha.id, 'Ada'), bo: await rep(alpha.id, 'Bo'), cy: await rep(beta.id, 'Cy') };
  return { ...f, alpha, beta, reps };
}

describe('attendance through the dispatcher', () => {
  it('records representatives and free-text people, statuses, timed arrivals and departures, and a summary', async () => {
    const { backend, meetingId, alpha, reps } = await withMembers();
    const ada = await call<Participant>(backend, 'attendance.set', { meetingId, representativeId: reps.ada.id, status: 'in_person' });
    expect(ada).toMatchObject({ category: 'representative', name: 'Ada', organisation: 'Alpha AI', organisationId: alpha.id, status: 'in_person', present: true });
    await call(backend, 'attendance.set', { meetingId, representativeId: reps.bo.id, status: 'remote' });
    await call(backend, 'attendance.set', { meetingId, representativeId: reps.cy.id, status: 'excused' });
    // Setting again updates the same row, never a duplicate.
    const again = await call<Participant>(backend, 'attendance.set', { meetingId, representativeId: reps.ada.id, status: 'in_person' });
    expect(again.id).toBe(ada.id);

    const obs = await call<Participant>(backend, 'attendance.addPerson', { meetingId, category: 'observer', name: 'Dana', organisation: 'Civil society' });
    expect(obs).toMatchObject({ category: 'observer', representativeId: null, status: 'in_person' });
    const fixed = await call<Participant>(backend, 'attendance.updatePerson', { participantId: obs.id, name: 'Dana K.', category: 'external_expert' });
    expect(fixed).toMatchObject({ name: 'Dana K.', category: 'external_expert', organisation: 'Civil society' });

    const left = await call<Participant>(backend, 'attendance.leave', { meetingId, participantId: ada.id });
    expect(left.present).toBe(false);
    expect(left.events.map((e) => e.kind)).toEqual(['status', 'arrive', 'leave']); // set in person: timed, an arrival
    const back = await call<Participant>(backend, 'attendance.arrive', { meetingId, participantId: ada.id });
    expect(back.present).toBe(true);
    expect(back.events.at(-1)!.at > back.events.at(-2)!.at).toBe(true);
    const cy = await call<Participant>(backend, 'attendance.arrive', { meetingId, representativeId: reps.cy.id, mode: 'remote' }); // excused, then joined
    expect(cy).toMatchObject({ status: 'remote', present: true });

    const list = await call<Attendance>(backend, 'attendance.list', { meetingId });
    expect(list.participants.map((p) => p.name)).toEqual(['Ada', 'Bo', 'Cy', 'Dana K.']);
    expect(list.summary.counts).toEqual({ in_person: 2, remote: 2, excused: 0, absent: 0 });
    expect(list.summary.organisationsRepresented).toEqual([
      { organisationId: alpha.id, name: 'Alpha AI', inPerson: 1, remote: 1 },
      { organisationId: cy.organisationId, name: 'Beta Labs', inPerson: 0, remote: 1 },
    ]);

    await call(backend, 'attendance.remove', { participantId: obs.id });
    expect((await call<Attendance>(backend, 'attendance.list', { meetingId })).participants).toHaveLength(3);
  });

  it('keeps a participant whose representative was later removed from the members list', async () => {
    const { backend, meetingId, reps } = await withMembers();
    await call(backend, 'attendance.set', { meetingId, representativeId: reps.cy.id, status: 'in_person' });
    await call(backend, 'representatives.delete', { id: reps.cy.id });
    const list = await call<Attendance>(backend, 'attendance.list', { meetingId });
    expect(list.participants[0]).toMatchObject({ name: 'Cy', organisation: 'Beta Labs', representativeId: null, status: 'in_person' });
  });

  it('refuses bad targets and payloads, changing nothing', async () => {
    const { backend, meetingId, reps } = await withMembers();
    const other = await meetingWithAgenda(backend);
    const p = await call<Participant>(backend, 'attendance.set', { meetingId, representativeId: reps.ada.id, status: 'in_person' });
    expect(await codeOf(backend, 'attendance.set', { meetingId, status: 'in_person' })).toBe('bad_request');
    expect(await codeOf(backend, 'attendance.set', { meetingId, representativeId: reps.ada.id, participantId: p.id, status: 'in_person' })).toBe('bad_request');
    expect(await codeOf(backend, 'attendance.set', { meetingId, representativeId: reps.ada.id, status: 'sleeping' })).toBe('bad_request');
    expect(await codeOf(backend, 'attendance.set', { meetingId, representativeId: 'nobody', status: 'in_person' })).toBe('not_found');
    expect(await codeOf(backend, 'attendance.set', { meetingId: other.meetingId, participantId: p.id, status: 'absent' })).toBe('not_found');
    expect(await codeOf(backend, 'attendance.addPerson', { meetingId, category: 'representative', name: 'X' })).toBe('bad_request');
    expect(await codeOf(backend, 'attendance.addPerson', { meetingId, category: 'observer', name: '   ' })).toBe('bad_request');
    expect(await codeOf(backend, 'attendance.updatePerson', { participantId: p.id, name: 'Renamed' })).toBe('bad_request');
    await call(backend, 'attendance.set', { meetingId, participantId: p.id, status: 'absent' });
    expect(await codeOf(backend, 'attendance.leave', { meetingId, participantId: p.id })).toBe('bad_request');
    const list = await call<Attendance>(backend, 'attendance.list', { meetingId });
    expect(list.participants).toHaveLength(1);
    expect(list.participants[0]).toMatchObject({ name: 'Ada', status: 'absent' });
    expect(list.participants[0]!.events.map((e) => e.status ?? e.kind)).toEqual(['in_person', 'arrive', 'absent']);
  });
});

describe('summarise', () => {
  it('counts only representatives attending toward organisations, merging by organisation id or name', () => {
    const s = summarise([
      { category: 'representative', organisationId: null, organisation: 'Gone Org', status: 'in_person' },
      { category: 'representative', organisationId: null, organisation: 'gone org', status: 'remote' },
      { category: 'representative', organisationId: 'o1', organisation: 'Alpha', status: 'absent' },
      { category: 'observer', organisationId: null, organisation: 'NGO', status: 'in_person' },
    ]);
    expect(s.organisationsRepresented).toEqual([{ organisationId: null, name: 'Gone Org', inPerson: 1, remote: 1 }]);
    expect(s.counts).toEqual({ in_person: 2, remote: 1, excused: 0, absent: 1 });
  });
});

describe('attendance: timed status changes and history', () => {
  it('times every status change; becoming attending from the dropdown is an arrival', async () => {
    const { backend, meetingId, reps } = await withMembers();
    await call(backend, 'attendance.set', { meetingId, representativeId: reps.ada.id, status: 'excused' });
    const ada = await call<Participant>(backend, 'attendance.set', { meetingId, representativeId: reps.ada.id, status: 'remote' });
    expect(ada.events.map((e) => [e.kind, e.status ?? ''])).toEqual([
      ['status', 'excused'],
      ['status', 'remote'],
      ['arrive', ''],
    ]);
    expect(ada.present).toBe(true);
    const same = await call<Participant>(backend, 'attendance.set', { meetingId, representativeId: reps.ada.id, status: 'remote' });
    expect(same.events).toHaveLength(3); // no change, nothing recorded
    const inRoom = await call<Participant>(backend, 'attendance.set', { meetingId, participantId: ada.id, status: 'in_person' });
    expect(inRoom.events.at(-1)).toMatchObject({ kind: 'status', status: 'in_person' });
    expect(inRoom.present).toBe(true);
  });

  it('keeps the attendance of a representative whose organisation is later removed from the members', async () => {
    const { backend, meetingId, alpha, reps } = await withMembers();
    await call(backend, 'attendance.arrive', { meetingId, representativeId: reps.ada.id });
    await call(backend, 'organisations.delete', { id: alpha.id });
    const a = await call<Attendance>(backend, 'attendance.list', { meetingId });
    expect(a.participants.map((p) => [p.name, p.organisation, p.category, p.representativeId])).toEqual([['Ada', 'Alpha AI', 'representative', null]]);
    expect(a.participants[0]!.events.map((e) => e.kind)).toEqual(['arrive']);
  });
});
