import { CONVENED_BY_LABEL, MEETING_FORMAT_LABEL, MEETING_KIND_LABEL, type Meeting } from '../../../shared/domain/meeting';
import { meetingLocalInZone } from './dates';

/**
 * The lines under a document's title: date and time (in the document's zone, the body's), place and format, who
 * convened it, the chair.
 */
export function meetingMetaLines(m: Meeting, chair: string, documentZone: string = m.timeZone): string[] {
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

/** Heading text of an agenda item: "3.1 Adoption of the rules of procedure". */
export function itemHeading(number: string, title: string): string {
  return number ? `${number}${number.includes('.') ? '' : '.'} ${title}` : title;
}

/** Heading level for an agenda number: 1 for "3", 2 for "3.1"; `below` moves them down (items under an "Agenda" heading). */
export function itemLevel(number: string, below = 0): 'Heading1' | 'Heading2' | 'Heading3' | 'Heading4' {
  const level = (number.includes('.') ? 2 : 1) + Math.max(0, Math.min(2, below));
  return `Heading${level}` as 'Heading1' | 'Heading2' | 'Heading3' | 'Heading4';
}
