import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { WithheldElsewhere } from '../../../shared/redaction/public-model';
import { withheldItems } from '../../../shared/redaction/publication';
import { stringsUnder } from '../../../shared/redaction/walk';
import { withheldUnits } from '../../../shared/redaction/withheld-copies';
import { AgendaRepo } from '../repositories/agenda-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import { TrashRepo } from '../repositories/trash-repo';
import { dumpOfTrashPayload } from './carry-confidentiality';
import { trashKeptSince } from './flagged-elsewhere';

/**
 * The withheld items of a meeting removed from its agenda and kept in the trash (they can be put back), with their
 * minutes (kept under the meeting, shown on its minutes page as a removed item's) and descriptions, each named for the
 * officer. Withholding keeps an item's text out of the meeting's public
 * files wherever it is typed again (withheld-copies.ts); an audit (2026-12-07) found that removing the withheld item
 * once the export had refused its words under "Any other business" let the words print. The public summary's blockers
 * (the export and the live preview, through `exports.publicOptions`) and the agenda's check search these as they
 * search the items on the agenda. An item in the trash is withheld by the one rule (`withheldItems`), read with the
 * meeting's agenda as it is now: its parent gone, it is withheld (withhold rather than guess).
 */
export function withheldInTrash(db: Database, meetingId: string, now: Date): WithheldElsewhere[] {
  const meeting = new MeetingsRepo(db).get(meetingId);
  if (!meeting) return [];
  const onAgenda = new AgendaRepo(db).listForMeeting(meetingId);
  const omit = meeting.withheldDisplay === 'omit';
  const minutes = new MinutesRepo(db);
  const out: WithheldElsewhere[] = [];
  for (const entry of new TrashRepo(db).agendaItemEntries(trashKeptSince(now))) {
    if (entry.meetingId !== meetingId) continue;
    // An entry that cannot be read stops every public file already (unreadableTrash).
    const dump = dumpOfTrashPayload(entry.payloadJson);
    if (!dump) continue;
    const items = (dump.tables.agenda_items ?? []).flatMap((r) =>
      typeof r.id === 'string'
        ? [{ id: r.id, parentId: typeof r.parent_id === 'string' ? r.parent_id : null, forPublication: r.for_publication === 1, title: typeof r.title === 'string' ? r.title : '', description: typeof r.description === 'string' ? r.description : '' }]
        : [],
    );
    const kept = new Set(items.map((i) => i.id));
    const withheld = withheldItems([...onAgenda.filter((i) => !kept.has(i.id)), ...items]);
    const sections = new Map<string, string>();
    for (const s of dump.tables.minutes_sections ?? []) if (typeof s.section_key === 'string' && typeof s.content_json === 'string') sections.set(s.section_key, s.content_json);
    for (const item of items) {
      if (!withheld.has(item.id)) continue;
      // Its minutes stay stored under the meeting (the minutes page shows them as a removed item's); an entry made before
      // that kept them in its rows.
      const minutesJson = minutes.section(meetingId, item.id)?.contentJson ?? sections.get(item.id);
      const groups = [unitsOfJson(minutesJson), [item.description], omit ? [item.title] : []].filter((g) => g.some((u) => u.trim() !== ''));
      if (groups.length > 0) out.push({ name: `${item.title} (removed from the agenda, in the trash)`, groups });
    }
  }
  return out;
}

/**
 * A kept section's units of text (`withheldUnits`). Content the redaction cannot judge gives every text it holds, one
 * unit each: withhold rather than guess.
 */
function unitsOfJson(contentJson: string | undefined): string[] {
  if (contentJson === undefined) return [];
  let content: unknown;
  try {
    content = JSON.parse(contentJson) as unknown;
  } catch {
    return []; // the column is checked as JSON when written
  }
  try {
    return withheldUnits(content);
  } catch {
    return stringsUnder(content, 'text');
  }
}
