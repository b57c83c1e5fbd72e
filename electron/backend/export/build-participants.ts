import { Paragraph, type FileChild } from 'docx';
import { meetingDate } from './dates';
import { meetingMetaLines } from './meeting-meta';
import { textRuns } from './sanitise';
import { instantOfDate, packHouseDocument, titleBlock } from './style';
import { simpleTable } from './tables';
import type { ExportData } from './types';
import type { Organisation } from '../../../shared/domain/members';

/**
 * The list of participants by organisation, as annexed to the Taskforce vademecum: member organisations first
 * (alphabetically), then the others (e.g. the AI Office), each with its representatives and their roles.
 */
export function buildParticipants(data: ExportData): Promise<Uint8Array> {
  const { meeting, body } = data;
  const byName = (a: Organisation, b: Organisation) => a.name.localeCompare(b.name, 'en');
  const members = data.organisations.filter((o) => o.isMember).sort(byName);
  const others = data.organisations.filter((o) => !o.isMember).sort(byName);
  const rows = (orgs: Organisation[]) =>
    orgs.flatMap((o) => {
      const name = o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name;
      if (o.representatives.length === 0) return [[name, '—', '']];
      return o.representatives.map((r, i) => [i === 0 ? name : '', r.name, r.role]);
    });
  const children: FileChild[] = [...titleBlock(meeting.title, 'List of participants', meetingMetaLines(meeting, body.chair))];
  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Member organisations') }));
  children.push(members.length ? (simpleTable(['Organisation', 'Representative', 'Role'], rows(members), [4, 3.5, 3])) : new Paragraph({ children: textRuns('None.') }));
  if (others.length) {
    children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Other participants') }));
    children.push(simpleTable(['Organisation', 'Representative', 'Role'], rows(others), [4, 3.5, 3]));
  }
  return packHouseDocument({
    bodyName: body.name,
    title: `${meeting.title} – list of participants`,
    confidential: false,
    children,
    fixedInstant: instantOfDate(meetingDate(meeting.startsAt)),
  });
}
