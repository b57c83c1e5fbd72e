import { Paragraph } from 'docx';
import { AGENDA_ITEM_KIND_LABEL } from '../../../shared/domain/agenda';
import { plannedStartTimes } from './agenda-times';
import { meetingDate } from './dates';
import { itemHeading, itemLevel, meetingMetaLines } from './meeting-meta';
import { textRuns } from './sanitise';
import { instantOfDate, packHouseDocument, titleBlock } from './style';
import type { ExportData } from './types';

/** The convening notice and agenda: the meeting, then each numbered item with kind, presenter and planned time. */
export function buildAgenda(data: ExportData): Promise<Uint8Array> {
  const { meeting, agenda, body } = data;
  const starts = plannedStartTimes(meeting.startsAt, agenda);
  const children = [
    ...titleBlock(meeting.title, 'Convening notice and draft agenda', meetingMetaLines(meeting, body.chair)),
    new Paragraph({
      children: textRuns(`The members of the ${body.name} are invited to the meeting above. The draft agenda follows; planned times are indicative.`),
    }),
    new Paragraph({ heading: 'Heading1', children: textRuns('Agenda') }),
  ];
  for (const item of agenda) {
    children.push(new Paragraph({ style: itemLevel(item.number), children: textRuns(itemHeading(item.number, item.title)) }));
    const meta = [
      starts.get(item.id) ?? '',
      item.plannedMinutes > 0 ? `${item.plannedMinutes} min` : '',
      AGENDA_ITEM_KIND_LABEL[item.kind],
      item.presenter ? `Presenter: ${item.presenter}` : '',
    ].filter(Boolean);
    children.push(new Paragraph({ style: 'Meta', children: textRuns(meta.join(' · ')) }));
    if (item.description) children.push(new Paragraph({ children: textRuns(item.description) }));
    for (const d of item.documents)
      children.push(new Paragraph({ style: 'Meta', children: textRuns(`Document: ${d.title}${d.reference ? ` (${d.reference})` : ''}`) }));
  }
  return packHouseDocument({
    bodyName: body.name,
    title: `${meeting.title} – agenda`,
    confidential: false,
    children,
    fixedInstant: instantOfDate(meetingDate(meeting.startsAt)),
  });
}
