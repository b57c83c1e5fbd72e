import { Paragraph, type FileChild } from 'docx';
import { AGENDA_ITEM_KIND_LABEL } from '../../../shared/domain/agenda';
import { plannedStartTimes } from './agenda-times';
import { meetingLocalInZone } from '../../../shared/format/zoned';
import { documentFrame } from './frame';
import { itemHeading, itemLevel } from './meeting-meta';
import { textRuns } from './sanitise';
import type { ExportData } from './types';
import { withheldItems } from '../../../shared/redaction/publication';
import { WITHHELD_NOTE } from '../../../shared/redaction/plain-text';

/** The heading of an item not for publication on the agenda of a meeting that leaves such items out ('omit'). */
export const AGENDA_OMITTED_TITLE = 'Item not for publication';

/**
 * The convening notice and agenda: the meeting, then each numbered item with kind, presenter and planned time. The
 * items are headings below "Agenda" (2 for "3", 3 for "3.1"), so a navigation pane shows them nested under it.
 *
 * The agenda is circulated to every member organisation and may be published: an item not for publication (withheld,
 * by the one rule of shared/redaction/publication.ts: its sub-items too, and an item whose parent is unknown) keeps its
 * number and planned time, so the timetable stays right, and nothing of what was typed for it but what the meeting's
 * display of withheld items publishes: its title marked "Not published." ('title_only'), or not even that ('omit').
 * Never its description, presenter or documents.
 */
export function buildAgenda(data: ExportData): Promise<Uint8Array> {
  const { meeting, agenda } = data;
  const frame = documentFrame(data, 'agenda', 'Convening notice and draft agenda', { internal: false, fromMinutes: false });
  const start = meetingLocalInZone(meeting.startsAt, meeting.timeZone, frame.conventions.timeZone);
  const starts = plannedStartTimes(`${start.isoDate}T${start.time}`, agenda);
  const children: FileChild[] = [
    ...frame.head,
    new Paragraph({
      children: textRuns(`The members of the ${frame.conventions.bodyName} are invited to the meeting above. The draft agenda follows; planned times are indicative.`),
    }),
    new Paragraph({ heading: 'Heading1', children: textRuns('Agenda') }),
  ];
  const withheld = withheldItems(agenda, data.withheldItemIds);
  for (const item of agenda) {
    if (withheld.has(item.id)) {
      const title = meeting.withheldDisplay === 'omit' ? AGENDA_OMITTED_TITLE : item.title;
      children.push(new Paragraph({ style: itemLevel(item.number, 1), children: textRuns(itemHeading(item.number, title)) }));
      const when = [starts.get(item.id) ?? '', item.plannedMinutes > 0 ? `${item.plannedMinutes} min` : '', WITHHELD_NOTE].filter(Boolean);
      children.push(new Paragraph({ style: 'Meta', children: textRuns(when.join(' · ')) }));
      continue;
    }
    children.push(new Paragraph({ style: itemLevel(item.number, 1), children: textRuns(itemHeading(item.number, item.title)) }));
    const meta = [
      starts.get(item.id) ?? '',
      item.plannedMinutes > 0 ? `${item.plannedMinutes} min` : '',
      AGENDA_ITEM_KIND_LABEL[item.kind],
      item.presenter ? `Presenter: ${item.presenter}` : '',
    ].filter(Boolean);
    const extra = Boolean(item.description) || item.documents.length > 0;
    children.push(new Paragraph({ style: 'Meta', keepNext: extra, children: textRuns(meta.join(' · ')) }));
    if (item.description) children.push(new Paragraph({ children: textRuns(item.description) }));
    for (const d of item.documents)
      children.push(new Paragraph({ style: 'Meta', children: textRuns(`Document: ${d.title}${d.reference ? ` (${d.reference})` : ''}`) }));
  }
  return frame.pack(children);
}
