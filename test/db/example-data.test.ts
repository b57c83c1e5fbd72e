import { describe, expect, it } from 'vitest';
import type { ExampleStatus } from '../../shared/contract/example';
import type { Organisation } from '../../shared/domain/members';
import { EXAMPLE_ORGANISATIONS } from '../../shared/example/constitutive-meeting';
import { call, makeBackend } from '../helpers/temp';
import { content } from './trash-fixture';

describe('example data apart', () => {
  it('marks what the example made, leaves the real roster alone, and removes the example in one step', async () => {
    const backend = makeBackend();
    const real = await call<Organisation>(backend, 'organisations.create', { name: 'Aleph Alpha GmbH', shortName: 'Aleph Alpha' });
    await call(backend, 'representatives.create', { organisationId: real.id, name: 'Real Person' });
    await call(backend, 'organisations.create', { name: 'Mistral AI' });
    const mine = await call<{ meeting: { id: string } }>(backend, 'meetings.create', { title: 'Our plenary', startsAt: '2026-04-01T10:00', endsAt: '2026-04-01T12:00' });
    const before = content(backend);

    const example = await call<{ meeting: { id: string } }>(backend, 'example.load', {});
    const status = await call<ExampleStatus>(backend, 'example.status', {});
    expect(status.meetingIds).toEqual([example.meeting.id]);
    const orgs = await call<Organisation[]>(backend, 'members.list', {});
    const exampleNames = orgs.filter((o) => status.organisationIds.includes(o.id)).map((o) => o.name);
    // Every example organisation except the one the roster already had by that exact name.
    expect(exampleNames.sort()).toEqual(EXAMPLE_ORGANISATIONS.map((o) => o.name).filter((n) => n !== 'Mistral AI').sort());
    expect(status.organisationIds).not.toContain(real.id);
    const realOnes = orgs.filter((o) => !status.organisationIds.includes(o.id)).map((o) => o.name);
    expect(realOnes.sort()).toEqual(['Aleph Alpha GmbH', 'Mistral AI']);

    expect(await call(backend, 'example.remove', { confirm: true })).toEqual({ meetings: 1, organisations: EXAMPLE_ORGANISATIONS.length - 1 });
    expect(content(backend)).toBe(before);
    expect(await call<ExampleStatus>(backend, 'example.status', {})).toEqual({ meetingIds: [], organisationIds: [] });
    expect(mine.meeting.id).toBeTruthy();
  });
});
