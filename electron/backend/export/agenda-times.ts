import type { AgendaItem } from '../../../shared/domain/agenda';
import { minutesToClock } from '../../../shared/format/zoned';

/**
 * Planned start time of each agenda item, from the meeting's start and the planned minutes: top-level items follow
 * each other; sub-items start with their parent and follow each other inside it. A parent lasts its own planned
 * minutes, or the sum of its sub-items when it plans none (the rule of totalPlannedMinutes).
 */
export function plannedStartTimes(startsAt: string, agenda: readonly AgendaItem[]): Map<string, string> {
  const m = /T(\d{2}):(\d{2})/.exec(startsAt);
  let clock = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  const children = new Map<string, AgendaItem[]>();
  for (const it of agenda) if (it.parentId) children.set(it.parentId, [...(children.get(it.parentId) ?? []), it]);
  const out = new Map<string, string>();
  for (const top of agenda.filter((a) => a.parentId === null)) {
    out.set(top.id, minutesToClock(clock));
    const subs = children.get(top.id) ?? [];
    let inner = clock;
    for (const sub of subs) {
      out.set(sub.id, minutesToClock(inner));
      inner += sub.plannedMinutes;
    }
    clock += top.plannedMinutes > 0 ? top.plannedMinutes : inner - clock;
  }
  return out;
}
