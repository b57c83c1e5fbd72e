import { Paragraph, type FileChild } from 'docx';
import { AGENDA_ITEM_KIND_LABEL } from '../../../shared/domain/agenda';
import { plannedStartTimes } from './agenda-times';
import { meetingLocalInZone } from '../../../shared/format/zoned';
import { documentFrame } from './frame';
import { itemHeading, itemLevel } from './meeting-meta';
import { textRuns } from './sanitise';
import type { ExportData } from './types';
import { WITHHELD_NOTE } from '../../../shared/redaction/plain-text';
import { AGENDA_OMITTED_TITLE, printedAgenda } from './agenda-printed';

/**
 * The convening notice and agenda: the meeting, then each numbered item with kind, presenter and planned time. The
 * items are headings below "Agenda" (2 for "3", 3 for "3.1"), so a navigation pane shows them nested under it.
 *
 * What it prints of each item is `printedAgenda`'s (agenda-printed.ts): an item not for publication keeps its number
 * and planned time, so the timetable stays right, with the title it may show and "Not published.".
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
  for (const { item, withheld, title, presenter, description, documents } of printedAgenda(data)) {
    children.push(new Paragraph({ style: itemLevel(item.number, 1), children: textRuns(itemHeading(item.number, title)) }));
    if (withheld) {
      // Under the heading "Item not for publication" ('omit'), "Not published." would only say it again.
      const note = title === AGENDA_OMITTED_TITLE ? '' : WITHHELD_NOTE;
      const when = [starts.get(item.id) ?? '', item.plannedMinutes > 0 ? `${item.plannedMinutes} min` : '', note].filter(Boolean);
      children.push(new Paragraph({ style: 'Meta', children: textRuns(when.join(' · ')) }));
      continue;
    }
    const meta = [
      starts.get(item.id) ?? '',
      item.plannedMinutes > 0 ? `${item.plannedMinutes} min` : '',
      AGENDA_ITEM_KIND_LABEL[item.kind],
      presenter ? `Presenter: ${presenter}` : '',
    ].filter(Boolean);
    const extra = Boolean(description) || documents.length > 0;
    children.push(new Paragraph({ style: 'Meta', keepNext: extra, children: textRuns(meta.join(' · ')) }));
    if (description) children.push(new Paragraph({ children: textRuns(description) }));
    for (const d of documents)
      children.push(new Paragraph({ style: 'Meta', children: textRuns(`Document: ${d.title}${d.reference ? ` (${d.reference})` : ''}`) }));
  }
  return frame.pack(children);
}
