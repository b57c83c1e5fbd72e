import type { AttendanceEvent, AttendanceStatus, ParticipantCategory } from '../domain/attendance';

/**
 * Who was in the room at a given instant, from the check-in record: a status (attending in person or remotely, or
 * not) and timed arrivals and departures in the order recorded.
 *
 * At instant `at`: the last event at or before it decides (arrived → present, left → not). With no event yet at that
 * instant, someone whose first arrival or departure is an arrival had not arrived; someone whose first event is a departure was there
 * from the start; someone with no events at all was there throughout.
 */
export function presentAt(status: AttendanceStatus, events: readonly AttendanceEvent[], at: string): boolean {
  if (status !== 'in_person' && status !== 'remote') return false;
  // Only arrivals and departures move someone in or out; status changes are recorded beside them (as isPresent does).
  const moves = events.filter((e) => e.kind === 'arrive' || e.kind === 'leave');
  let last: AttendanceEvent | undefined;
  for (const e of moves) if (e.at <= at) last = e;
  if (last) return last.kind === 'arrive';
  const first = moves[0];
  return first === undefined || first.kind === 'leave';
}

export interface AttendanceEntry {
  category: ParticipantCategory;
  organisationId: string | null;
  status: AttendanceStatus;
  events: readonly AttendanceEvent[];
}

/**
 * The member organisations present at `at`: one entry per organisation with at least one of its representatives
 * present, however many came. Only organisations in `memberIds` count (the AI Office chairs; observers do not vote).
 */
export function organisationsPresentAt(attendance: readonly AttendanceEntry[], memberIds: ReadonlySet<string>, at: string): Set<string> {
  const out = new Set<string>();
  for (const p of attendance) {
    if (p.category !== 'representative' || p.organisationId === null || !memberIds.has(p.organisationId)) continue;
    if (presentAt(p.status, p.events, at)) out.add(p.organisationId);
  }
  return out;
}
