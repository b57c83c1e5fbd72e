import { Paragraph, type FileChild } from 'docx';
import { instantInZone } from '../../../shared/format/zoned';
import { documentFrame } from './frame';
import { itemHeading } from './meeting-meta';
import { textRuns } from './sanitise';
import { LIST_REF } from './style';
import { humanise, keyValueTable } from './tables';
import type { ExportData } from './types';

/**
 * The redaction record (internal): every flag, in force or lifted, with its reason, note, author, time (in the body's
 * zone), excerpt and section; and the agenda items withheld from publication. It is what a reviewer reads to see why
 * the public summary says less than the minutes. Each flag is a heading kept with its table, and the table kept
 * together, but nothing is kept with what follows a table: flags follow each other on the page.
 */
export function buildRedactionRecord(data: ExportData): Promise<Uint8Array> {
  const { meeting } = data;
  const frame = documentFrame(data, 'redaction_record', 'Redaction record (internal)', { internal: true, fromMinutes: true });
  const zone = frame.conventions.timeZone;
  const sectionName = (key: string) => {
    if (key === 'opening') return 'Opening';
    if (key === 'closing') return 'Closing';
    const item = data.agenda.find((a) => a.id === key);
    return item ? itemHeading(item.number, item.title) : 'An item no longer on the agenda';
  };
  const children: FileChild[] = [...frame.head];
  const display = meeting.withheldDisplay === 'title_only' ? 'by their title with “Not published”' : 'not at all';
  children.push(
    new Paragraph({
      children: textRuns(
        `In the public summary every flagged passage in force is replaced by “${meeting.redactionMarker}”, and withheld agenda items appear ${display}.`,
      ),
    }),
  );

  const ordered = [...data.flags].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  children.push(new Paragraph({ heading: 'Heading1', children: textRuns(`Flagged passages (${ordered.length})`) }));
  if (ordered.length === 0) children.push(new Paragraph({ children: textRuns('No passage was flagged.') }));
  ordered.forEach((f, i) => {
    const state = (f.state ?? (f.retiredAt === null ? 'In force' : 'Lifted')).toLowerCase();
    children.push(new Paragraph({ heading: 'Heading2', children: textRuns(`Flag ${i + 1} — ${humanise(f.reason)} (${state})`) }));
    const rows: Array<[string, string]> = [
      ['Section', sectionName(f.sectionKey)],
      ['Reason', humanise(f.reason)],
      ['Note', f.note || '—'],
      ['Flagged by', f.createdBy || '—'],
      ['Flagged at', instantInZone(f.createdAt, zone)],
    ];
    if (f.unmarkedSince) rows.push(['Mark missing since', `${instantInZone(f.unmarkedSince, zone)} (still in force: the public summary is refused until it is flagged again or lifted)`]);
    if (f.retiredAt !== null) rows.push([f.state === 'Text removed' ? 'Text removed at' : 'Lifted at', instantInZone(f.retiredAt, zone)]);
    if (f.retiredBy) rows.push(['Lifted by', f.retiredBy]);
    rows.push(['Excerpt', f.excerpt || '—'], ['Flag id', f.id]);
    children.push(keyValueTable(rows));
  });

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Withheld agenda items') }));
  const withheld = data.agenda.filter((a) => data.withheldItemIds.includes(a.id));
  if (withheld.length === 0) children.push(new Paragraph({ children: textRuns('No agenda item was withheld.') }));
  for (const a of withheld)
    children.push(new Paragraph({ numbering: { reference: LIST_REF.bullet, level: 0, instance: 1 }, children: textRuns(itemHeading(a.number, a.title)) }));

  return frame.pack(children);
}
