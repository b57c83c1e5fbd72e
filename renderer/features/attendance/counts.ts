import type { Participant } from '../../../shared/domain/attendance';

/**
 * Who is in the room (or on the call) right now. A departure counts: someone who left is no longer present.
 * Member organisations' representatives are counted apart from observers, external experts and AI Office staff.
 */
export interface LiveCounts {
  /** Representatives of member organisations present now. */
  membersPresent: number;
  /** Member organisations with at least one representative present now. */
  organisationsPresent: number;
  inPerson: number;
  remote: number;
  /** Observers, external experts and AI Office staff present now. */
  othersPresent: number;
  /** People who attended and have left. */
  left: number;
  excused: number;
}

export function liveCounts(participants: readonly Participant[]): LiveCounts {
  const c: LiveCounts = { membersPresent: 0, organisationsPresent: 0, inPerson: 0, remote: 0, othersPresent: 0, left: 0, excused: 0 };
  const orgs = new Set<string>();
  for (const p of participants) {
    if (p.status === 'excused') c.excused++;
    const attending = p.status === 'in_person' || p.status === 'remote';
    if (attending && !p.present) c.left++;
    if (!p.present) continue;
    if (p.status === 'in_person') c.inPerson++;
    else c.remote++;
    if (p.category === 'representative') {
      c.membersPresent++;
      orgs.add(p.organisationId ?? `name:${p.organisation.toLowerCase()}`);
    } else c.othersPresent++;
  }
  c.organisationsPresent = orgs.size;
  return c;
}

const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;

/** "3 members present from 2 organisations · 2 in person · 1 remote · 1 observer or expert · 1 left · 0 excused" */
export function countsText(c: LiveCounts): string {
  return [
    `${n(c.membersPresent, 'member', 'members')} present from ${n(c.organisationsPresent, 'organisation', 'organisations')}`,
    `${c.inPerson} in person`,
    `${c.remote} remote`,
    `${n(c.othersPresent, 'observer, expert or staff', 'observers, experts or staff')} present`,
    `${c.left} left`,
    `${c.excused} excused`,
  ].join(' · ');
}
