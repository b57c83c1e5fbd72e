export { meetingMetaLines } from '../../../shared/format/meeting-lines';

/** Heading text of an agenda item: "3.1 Adoption of the rules of procedure". */
export function itemHeading(number: string, title: string): string {
  return number ? `${number}${number.includes('.') ? '' : '.'} ${title}` : title;
}

/** Heading level for an agenda number: 1 for "3", 2 for "3.1"; `below` moves them down (items under an "Agenda" heading). */
export function itemLevel(number: string, below = 0): 'Heading1' | 'Heading2' | 'Heading3' | 'Heading4' {
  const level = (number.includes('.') ? 2 : 1) + Math.max(0, Math.min(2, below));
  return `Heading${level}` as 'Heading1' | 'Heading2' | 'Heading3' | 'Heading4';
}
