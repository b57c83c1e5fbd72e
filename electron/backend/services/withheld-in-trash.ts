import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { WithheldElsewhere } from '../../../shared/redaction/public-model';
import { CLOSING_KEY, OPENING_KEY, withheldItems } from '../../../shared/redaction/publication';
import { stringsUnder } from '../../../shared/redaction/walk';
import { withheldUnits } from '../../../shared/redaction/withheld-copies';
import { AgendaRepo } from '../repositories/agenda-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import { TrashRepo } from '../repositories/trash-repo';
import { dumpOfTrashPayload } from './carry-confidentiality';
import { trashKeptSince } from './flagged-elsewhere';

/** What the name of an item removed from the agenda says when nothing of it but its minutes is left. */
export const REMOVED_ITEM = 'an item removed from the agenda (its minutes kept)';

/**
 * The withheld items of a meeting removed from its agenda, each named for the officer, with their text (minutes,
 * description, presenter, documents; title where the meeting leaves withheld items out) and their links' addresses.
 * Withholding keeps an item's text out of the meeting's public files wherever it is typed again (withheld-copies.ts);
 * an audit (2026-12-07) found that removing the withheld item once the export had refused its words under "Any other
 * business", or then emptying the trash, let the words print. The public summary's blockers (the export and the live
 * preview, through `exports.publicOptions`) and the agenda's check search these as they search the items on the agenda.
 * - An item kept in the trash (it can be put back) is withheld by the one rule (`withheldItems`), read with the
 *   meeting's agenda as it is now: its parent gone, it is withheld (withhold rather than guess).
 * - The minutes of an item removed from the agenda stay stored under the meeting (the minutes page shows them as a
 *   removed item's). Where no trash entry says what the item was (emptied, or its 30 days over), they are withheld:
 *   whether they were for publication cannot be known.
 */
export function withheldInTrash(db: Database, meetingId: string, now: Date): WithheldElsewhere[] {
  const meeting = new MeetingsRepo(db).get(meetingId);
  if (!meeting) return [];
  const onAgenda = new AgendaRepo(db).listForMeeting(meetingId);
  const omit = meeting.withheldDisplay === 'omit';
  const minutes = new MinutesRepo(db);
  const out: WithheldElsewhere[] = [];
  /** Items the trash knows, withheld or not: their kept minutes are judged by it. */
  const known = new Set<string>();
  for (const entry of new TrashRepo(db).agendaItemEntries(trashKeptSince(now))) {
    if (entry.meetingId !== meetingId) continue;
    // An entry that cannot be read stops every public file already (unreadableTrash).
    const dump = dumpOfTrashPayload(entry.payloadJson);
    if (!dump) continue;
    const items = (dump.tables.agenda_items ?? []).flatMap((r) =>
      typeof r.id === 'string'
        ? [
            {
              id: r.id,
              parentId: typeof r.parent_id === 'string' ? r.parent_id : null,
              forPublication: r.for_publication === 1,
              title: typeof r.title === 'string' ? r.title : '',
              description: typeof r.description === 'string' ? r.description : '',
              presenter: typeof r.presenter === 'string' ? r.presenter : '',
              documents: documentsOf(r.documents_json),
            },
          ]
        : [],
    );
    for (const item of items) known.add(item.id);
    const kept = new Set(items.map((i) => i.id));
    const withheld = withheldItems([...onAgenda.filter((i) => !kept.has(i.id)), ...items]);
    const sections = new Map<string, string>();
    for (const s of dump.tables.minutes_sections ?? []) if (typeof s.section_key === 'string' && typeof s.content_json === 'string') sections.set(s.section_key, s.content_json);
    for (const item of items) {
      if (!withheld.has(item.id)) continue;
      // Its minutes stay stored under the meeting; an entry made before that kept them in its rows.
      const text = readSection(minutes.section(meetingId, item.id)?.contentJson ?? sections.get(item.id));
      add(out, `${item.title} (removed from the agenda, in the trash)`, text, [[item.description], omit ? [item.title] : [], [item.presenter], item.documents]);
    }
  }
  const items = new Set(onAgenda.map((i) => i.id));
  for (const { sectionKey } of minutes.sectionHeads(meetingId)) {
    if (sectionKey === OPENING_KEY || sectionKey === CLOSING_KEY || items.has(sectionKey) || known.has(sectionKey)) continue;
    add(out, REMOVED_ITEM, readSection(minutes.section(meetingId, sectionKey)?.contentJson), []);
  }
  return out;
}

function add(out: WithheldElsewhere[], name: string, minutes: { units: string[]; urls: string[] }, other: string[][]): void {
  const groups = [minutes.units, ...other].filter((g) => g.some((u) => u.trim() !== ''));
  if (groups.length > 0 || minutes.urls.length > 0) out.push({ name, groups, urls: minutes.urls });
}

/** A kept item's documents (title and reference each), read leniently: what cannot be read is left out. */
function documentsOf(json: unknown): string[] {
  try {
    const docs = typeof json === 'string' ? (JSON.parse(json) as unknown) : [];
    if (!Array.isArray(docs)) return [];
    return docs.map((d: unknown) => {
      const { title, reference } = (d ?? {}) as { title?: unknown; reference?: unknown };
      return [title, reference].filter((x): x is string => typeof x === 'string').join(' ');
    });
  } catch {
    return [];
  }
}

/**
 * A kept section's units of text (`withheldUnits`) and its links' addresses. Content the redaction cannot judge gives
 * every text it holds, one unit each: withhold rather than guess.
 */
function readSection(contentJson: string | undefined): { units: string[]; urls: string[] } {
  if (contentJson === undefined) return { units: [], urls: [] };
  let content: unknown;
  try {
    content = JSON.parse(contentJson) as unknown;
  } catch {
    return { units: [], urls: [] }; // the column is checked as JSON when written
  }
  const urls = stringsUnder(content, 'url');
  try {
    return { units: withheldUnits(content), urls };
  } catch {
    return { units: stringsUnder(content, 'text'), urls };
  }
}
