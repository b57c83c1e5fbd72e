import { apiCall, type HostProcess } from './harness';

/**
 * State for one e2e test, made through the contract (as the page would), so that every test sets up what it needs
 * and can run alone (`vitest run -t "…"`), whatever the tests before it did.
 */

/** A call through the contract that must succeed (its value), for the state a test sets up and reads back. */
export async function call<T>(host: HostProcess, name: string, input: unknown): Promise<T> {
  const r = await apiCall(host, name, input);
  if (r.status !== 200 || !r.json.ok) throw new Error(`seed: ${name} failed (${r.status}): ${JSON.stringify(r.json.error)}`);
  return r.json.value as T;
}

export const FIVE_ITEMS_OUTLINE = [
  '1 Opening',
  '2 Guidance on model documentation',
  '3 Incident reporting',
  '3.1 Reporting template',
  '4 Ad hoc group on open source',
  '5 Any other business',
];

/** A meeting with the five-item agenda (and sub-item 3.1) that the foundation test builds through the UI. */
export async function seedFiveItemMeeting(host: HostProcess, title = 'Second plenary'): Promise<string> {
  const { meeting } = await call<{ meeting: { id: string } }>(host, 'meetings.create', { title, startsAt: '2027-03-12T10:00', endsAt: '2027-03-12T12:00', location: 'Brussels' });
  const add = (t: string, kind: string, plannedMinutes: number, parentId: string | null = null) =>
    call<Array<{ id: string; title: string }>>(host, 'agenda.add', { meetingId: meeting.id, title: t, kind, plannedMinutes, parentId });
  await add('Opening', 'information', 5);
  await add('Guidance on model documentation', 'discussion', 30);
  const items = await add('Incident reporting', 'decision', 25);
  await add('Ad hoc group on open source', 'discussion', 20);
  await add('Any other business', 'aob', 10);
  await add('Reporting template', 'discussion', 10, items.find((i) => i.title === 'Incident reporting')!.id);
  return meeting.id;
}

/** A member organisation with one representative. */
export async function seedMember(host: HostProcess, name: string, shortName: string, person: { name: string; email?: string; role?: string }): Promise<string> {
  const org = await call<{ id: string }>(host, 'organisations.create', { name, shortName, isMember: true });
  await call(host, 'representatives.create', { organisationId: org.id, ...person });
  return org.id;
}
