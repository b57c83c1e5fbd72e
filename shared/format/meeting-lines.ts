import { CONVENED_BY_LABEL, MEETING_FORMAT_LABEL, MEETING_KIND_LABEL } from '../domain/meeting-labels';
import type { Meeting } from '../domain/meeting';
import { meetingLocalInZone } from './zoned';

export type MeetingLinesInput = Pick<Meeting, 'startsAt' | 'endsAt' | 'timeZone' | 'location' | 'format' | 'kind' | 'groupName' | 'convenedBy'>;

/**
 * The lines under a document's title: date and time (in the document's zone, the body's), place and format, who
 * convened it, the chair.
 */
export function meetingMetaLines(m: MeetingLinesInput, chair: string, documentZone: string = m.timeZone): string[] {
  const start = meetingLocalInZone(m.startsAt, m.timeZone, documentZone);
  const end = meetingLocalInZone(m.endsAt, m.timeZone, documentZone);
  const endText = end.isoDate === start.isoDate ? end.time : `${end.date}, ${end.time}`;
  const lines = [`${start.date}, ${start.time}–${endText} (${documentZone})`];
  const where = [m.location, MEETING_FORMAT_LABEL[m.format]].filter(Boolean).join(' · ');
  lines.push(`Place and format: ${where}`);
  const kind = m.kind === 'ad_hoc_group' && m.groupName ? `${MEETING_KIND_LABEL[m.kind]}: ${m.groupName}` : MEETING_KIND_LABEL[m.kind];
  lines.push(`${kind} · ${CONVENED_BY_LABEL[m.convenedBy]}${chair ? ` · Chair: ${chair}` : ''}`);
  return lines;
}

