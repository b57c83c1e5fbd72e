import { CONVENED_BY_LABEL, MEETING_FORMAT_LABEL, MEETING_KIND_LABEL, type Meeting } from '../../../shared/domain/meeting';
import { clockTime, longDate, meetingDate } from './dates';

/** The lines under a document's title: date and time, place and format, who convened it. */
export function meetingMetaLines(m: Meeting, chair: string): string[] {
  const lines = [`${longDate(meetingDate(m.startsAt))}, ${clockTime(m.startsAt)}–${clockTime(m.endsAt)} (${m.timeZone})`];
  const where = [m.location, MEETING_FORMAT_LABEL[m.format]].filter(Boolean).join(' · ');
  lines.push(`Place and format: ${where}`);
  const kind = m.kind === 'ad_hoc_group' && m.groupName ? `${MEETING_KIND_LABEL[m.kind]}: ${m.groupName}` : MEETING_KIND_LABEL[m.kind];
  lines.push(`${kind} · ${CONVENED_BY_LABEL[m.convenedBy]}${chair ? ` · Chair: ${chair}` : ''}`);
  return lines;
}

/** Heading text of an agenda item: "3.1 Adoption of the rules of procedure". */
export function itemHeading(number: string, title: string): string {
  return number ? `${number}${number.includes('.') ? '' : '.'} ${title}` : title;
}

/** Heading level for an agenda number: 1 for "3", 2 for "3.1". */
export function itemLevel(number: string): 'Heading1' | 'Heading2' {
  return number.includes('.') ? 'Heading2' : 'Heading1';
}
