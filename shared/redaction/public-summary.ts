import { formatLongDate } from '../format/dates';
import { meetingMetaLines, type MeetingLinesInput } from '../format/meeting-lines';
import { withZonedTimestamps } from '../format/timestamps';
import { longDate } from '../format/zoned';
import { publicVoteText, type PublicVote } from '../procedure/outcome-text';
import { sanitiseText } from '../text/sanitise';
import { unmarkedFlags, type FlagInForce } from './flag-state';
import { forbiddenPassages, IMAGE_PLACEHOLDER, withoutImagePlaceholder } from './forbidden';
import { decodeLoosely, hitText, normaliseForMatch, PassageMatcher, writtenAsFlagged, type Passage } from './match-text';
import { foldAsCheck } from '../text/look-alikes';
import { blockPlainText, tablePlainText, WITHHELD_NOTE } from './plain-text';
import type {
  FlaggedElsewhere,
  WithheldElsewhere,
  PublicationBlocker,
  PublicBlock,
  PublicCellBlock,
  PublicDocument,
  PublicInline,
  PublicSection,
  PublicSummary,
  PublicTable,
  SummaryBlock,
} from './public-model';
import { redact, type RedactionInput } from './redact';
import { withheldCopies } from './withheld-copies';

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
   * Flag records retired because their text was deleted: their words still guard (guardsText), so a copy the summary
   * would print is a blocker, as the export's check refuses it.
   */
  flagsTextRemoved?: readonly FlagInForce[];
  /**
   * The passages other meetings' flags still guard: one the summary would print (typed here unflagged) is a blocker,
   * as the export's check refuses it (a flag keeps its passage out of every public file).
   */
  flaggedElsewhere?: readonly FlaggedElsewhere[];
  /**
   * The meeting's withheld items its agenda does not show (removed, kept in the trash): their words, typed again in
   * what the summary prints, are blockers as the agenda's withheld items' are (withheld-copies.ts).
   */
  withheldElsewhere?: readonly WithheldElsewhere[];
  /** Everything else the summary states that is not in the minutes (see LayoutOptions). */
  document?: LayoutOptions;
  /**
   * Outcomes of the votes on decisions (shared/procedure): counts and rule only, never who voted how. Each is listed
   * under Decisions, in words made here from the counts, for the item where its decision is printed: the decision's
   * paragraph in the minutes, wherever the officer moved it (votePlacement); none for a withheld or unknown item.
   */
  votes?: readonly PublicVote[];
}

/**
 * What the public summary states besides the minutes, all optional (without them it gives the meeting's date only
 * and lists every action as a next step): the meeting's time, place, format and chair in the body's time zone; the
 * reference, place and date of issue, the draft marking; and the action records, so that "Next steps" lists only the
 * open actions, with their due date.
 */
export interface LayoutOptions {
  meeting?: MeetingLinesInput;
  chair?: string;
  timeZone?: string;
  /** "Brussels, 3 February 2026". */
  issue?: string;
  reference?: string;
  /** "DRAFT — minutes not approved (version 1, draft)"; null or absent when the minutes are approved. */
  draft?: string | null;
  language?: string;
  actions?: ReadonlyArray<{ recordId: string; status: string; dueDate: string }>;
}

/** Attendance statuses that count as having taken part. */
const PRESENT = new Set(['in_person', 'remote']);

/** Organisations that took part: those of every participant present, whatever their category; sorted, once each. */
export function participatingOrganisations(attendance: PublicMeetingInput['attendance']): string[] {
  const names = attendance.filter((a) => PRESENT.has(a.status)).map((a) => a.organisation.trim()).filter((n) => n !== '');
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en'));
}

export function publicSummary(input: PublicMeetingInput): PublicSummary {
  // Inline timestamps are printed in the document's zone (from the instant they carry), when it is given.
  const zone = input.document?.timeZone;
  const sections = zone ? input.sections.map((s) => ({ key: s.key, content: withZonedTimestamps(s.content, zone) })) : input.sections;
  const doc = redact({
    ...input,
    sections,
    organisations: participatingOrganisations(input.attendance),
    withheldUrls: (input.withheldElsewhere ?? []).flatMap((w) => w.urls ?? []),
  });
  // What the export's check searches the file for (forbiddenPassages: every flagged passage of the minutes, withheld
  // items' included, the addresses of flagged links, the words of every flag that still guards text), searched below
  // in what the summary prints: a copy printed without its flag blocks the preview as it stops the export.
  const guarded = forbiddenPassages(
    input.sections.map((s) => s.content),
    [...(input.flagsInForce ?? []), ...(input.flagsTextRemoved ?? [])],
    { timeZone: zone },
  );
  const summary = layoutPublicSummary(doc, input.document, input.votes ?? [], decisionPlaces(input.sections), guarded.map((g) => g.text));
  const unmarked = unmarkedFlags(input.sections, input.flagsInForce ?? [], doc, foldAsCheck);
  const seen = new Set(unmarked.map((b) => b.flagId));
  const own = guarded.filter((f) => !seen.has(f.id));
  const headings = printedHeadings(doc);
  summary.blockers = [
    ...unmarked,
    ...withheldCopies(
      input,
      doc,
      headings,
      (key) => {
        const item = input.agenda.find((a) => a.id === key);
        return item ? itemHeading(item.number, item.title) : (doc.sections.find((s) => s.key === key)?.title ?? 'an item no longer on the agenda');
      },
      printedOtherwise(summary, doc),
      printedTitles(doc),
    ),
    ...printedPassages(summary, [
      ...own.map((f) => ({ flagId: f.id, excerpt: f.text })),
      ...(input.flaggedElsewhere ?? []).map((f) => ({ flagId: f.id, excerpt: f.excerpt, flaggedIn: f.meeting })),
    ]),
  ];
  return summary;
}

/**
 * The guarded passages this summary prints, each with the heading it is under: `flaggedIn` set for another meeting's
 * (a flag keeps its passage out of every public file), unset for this meeting's own. They are searched as the
 * export's redaction check searches the file (match-text.ts: each line of a passage on its own, read with look-alikes
 * folded, also with "ü", "ø", "å"… spelt out; whole, without spaces, and in 8-word and 40-character windows; under 8
 * characters only as whole words, under 4 only one word of three with a letter or a figure with its sign), in the
 * printed text: this meeting's flags already hidden, withheld items left out; the page header (the body's name), the
 * targets of links (percent-decoded too), and the seams between parts (a passage that runs across a heading), as the
 * file is checked. So the preview blocks what the export would refuse, and a short flag ("EU") does not block every
 * summary through a word that only contains it ("Europe"). One matcher for all of them: linear in the summary's text,
 * and a part searched once for the same passages while its text stays the same.
 * A flag is listed once, at the first place it is found.
 */
export function printedPassages(summary: PublicSummary, guarded: ReadonlyArray<{ flagId: string; excerpt: string; flaggedIn?: string }>): PublicationBlocker[] {
  if (guarded.length === 0) return [];
  // Keyed by position: one flag can stand for two passages (its text, and the address of its link).
  const passages = guarded.flatMap((f, i) => f.excerpt.split('\n').flatMap((line) => (line.trim() ? [{ id: String(i), text: line }] : [])));
  const passagesKey = JSON.stringify(passages);
  const matcher = matcherFor(passagesKey, passages);
  if (matcher.size === 0) return [];
  // The blocks, under their headings; the file is also checked as one text, so a passage that runs from one part into
  // the next is found too. Besides the text: the page header (the body's name, on every page) and link targets (the
  // file's relationships).
  const parts: Array<{ where: string; lines: string[] }> = [{ where: 'the top of the summary', lines: [] }];
  for (const b of summary.blocks) {
    const text = summaryBlockText(b, summary.marker);
    if (b.kind === 'heading' && b.level <= 2) parts.push({ where: text, lines: [text] });
    else parts[parts.length - 1]!.lines.push(text);
  }
  const texts = parts.map((part) => ({ where: part.where, text: part.lines.join('\n') }));
  const targets = linkTargets(summary.blocks);
  const where = new Map<string, { where: string; as: string }>();
  const found = (norm: string) => matcher.search(norm).map((h) => ({ id: h.passageId, as: hitText(norm, h) }));
  const searchIn = (place: { where: string; text: string }) => {
    for (const hit of found(normaliseForMatch(place.text))) if (!where.has(hit.id)) where.set(hit.id, { where: place.where, as: hit.as });
  };
  searchIn({ where: 'the page header', text: summary.bodyName });
  searchIn({ where: 'the target of a link', text: [...targets, ...targets.map(decodeLoosely)].join('\n') });
  // Part by part, each part's result kept for the next build with the same passages (the live preview is rebuilt
  // after each pause in typing; a long meeting's summary is megabytes, of which one part changed).
  const cache = partsCache.for(passagesKey);
  const norms = texts.map((place) => {
    const part = cache.read(place.text, found);
    for (const hit of part.found) if (!where.has(hit.id)) where.set(hit.id, { where: place.where, as: hit.as });
    return part.norm;
  });
  cache.keepOnly(texts.map((t) => t.text));
  // An address pasted as text keeps "%20" for its spaces: such a part is also read decoded (as link targets are).
  for (const place of texts) if (PERCENT_ENCODED.test(place.text)) searchIn({ where: place.where, text: decodeLoosely(place.text) });
  // The file is checked as one text: a passage that runs from one part into the next. normaliseForMatch of parts
  // joined is their normalised forms joined by a space, so each seam is searched in a window of the normalised text
  // wide enough for the longest passage (twice: a passage read without its spaces may span spaced-out letters).
  const reach = 2 * matcher.longest + 2;
  for (let i = 0; i + 1 < norms.length; i++) {
    let after = '';
    for (let j = i + 1; j < norms.length && after.length < reach; j++) if (norms[j]) after = after ? `${after} ${norms[j]}` : norms[j]!;
    // Cut at word edges: a word cut in two is another word ("2.1" cut to "2" is the "v2" of a flagged "Bluebird v2").
    const before = wholeWordsFrom(norms[i]!, norms[i]!.length - reach);
    if (!before || !after) continue;
    for (const hit of found(`${before} ${wholeWordsTo(after, reach)}`)) if (!where.has(hit.id)) where.set(hit.id, { where: 'two parts of the summary, across a heading', as: hit.as });
  }
  const listed = new Set<string>();
  return guarded.flatMap((f, i): PublicationBlocker[] => {
    const hit = where.get(String(i));
    const key = `${f.flaggedIn ?? ''}\u0000${f.flagId}`;
    if (hit === undefined || listed.has(key)) return [];
    listed.add(key);
    // Written otherwise than flagged (another form, a window of it, other spacing): what the officer will find there.
    const at = { where: hit.where, ...(f.excerpt.split('\n').some((line) => writtenAsFlagged(line, hit.as)) ? {} : { printedAs: hit.as }) };
    return [f.flaggedIn === undefined ? { kind: 'printed', flagId: f.flagId, excerpt: f.excerpt, ...at } : { kind: 'elsewhere', flagId: f.flagId, excerpt: f.excerpt, ...at, flaggedIn: f.flaggedIn }];
  });
}

const PERCENT_ENCODED = /%[0-9A-Fa-f]{2}/;

/** The words of normalised text `norm` from offset `from` on, without a word cut at `from`. */
function wholeWordsFrom(norm: string, from: number): string {
  if (from <= 0) return norm;
  if (norm[from - 1] === ' ') return norm.slice(from);
  const space = norm.indexOf(' ', from);
  return space < 0 ? '' : norm.slice(space + 1);
}

/** The words of normalised text `norm` up to offset `to`, without a word cut at `to`. */
function wholeWordsTo(norm: string, to: number): string {
  if (to >= norm.length || norm[to] === ' ') return norm.slice(0, to);
  const space = norm.lastIndexOf(' ', to);
  return space < 0 ? '' : norm.slice(0, space);
}

/** The address of every link the summary prints, in order. */
function linkTargets(blocks: readonly SummaryBlock[]): string[] {
  const out: string[] = [];
  const visit = (inlines: readonly PublicInline[]) => {
    for (const i of inlines) {
      if (i.kind !== 'link') continue;
      out.push(i.url);
      visit(i.children);
    }
  };
  for (const b of blocks) {
    if (b.kind === 'table') for (const r of b.rows) for (const c of r.cells) for (const cb of c.blocks) visit(cb.inlines);
    else if ('inlines' in b) visit(b.inlines);
  }
  return out;
}

/**
 * What the summary prints that is neither the minutes nor the title of an item, taken from where it comes from (not
 * from the blocks' order or a heading's words, which an item's title could imitate): the page header, the title and
 * the meeting's details (the summary's title and meta lines), the participating organisations. The items' titles are
 * not in it: an officer types them, and a withheld item's words typed there are searched for (withheld-copies.ts).
 */
function printedOtherwise(summary: PublicSummary, doc: PublicDocument): string[] {
  const top = summary.blocks.filter((b) => b.kind === 'title' || b.kind === 'subtitle' || b.kind === 'meta').map((b) => summaryBlockText(b, summary.marker));
  return [summary.bodyName, ...top, ...doc.organisations];
}

/**
 * Where each agenda item's title is printed, for the officer ("the title of item 4": its number as printed), by key;
 * not the opening's and closing's, whose titles are fixed.
 */
function printedTitles(doc: PublicDocument): Map<string, string> {
  const numbers = consecutiveNumbers(doc.sections.map((s) => s.number));
  return new Map(doc.sections.filter((s) => s.number !== '').map((s) => [s.key, `the title of item ${numbers.get(s.number) ?? s.number}`]));
}

/** Each section's heading as the summary prints it (numbers made consecutive where items are left out), by key. */
function printedHeadings(doc: PublicDocument): Map<string, string> {
  const numbers = consecutiveNumbers(doc.sections.map((s) => s.number));
  return new Map(doc.sections.map((s) => [s.key, itemHeading(numbers.get(s.number) ?? s.number, s.title)]));
}

/** Heading text of an agenda item: "3.1 Adoption of the rules of procedure"; "Opening" for the fixed sections. */
export function itemHeading(number: string, title: string): string {
  return number ? `${number}${number.includes('.') ? '' : '.'} ${title}` : title;
}

export const EMPTY_SECTION_NOTE = 'No summary for this item.';

const text = (t: string, f: Partial<Record<'bold' | 'italic', boolean>> = {}): PublicInline => ({ kind: 'text', text: sanitiseText(t), ...f });

/**
 * The sections whose stored minutes hold each decision's paragraph (its record id), withheld and unknown sections
 * included. Read from the raw content, node by node, so that content the redaction would refuse still counts.
 */
export function decisionPlaces(sections: RedactionInput['sections']): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const visit = (v: unknown, key: string, depth: number): void => {
    if (depth > 200 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, key, depth + 1));
    const node = v as { type?: unknown; recordId?: unknown };
    if (node.type === 'decision' && typeof node.recordId === 'string') {
      const at = places.get(node.recordId) ?? [];
      if (!at.includes(key)) at.push(key);
      places.set(node.recordId, at);
    }
    for (const x of Object.values(v)) visit(x, key, depth + 1);
  };
  for (const s of sections) visit(s.content, s.key, 0);
  return places;
}

/**
 * Where the outcome of a vote is printed: with its decision. The decision's paragraph in the minutes is what the
 * summary prints, and the officer may have moved it from the item its record names (cut and paste, dragging a block),
 * so the paragraph decides: the outcome is printed under the item whose printed blocks hold it, and only when every
 * copy of the paragraph is in a published item (one in a withheld or unknown item keeps it out: fail-closed), and
 * not at all when the paragraph is not printed (all of its words flagged). A decision with no paragraph in the minutes
 * (recorded in the Procedure tab only) has its outcome under its record's item, when that item is published.
 */
function votePlacement(votes: readonly PublicVote[], places: ReadonlyMap<string, readonly string[]>, published: ReadonlySet<string>) {
  // Each outcome once, under the first item that qualifies (a paragraph copied into two published items is one vote).
  const placed = new Set<PublicVote>();
  return (sectionKey: string, printedDecisions: ReadonlySet<string>): PublicVote[] =>
    votes.filter((v) => {
      if (placed.has(v)) return false;
      const at = places.get(v.decisionId) ?? [];
      const here = at.length === 0 ? v.sectionKey === sectionKey : printedDecisions.has(v.decisionId) && at.every((k) => published.has(k)) && at.includes(sectionKey);
      if (here) placed.add(v);
      return here;
    });
}

/**
 * Lays out a redacted document as the blocks of the public summary. Pure; the order is the document's. Items keep
 * consecutive numbers when withheld items are left out (3, 4 — not 3, 5). `decisionsIn` (decisionPlaces of the
 * stored minutes) places the votes' outcomes with their decisions.
 */
export function layoutPublicSummary(
  doc: PublicDocument,
  opts: LayoutOptions = {},
  votes: readonly PublicVote[] = [],
  decisionsIn: ReadonlyMap<string, readonly string[]> = new Map(),
  guardedTexts: readonly string[] = [],
): PublicSummary {
  const blocks: SummaryBlock[] = [];
  if (opts.issue) blocks.push({ kind: 'meta', role: 'issue', text: sanitiseText(opts.issue) });
  blocks.push({ kind: 'title', text: sanitiseText(doc.meetingTitle) }, { kind: 'subtitle', text: 'Public summary' });
  const lines = opts.meeting ? meetingMetaLines(opts.meeting, opts.chair ?? '', opts.timeZone ?? opts.meeting.timeZone) : [formatLongDate(doc.date)];
  if (opts.reference) lines.push(`Reference: ${opts.reference}`);
  for (const line of lines) blocks.push({ kind: 'meta', text: sanitiseText(line) });
  if (opts.draft) blocks.push({ kind: 'meta', role: 'marking', text: sanitiseText(opts.draft) });
  blocks.push({ kind: 'heading', level: 1, inlines: [text('Participation')] });
  let lists = 0;
  if (doc.organisations.length === 0) blocks.push({ kind: 'paragraph', inlines: [text('No participating organisations were recorded.')] });
  else {
    blocks.push({ kind: 'paragraph', inlines: [text('Representatives of the following organisations took part in the meeting:')] });
    const list = lists++;
    for (const org of doc.organisations) blocks.push({ kind: 'listItem', ordered: false, depth: 0, list, inlines: [text(org)] });
  }

  const decisions: Array<{ section: PublicSection; inlines: PublicInline[]; recordId?: string }> = [];
  const actions: Array<{ section: PublicSection; inlines: PublicInline[]; recordId?: string }> = [];
  const numbers = consecutiveNumbers(doc.sections.map((s) => s.number));
  const votesUnder = votePlacement(votes, decisionsIn, new Set(doc.sections.filter((s) => !s.withheld).map((s) => s.key)));
  for (const original of doc.sections) {
    const section = { ...original, number: numbers.get(original.number) ?? original.number };
    blocks.push({ kind: 'heading', level: section.number.includes('.') ? 2 : 1, inlines: [text(itemHeading(section.number, section.title))] });
    if (section.withheld) {
      blocks.push({ kind: 'paragraph', note: true, inlines: [text(WITHHELD_NOTE, { italic: true })] });
      continue;
    }
    const listNo = new Map<number, number>();
    const listOfSection = (n: number) => {
      if (!listNo.has(n)) listNo.set(n, lists++);
      return listNo.get(n)!;
    };
    const kept = section.blocks
      .map((b) => (b.kind === 'table' ? { b, inlines: [], table: cleanTable(b, listOfSection) } : { b, inlines: clean(b.inlines), table: null }))
      .filter((x) => (x.b.kind === 'table' ? x.table !== null : x.inlines.length > 0));
    if (kept.length === 0) blocks.push({ kind: 'paragraph', note: true, inlines: [text(EMPTY_SECTION_NOTE, { italic: true })] });
    const printedDecisions = new Set<string>();
    for (const { b, inlines, table } of kept) {
      switch (b.kind) {
        case 'table':
          if (table) blocks.push(table);
          break;
        case 'heading':
          blocks.push({ kind: 'heading', level: Math.min(6, b.level + 2) as 3 | 4 | 5 | 6, inlines });
          break;
        case 'listItem': {
          blocks.push({ kind: 'listItem', ordered: b.ordered, depth: Math.min(8, b.depth), list: listOfSection(b.list), inlines });
          break;
        }
        case 'decision':
        case 'action':
          (b.kind === 'decision' ? decisions : actions).push({ section, inlines, recordId: b.recordId });
          if (b.kind === 'decision' && b.recordId !== undefined) printedDecisions.add(b.recordId);
          blocks.push({ kind: 'record', record: b.kind, inlines: [text(b.kind === 'decision' ? 'Decision: ' : 'Action: ', { bold: true }), ...inlines] });
          break;
        default:
          blocks.push({ kind: b.kind, inlines });
      }
    }
    for (const v of votesUnder(section.key, printedDecisions)) decisions.push({ section, inlines: [text(`Outcome of a vote: ${publicVoteText(v)}`)] });
  }

  const listOf = (title: string, entries: typeof decisions, none: string) => {
    blocks.push({ kind: 'heading', level: 1, inlines: [text(title)] });
    if (entries.length === 0) return void blocks.push({ kind: 'paragraph', inlines: [text(none)] });
    const list = lists++;
    for (const { section, inlines } of entries)
      blocks.push({ kind: 'listItem', ordered: false, depth: 0, list, inlines: [text(section.number ? `Item ${section.number}: ` : `${section.title}: `, { bold: true }), ...inlines] });
  };
  listOf('Decisions', decisions, 'No decisions were taken.');
  listOf('Next steps', nextSteps(actions, opts.actions, guardedTexts), 'No next steps were recorded.');

  return {
    marker: sanitiseText(doc.marker),
    bodyName: sanitiseText(doc.bodyName),
    meetingTitle: sanitiseText(doc.meetingTitle),
    date: doc.date,
    ...(opts.draft ? { draft: sanitiseText(opts.draft) } : {}),
    ...(opts.reference ? { reference: sanitiseText(opts.reference) } : {}),
    ...(opts.language ? { language: opts.language } : {}),
    blocks,
    blockers: [],
  };
}

/**
 * Next steps are the actions still to do: with the records known, done and cancelled actions are left out and the due
 * date is given ("(by 13 February 2026)"); an action whose record is unknown is kept as minuted. An action with any
 * flagged words gets no date from its record: the date may be what was flagged, written otherwise; nor does one whose
 * date a flagged passage of the meeting holds, in any of the usual forms (fail-closed).
 */
function nextSteps<T extends { inlines: PublicInline[]; recordId?: string }>(actions: T[], records: LayoutOptions['actions'], guardedTexts: readonly string[]): T[] {
  if (!records) return actions;
  let guarded: string[] | null = null; // folded on first use: most summaries have no dated action
  const byId = new Map(records.map((r) => [r.recordId, r]));
  return actions.flatMap((a) => {
    const r = a.recordId ? byId.get(a.recordId) : undefined;
    if (!r) return [a];
    if (r.status === 'done' || r.status === 'cancelled') return [];
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(r.dueDate) && !hasRedaction(a.inlines) && !dateForms(r.dueDate).some((f) => (guarded ??= guardedTexts.map(foldDateText)).some((g) => g.includes(f)));
    return [dated ? { ...a, inlines: [...a.inlines, text(` (by ${longDate(r.dueDate)})`)] } : a];
  });
}

/** A text read for dates: lower case, one space for any run of spaces and commas. */
const foldDateText = (t: string) => t.toLowerCase().replace(/[\s,]+/g, ' ');

/**
 * The ways an officer may write a date (ISO, day/month/year with / . or -, with or without zeros, the day and the
 * month in words either way round, the month in full or cut to three letters), folded as foldDateText folds.
 */
function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  const day = String(Number(d));
  const month = MONTH_NAMES[Number(m) - 1]!;
  const forms = [iso, `${d}/${m}/${y}`, `${d}.${m}.${y}`, `${d}-${m}-${y}`, `${day}/${Number(m)}/${y}`, `${day}.${Number(m)}.${y}`];
  for (const name of [month, month.slice(0, 3)]) forms.push(`${day} ${name} ${y}`, `${name} ${day} ${y}`);
  return forms.map(foldDateText);
}
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const hasRedaction = (inlines: readonly PublicInline[]): boolean => inlines.some((i) => i.kind === 'redacted' || (i.kind === 'link' && hasRedaction(i.children)));

/**
 * Consecutive item numbers for the sections present: "1, 2, 3, 5, 5.1" (item 4 withheld and left out) → "1, 2, 3, 4,
 * 4.1". Unchanged when nothing was left out. Opening and closing ('') have none.
 */
export function consecutiveNumbers(numbers: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const counters: number[] = [];
  for (const n of numbers) {
    if (!n) continue;
    const depth = n.split('.').length;
    counters.length = depth;
    for (let i = 0; i < depth - 1; i++) counters[i] ??= 1;
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    out.set(n, counters.slice(0, depth).join('.'));
  }
  return out;
}

/**
 * A table of the minutes as the summary prints it: each cell's blocks cleaned as paragraphs are (the image placeholder
 * removed, empty blocks dropped), headings in cells kept as their level within the minutes, lists numbered apart.
 * Null when no cell holds anything any more.
 */
function cleanTable(t: PublicTable, listOf: (n: number) => number): PublicTable | null {
  let any = false;
  const rows = t.rows.map((r) => ({
    header: r.header,
    cells: r.cells.map((c) => ({
      header: c.header,
      colSpan: c.colSpan,
      rowSpan: c.rowSpan,
      blocks: c.blocks.flatMap((b): PublicCellBlock[] => {
        const inlines = clean(b.inlines);
        if (inlines.length === 0) return [];
        any = true;
        if (b.kind === 'heading') return [{ kind: 'heading', level: Math.min(6, b.level + 2) as 3 | 4 | 5 | 6, inlines }];
        if (b.kind === 'listItem') return [{ kind: 'listItem', ordered: b.ordered, depth: Math.min(8, b.depth), list: listOf(b.list), inlines }];
        return [{ ...b, inlines }];
      }),
    })),
  }));
  return any ? { kind: 'table', rows } : null;
}

/** Inlines with their text made writable (the same text the DOCX will hold); the image placeholder removed. */
function clean(inlines: readonly PublicInline[]): PublicInline[] {
  return inlines.flatMap((i): PublicInline[] => {
    if (i.kind === 'text') {
      const t = withoutImagePlaceholder(sanitiseText(i.text));
      return t.trim() === '' && i.text.includes(IMAGE_PLACEHOLDER) ? [] : [{ ...i, text: t }];
    }
    if (i.kind === 'link') {
      const children = clean(i.children);
      return children.length ? [{ ...i, url: sanitiseText(i.url).trim(), children }] : [];
    }
    return [i];
  });
}

/** The text of one summary block as a reader sees it: the marker for each redacted run, "\n" for breaks. */
export function summaryBlockText(b: SummaryBlock, marker: string): string {
  if (b.kind === 'title' || b.kind === 'subtitle' || b.kind === 'meta') return b.text;
  if (b.kind === 'table') return tablePlainText(b, marker);
  return blockPlainText({ kind: 'paragraph', inlines: b.inlines } satisfies PublicBlock, marker);
}

/** Every block's text, in order: what the preview shows and the DOCX body holds (tests compare the two). */
export function summaryText(s: PublicSummary): string[] {
  return s.blocks.map((b) => summaryBlockText(b, s.marker));
}

/** A passage found, and the text it was found as (normalised: what `hitText` reads). */
interface FoundHit {
  id: string;
  as: string;
}

/**
 * What printedPassages found in each part of the summary's text, with the part's normalised form, for one set of
 * passages: kept between builds, for the parts of the last build only.
 */
class PartsCache {
  private key = '';
  private byText = new Map<string, { norm: string; found: readonly FoundHit[] }>();

  for(key: string): this {
    if (key !== this.key) {
      this.key = key;
      this.byText = new Map();
    }
    return this;
  }

  read(text: string, search: (norm: string) => FoundHit[]): { norm: string; found: readonly FoundHit[] } {
    let part = this.byText.get(text);
    if (!part) {
      const norm = normaliseForMatch(text);
      part = { norm, found: search(norm) };
      this.byText.set(text, part);
    }
    return part;
  }

  keepOnly(texts: readonly string[]): void {
    const keep = new Set(texts);
    for (const text of this.byText.keys()) if (!keep.has(text)) this.byText.delete(text);
  }
}
const partsCache = new PartsCache();

/**
 * The matcher of the last set of passages, kept between builds: the live preview builds the summary again on every
 * pause in typing, and the passages change only with the flags. Building the matcher is most of the check's cost for
 * passages with figures and dates written many ways (figure-forms.ts, date-forms.ts): tens of ms, once.
 */
let lastMatcher: { key: string; matcher: PassageMatcher } | null = null;

function matcherFor(key: string, passages: readonly Passage[]): PassageMatcher {
  if (lastMatcher?.key !== key) lastMatcher = { key, matcher: new PassageMatcher(passages) };
  return lastMatcher.matcher;
}
