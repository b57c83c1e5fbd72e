import { Paragraph, type FileChild } from 'docx';
import type { PublicMember, PublicRegisterEntry } from '../../../shared/register/public-models';
import { longDate } from '../../../shared/format/zoned';
import { textRuns } from './sanitise';
import { instantOfDate, packHouseDocument, titleBlock } from './style';
import { simpleTable } from './tables';

/**
 * The two public lists of the register, in the house style, built from the public models only
 * (shared/register/public-models.ts): the register of meetings held, and the member organisations (the Vademecum's
 * annex). `asOf` (yyyy-mm-dd) is the date written on the document and into its properties.
 */
export function buildPublicRegister(bodyName: string, entries: readonly PublicRegisterEntry[], asOf: string): Promise<Uint8Array> {
  const children: FileChild[] = [...titleBlock('Register of meetings', bodyName, [`As of ${longDate(asOf)}`, `${entries.length} meeting${entries.length === 1 ? '' : 's'} held`])];
  children.push(
    entries.length
      ? simpleTable(
          ['Date', 'Kind', 'Group', 'Title', 'Summary published on'],
          entries.map((e) => [longDate(e.date), e.kind, e.group || '—', e.title, e.summaryPublishedOn ? longDate(e.summaryPublishedOn) : 'Not yet']),
          [2.2, 2, 2, 4.2, 2.4],
        )
      : new Paragraph({ children: textRuns('No meeting has been held yet.') }),
  );
  return packHouseDocument({ bodyName, title: 'Register of meetings', confidential: false, children, fixedInstant: instantOfDate(asOf) });
}

export function buildMemberList(bodyName: string, members: readonly PublicMember[], asOf: string): Promise<Uint8Array> {
  const children: FileChild[] = [
    ...titleBlock('List of member organisations', bodyName, [`As of ${longDate(asOf)}`, `${members.length} member organisation${members.length === 1 ? '' : 's'}`]),
  ];
  const rows = members.flatMap((m) => {
    const name = m.shortName ? `${m.name} (${m.shortName})` : m.name;
    if (m.representatives.length === 0) return [[name, '—', '']];
    return m.representatives.map((r, i) => [i === 0 ? name : '', r.name, r.role]);
  });
  children.push(rows.length ? simpleTable(['Organisation', 'Representative', 'Role'], rows, [4, 3.5, 3]) : new Paragraph({ children: textRuns('No member organisations.') }));
  return packHouseDocument({ bodyName, title: 'List of member organisations', confidential: false, children, fixedInstant: instantOfDate(asOf) });
}
