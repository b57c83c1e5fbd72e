import { Paragraph, type FileChild } from 'docx';
import { ATTENDANCE_STATUS_LABEL, PARTICIPANT_CATEGORY_LABEL, type AttendanceStatus, type ParticipantCategory } from '../../../shared/domain/attendance';
import { minutesStatusLine } from './conventions';
import { longDate, timeInZone } from './dates';
import { documentFrame } from './frame';
import { renderSection } from './lexical-render';
import { itemHeading, itemLevel } from './meeting-meta';
import { textRuns } from './sanitise';
import { orderedSections } from './sections-order';
import { humanise, simpleTable } from './tables';
import { withZonedTimestamps } from '../../../shared/format/timestamps';
import type { AttendanceEntry, ExportData } from './types';

/**
 * The internal minutes: everything, flagged passages included (shaded and labelled), with the internal marking
 * ("Internal — not for publication" unless the body words it otherwise) under the title and in the header of every
 * page, and "DRAFT" on every page until the minutes are approved. Never published; the public summary is built
 * elsewhere, from redact().
 */
export function buildInternalMinutes(data: ExportData): Promise<Uint8Array> {
  const frame = documentFrame(data, 'internal_minutes', 'Minutes (internal)', { internal: true, fromMinutes: true, extraMeta: [minutesStatusLine(data.minutes)] });
  const zone = frame.conventions.timeZone;
  const flags = new Map(data.flags.map((f) => [f.id, f]));
  let listInstance = 0;
  const ctx = { flags, nextListInstance: () => ++listInstance };
  const withheld = new Set(data.withheldItemIds);
  const itemLabel = new Map<string, string>([['opening', 'Opening'], ['closing', 'Closing']]);
  for (const a of data.agenda) itemLabel.set(a.id, a.number);

  const children: FileChild[] = [...frame.head];
  const active = data.flags.filter((f) => f.retiredAt === null).length;
  children.push(
    new Paragraph({
      style: 'Meta',
      children: textRuns(
        active === 0
          ? 'This is the full internal record. No passage is flagged as confidential.'
          : `This is the full internal record. ${active === 1 ? 'One passage is' : `${active} passages are`} flagged as confidential: ${active === 1 ? 'it is' : 'each is'} shaded and marked “[Flagged: reason] … [end of flag]”.`,
      ),
    }),
  );

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Attendance') }));
  if (data.attendance.length === 0) children.push(new Paragraph({ children: textRuns('No attendance was recorded.') }));
  else
    children.push(
      simpleTable(
        ['Name', 'Organisation', 'Category', 'Attendance', 'Arrived / left'],
        [...data.attendance].sort(attendanceOrder).map((p) => [p.name, p.organisation || '—', categoryLabel(p.category), statusLabel(p.statusCode ?? p.status), movements(p, zone)]),
        [2.4, 2.3, 1.9, 1.7, 1.7],
      ),
    );

  for (const s of orderedSections(data.agenda, Object.keys(data.sections))) {
    children.push(new Paragraph({ style: s.item ? itemLevel(s.number) : 'Heading1', children: textRuns(itemHeading(s.number, s.title)) }));
    if (withheld.has(s.key)) children.push(new Paragraph({ style: 'Meta', children: textRuns('Withheld from publication: not in the public summary.') }));
    const doc = data.sections[s.key];
    if (doc) children.push(...renderSection(withZonedTimestamps(doc, zone), ctx));
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

  return frame.pack(children);
}

const CATEGORY_ORDER = ['representative', 'observer', 'external_expert', 'ai_office_staff'];
const STATUS_ORDER = ['in_person', 'remote', 'excused', 'absent'];
const rank = (order: string[], v: string) => (order.includes(v) ? order.indexOf(v) : order.length);

/** Attending first (in person, remote), then excused, then absent; within each by category, organisation, name. */
function attendanceOrder(a: AttendanceEntry, b: AttendanceEntry): number {
  const group = (x: AttendanceEntry) => Math.max(1, rank(STATUS_ORDER, x.statusCode ?? x.status));
  return (
    group(a) - group(b) ||
    rank(CATEGORY_ORDER, a.category) - rank(CATEGORY_ORDER, b.category) ||
    a.organisation.localeCompare(b.organisation, 'en') ||
    a.name.localeCompare(b.name, 'en')
  );
}

function categoryLabel(code: string): string {
  return PARTICIPANT_CATEGORY_LABEL[code as ParticipantCategory] ?? humanise(code);
}
function statusLabel(code: string): string {
  return ATTENDANCE_STATUS_LABEL[code as AttendanceStatus] ?? humanise(code);
}

/** "arrived 10:05, left 11:30, arrived 11:50" in the body's zone; '' when no time was recorded. */
export function movements(p: AttendanceEntry, timeZone: string): string {
  return (p.events ?? [])
    .map((e) => {
      const t = timeInZone(e.at, timeZone);
      return t ? `${e.kind === 'arrive' ? 'arrived' : 'left'} ${t}` : '';
    })
    .filter(Boolean)
    .join(', ');
}
