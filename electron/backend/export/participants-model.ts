import type { AttendanceEntry } from './types';

/**
 * Who took part in a meeting, as its documents list them, from the meeting's attendance only (never from the roster):
 * representatives of member organisations present in person or remotely, by organisation; then observers, external
 * experts and AI Office staff who were present; then those excused. Absent people are not listed. Representatives of
 * an organisation that is not a member are listed with the AI Office staff when the organisation is the AI Office,
 * else with the observers.
 */
export interface ListedPerson {
  name: string;
  organisation: string;
  remote: boolean;
}
export interface ParticipantGroups {
  members: Array<{ organisation: string; people: ListedPerson[] }>;
  observers: ListedPerson[];
  experts: ListedPerson[];
  aiOffice: ListedPerson[];
  excused: ListedPerson[];
  counts: { inPerson: number; remote: number; organisations: number };
}

const ATTENDING = new Set(['in_person', 'remote']);
const byName = (a: ListedPerson, b: ListedPerson) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
const isAiOffice = (organisation: string) => /\bAI Office\b/i.test(organisation);

export function participantGroups(attendance: readonly AttendanceEntry[]): ParticipantGroups {
  const members = new Map<string, ListedPerson[]>();
  const out: ParticipantGroups = { members: [], observers: [], experts: [], aiOffice: [], excused: [], counts: { inPerson: 0, remote: 0, organisations: 0 } };
  for (const a of attendance) {
    const status = a.statusCode ?? a.status;
    const person: ListedPerson = { name: a.name.trim(), organisation: a.organisation.trim(), remote: status === 'remote' };
    if (status === 'excused') {
      out.excused.push(person);
      continue;
    }
    if (!ATTENDING.has(status)) continue;
    if (person.remote) out.counts.remote += 1;
    else out.counts.inPerson += 1;
    switch (a.category) {
      case 'representative':
        if (a.member === false) (isAiOffice(person.organisation) ? out.aiOffice : out.observers).push(person);
        else {
          const key = person.organisation || '—';
          members.set(key, [...(members.get(key) ?? []), person]);
        }
        break;
      case 'observer':
        out.observers.push(person);
        break;
      case 'external_expert':
        out.experts.push(person);
        break;
      case 'ai_office_staff':
        out.aiOffice.push(person);
        break;
      default:
        out.observers.push(person);
    }
  }
  out.members = [...members.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
    .map(([organisation, people]) => ({ organisation, people: people.sort(byName) }));
  out.counts.organisations = out.members.length;
  for (const list of [out.observers, out.experts, out.aiOffice, out.excused]) list.sort(byName);
  return out;
}
