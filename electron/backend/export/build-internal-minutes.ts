import { Paragraph, type FileChild } from 'docx';
import { longDate, meetingDate } from './dates';
import { renderSection } from './lexical-render';
import { itemHeading, itemLevel, meetingMetaLines } from './meeting-meta';
import { textRuns } from './sanitise';
import { orderedSections } from './sections-order';
import { instantOfDate, packHouseDocument, titleBlock } from './style';
import { humanise, simpleTable } from './tables';
import type { ExportData } from './types';

/**
 * The internal minutes: everything, flagged passages included (shaded and labelled), with "CONFIDENTIAL — NOT FOR
 * PUBLICATION" in the header of every page. Never published; the public summary is built elsewhere, from redact().
 */
export function buildInternalMinutes(data: ExportData): Promise<Uint8Array> {
  const { meeting, body } = data;
  const flags = new Map(data.flags.map((f) => [f.id, f]));
  let listInstance = 0;
  const ctx = { flags, nextListInstance: () => ++listInstance };
  const withheld = new Set(data.withheldItemIds);
  const itemLabel = new Map<string, string>([['opening', 'Opening'], ['closing', 'Closing']]);
  for (const a of data.agenda) itemLabel.set(a.id, a.number);

  const children: FileChild[] = [...titleBlock(meeting.title, 'Minutes (internal)', meetingMetaLines(meeting, body.chair))];
  const active = data.flags.filter((f) => f.retiredAt === null).length;
  children.push(
    new Paragraph({
      style: 'Meta',
      children: textRuns(
        `This is the full internal record. ${active} passage${active === 1 ? ' is' : 's are'} flagged as confidential: each is shaded and marked “[Flagged: reason] … [end of flag]”.`,
      ),
    }),
  );

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Attendance') }));
  if (data.attendance.length === 0) children.push(new Paragraph({ children: textRuns('No attendance was recorded.') }));
  else
    children.push(
      simpleTable(
        ['Name', 'Organisation', 'Category', 'Status'],
        [...data.attendance]
          .sort((a, b) => a.organisation.localeCompare(b.organisation, 'en') || a.name.localeCompare(b.name, 'en'))
          .map((p) => [p.name, p.organisation, humanise(p.category), humanise(p.status)]),
        [3, 3, 2, 2],
      ),
    );

  for (const s of orderedSections(data.agenda, Object.keys(data.sections))) {
    children.push(new Paragraph({ style: s.item ? itemLevel(s.number) : 'Heading1', children: textRuns(itemHeading(s.number, s.title)) }));
    if (withheld.has(s.key)) children.push(new Paragraph({ style: 'Meta', children: textRuns('Withheld from publication: not in the public summary.') }));
    const doc = data.sections[s.key];
    if (doc) children.push(...renderSection(doc, ctx));
    else children.push(new Paragraph({ style: 'Meta', children: textRuns('No minutes were taken for this item.') }));
  }

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Decisions') }));
  if (data.decisions.length === 0) children.push(new Paragraph({ children: textRuns('No decisions were recorded.') }));
  else
    children.push(
      simpleTable(
        ['Item', 'Decision', 'Outcome'],
        data.decisions.map((d) => [itemLabel.get(d.sectionKey) ?? '', d.text, humanise(d.outcome)]),
        [1, 6, 2],
      ),
    );

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Action items') }));
  if (data.actions.length === 0) children.push(new Paragraph({ children: textRuns('No action items were recorded.') }));
  else
    children.push(
      simpleTable(
        ['Item', 'Action', 'Owner', 'Due', 'Status'],
        data.actions.map((a) => [itemLabel.get(a.sectionKey) ?? '', a.text, a.owner, a.dueDate ? longDate(a.dueDate) : '', humanise(a.status)]),
        [1, 5, 2.2, 2, 1.6],
      ),
    );

  return packHouseDocument({
    bodyName: body.name,
    title: `${meeting.title} – internal minutes`,
    confidential: true,
    children,
    fixedInstant: instantOfDate(meetingDate(meeting.startsAt)),
  });
}
