import { formatLongDate } from '../format/dates';
import { publicVoteText, type PublicVote } from '../procedure/outcome';
import { sanitiseText } from '../text/sanitise';
import { unmarkedFlags, type FlagInForce } from './flag-state';
import { blockPlainText, WITHHELD_NOTE } from './plain-text';
import type { PublicBlock, PublicDocument, PublicInline, PublicSection, PublicSummary, SummaryBlock } from './public-model';
import { redact, type RedactionInput } from './redact';

/**
 * THE function that decides what the public reads. It turns a stored meeting (or the page's current state of it)
 * into the public summary model: redact() for the minutes, then the fixed parts of the document (title, date,
 * participation, decisions, next steps), then the blockers (flags in force whose mark is gone while their text would
 * be published). The DOCX builder and the live preview render its blocks and nothing else.
 */
export interface PublicMeetingInput extends Omit<RedactionInput, 'organisations'> {
  /** Who took part: organisations are taken from those present (in person or remotely); people never are. */
  attendance: ReadonlyArray<{ organisation: string; status: string }>;
  /** Flag records in force (not lifted, text not removed), with the text they were given. */
  flagsInForce?: readonly FlagInForce[];
  /**
   * Outcomes of the votes on decisions (shared/procedure): counts and rule only, never who voted how. Each is listed
   * under Decisions for its section, in words made here from the counts; none for a withheld or unknown section.
   */
  votes?: readonly PublicVote[];
}

/** Attendance statuses that count as having taken part. */
const PRESENT = new Set(['in_person', 'remote']);

/** Organisations that took part: those of every participant present, whatever their category; sorted, once each. */
export function participatingOrganisations(attendance: PublicMeetingInput['attendance']): string[] {
  const names = attendance.filter((a) => PRESENT.has(a.status)).map((a) => a.organisation.trim()).filter((n) => n !== '');
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en'));
}

export function publicSummary(input: PublicMeetingInput): PublicSummary {
  const doc = redact({ ...input, organisations: participatingOrganisations(input.attendance) });
  const summary = layoutPublicSummary(doc, input.votes ?? []);
  summary.blockers = unmarkedFlags(input.sections, input.flagsInForce ?? [], doc);
  return summary;
}

/** Heading text of an agenda item: "3.1 Adoption of the rules of procedure"; "Opening" for the fixed sections. */
export function itemHeading(number: string, title: string): string {
  return number ? `${number}${number.includes('.') ? '' : '.'} ${title}` : title;
}

export const EMPTY_SECTION_NOTE = 'No summary for this item.';

const text = (t: string, f: Partial<Record<'bold' | 'italic', boolean>> = {}): PublicInline => ({ kind: 'text', text: sanitiseText(t), ...f });

/** Lays out a redacted document as the blocks of the public summary. Pure; the order is the document's. */
export function layoutPublicSummary(doc: PublicDocument, votes: readonly PublicVote[] = []): PublicSummary {
  const blocks: SummaryBlock[] = [
    { kind: 'title', text: sanitiseText(doc.meetingTitle) },
    { kind: 'subtitle', text: 'Public summary' },
    { kind: 'meta', text: formatLongDate(doc.date) },
    { kind: 'heading', level: 1, inlines: [text('Participation')] },
  ];
  let lists = 0;
  if (doc.organisations.length === 0) blocks.push({ kind: 'paragraph', inlines: [text('No participating organisations were recorded.')] });
  else {
    blocks.push({ kind: 'paragraph', inlines: [text('Representatives of the following organisations took part in the meeting:')] });
    const list = lists++;
    for (const org of doc.organisations) blocks.push({ kind: 'listItem', ordered: false, depth: 0, list, inlines: [text(org)] });
  }

  const decisions: Array<{ section: PublicSection; inlines: PublicInline[] }> = [];
  const actions: Array<{ section: PublicSection; inlines: PublicInline[] }> = [];
  for (const section of doc.sections) {
    blocks.push({ kind: 'heading', level: section.number.includes('.') ? 2 : 1, inlines: [text(itemHeading(section.number, section.title))] });
    if (section.withheld) {
      blocks.push({ kind: 'paragraph', note: true, inlines: [text(WITHHELD_NOTE, { italic: true })] });
      continue;
    }
    if (section.blocks.length === 0) blocks.push({ kind: 'paragraph', note: true, inlines: [text(EMPTY_SECTION_NOTE, { italic: true })] });
    const listNo = new Map<number, number>();
    for (const b of section.blocks) {
      const inlines = clean(b.inlines);
      switch (b.kind) {
        case 'heading':
          blocks.push({ kind: 'heading', level: Math.min(6, b.level + 2) as 3 | 4 | 5 | 6, inlines });
          break;
        case 'listItem': {
          if (!listNo.has(b.list)) listNo.set(b.list, lists++);
          blocks.push({ kind: 'listItem', ordered: b.ordered, depth: Math.min(8, b.depth), list: listNo.get(b.list)!, inlines });
          break;
        }
        case 'decision':
        case 'action':
          (b.kind === 'decision' ? decisions : actions).push({ section, inlines });
          blocks.push({ kind: 'record', record: b.kind, inlines: [text(b.kind === 'decision' ? 'Decision: ' : 'Action: ', { bold: true }), ...inlines] });
          break;
        default:
          blocks.push({ kind: b.kind, inlines });
      }
    }
    for (const v of votes) if (v.sectionKey === section.key) decisions.push({ section, inlines: [text(`Outcome of a vote: ${publicVoteText(v)}`)] });
  }

  const listOf = (title: string, entries: typeof decisions, none: string) => {
    blocks.push({ kind: 'heading', level: 1, inlines: [text(title)] });
    if (entries.length === 0) return void blocks.push({ kind: 'paragraph', inlines: [text(none)] });
    const list = lists++;
    for (const { section, inlines } of entries)
      blocks.push({ kind: 'listItem', ordered: false, depth: 0, list, inlines: [text(section.number ? `Item ${section.number}: ` : `${section.title}: `, { bold: true }), ...inlines] });
  };
  listOf('Decisions', decisions, 'No decisions were taken.');
  listOf('Next steps', actions, 'No next steps were recorded.');

  return { marker: sanitiseText(doc.marker), bodyName: sanitiseText(doc.bodyName), meetingTitle: sanitiseText(doc.meetingTitle), date: doc.date, blocks, blockers: [] };
}

/** Inlines with their text made writable (the same text the DOCX will hold). */
function clean(inlines: readonly PublicInline[]): PublicInline[] {
  return inlines.map((i) =>
    i.kind === 'text' ? { ...i, text: sanitiseText(i.text) } : i.kind === 'link' ? { ...i, url: sanitiseText(i.url).trim(), children: clean(i.children) } : i,
  );
}

/** The text of one summary block as a reader sees it: the marker for each redacted run, "\n" for breaks. */
export function summaryBlockText(b: SummaryBlock, marker: string): string {
  if (b.kind === 'title' || b.kind === 'subtitle' || b.kind === 'meta') return b.text;
  return blockPlainText({ kind: 'paragraph', inlines: b.inlines } satisfies PublicBlock, marker);
}

/** Every block's text, in order: what the preview shows and the DOCX body holds (tests compare the two). */
export function summaryText(s: PublicSummary): string[] {
  return s.blocks.map((b) => summaryBlockText(b, s.marker));
}
