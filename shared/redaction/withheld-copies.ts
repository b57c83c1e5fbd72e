import { normaliseForMatch, WINDOW_WORDS, writtenAsFlagged } from './match-text';
import { blockPlainText } from './plain-text';
import type { PublicationBlocker, PublicDocument, WithheldElsewhere } from './public-model';
import { withheldItems } from './publication';
import type { RedactionInput } from './redact';
import { eachBlock } from './walk';

/**
 * A withheld item's words typed again in a published item of the same meeting (issue 8: no text of a withheld item in
 * a public file). Withholding leaves the item's own section out; an audit (2026-12-07) found its words, typed again
 * under "Any other business", printed with no question. A withheld item's minutes (its sub-items', and those of an
 * item whose parent is unknown, included: `withheldItems`) are searched for in the printed minutes of the published
 * items: each paragraph, list item or table row of WITHHELD_LINE_WORDS words or more whole, and any WINDOW_WORDS (8) of
 * the item's words in a row (`StretchIndex`), read as the check reads text but as written (no other forms of figures
 * or names: a copy is what is looked for). Shorter units and fewer words in a row are the minutes' ordinary
 * language ("Members took note.", "The Chair invited members to comment on") and publish.
 * The items' titles are searched too, the same way (a withheld sentence typed as the title of a published item, or of
 * another withheld item printed by its title only, is printed as its heading): each agenda item's title as typed, its
 * number aside, reported as "the title of item 4". Not searched for an item's words: the titles on its own line of the
 * agenda (its own, its parent's, its sub-items': its minutes restate them, and they are printed anyway), and what the
 * file prints that is not typed for an item (`printedOtherwise`: the page header, the meeting's title and details, the
 * organisations), which is structural: a withheld stretch is cut around every 8 words in a row printed there, and one
 * printed there whole is not searched, so a withheld item quoting the meeting's title or the list of organisations
 * publishes. A title under WITHHELD_LINE_WORDS words is never found (it cannot hold 6 words in a row), so a withheld item
 * quoting a published item's short title publishes; one quoting a longer title word for word (8 words in a row, or as a
 * whole line of 6 to 8 words) is refused: which way the words went cannot be told, a title typed from the withheld
 * minutes looks the same. The agenda's descriptions are not in the public summary (only the agenda document prints
 * them); the decisions and next steps it lists are the published minutes' own paragraphs, searched as minutes; the
 * votes' outcomes are words made from counts.
 * Fail-closed where it is unclear which way the words went: the officer rephrases one of the two, flags the words in
 * both, or publishes the withheld item.
 */
export const WITHHELD_LINE_WORDS = 6;

interface WithheldLine {
  /** The withheld item's key (an agenda item's id, or opening / closing). */
  key: string;
  /** What is searched (normalised): a stretch of the item's words, whole or by its 8-word windows (`withheldLines`). */
  text: string;
  /** Where the officer finds the words in the withheld item: the unit (a paragraph, a list item, a table's row). */
  units: readonly string[];
  /** The item's own line on the agenda (`lineageOf`): their titles are not searched for its words. */
  lineage: ReadonlySet<string>;
  /** The item's name for the officer when it is not on this meeting's agenda (`WithheldElsewhere`). */
  name?: string;
}

/**
 * A withheld item's text, as searched: its minutes' units, and each other text of it on its own (its description; its
 * title where its meeting leaves withheld items out), in `groups` (units of one group are read together: short ones
 * next to one another join, never across groups).
 */
interface WithheldSource {
  key: string;
  groups: ReadonlyArray<readonly string[]>;
  lineage: ReadonlySet<string>;
  name?: string;
}

const words = (text: string) => normaliseForMatch(text).split(' ').filter(Boolean);

/**
 * A withheld section's units of text: each block (its line breaks as spaces: a line break does not end a sentence), a
 * table's row as one (its cells side by side).
 */
export function withheldUnits(content: unknown, key = 'section'): string[] {
  const units: string[] = [];
  let row: string | null = null;
  eachBlock(content, `sections[${key}]`, (shape, atoms) => {
    const text = atoms.map((a) => (a.kind === 'text' ? a.text : ' ')).join('');
    const at = shape.cell ? `${shape.cell.table}:${shape.cell.row}` : null;
    if (at !== null && at === row) units[units.length - 1] += ` ${text}`;
    else units.push(text);
    row = at;
  });
  return units;
}

/**
 * The withheld items' texts a meeting's public files are searched for: each withheld item of its agenda (its minutes;
 * its description, presenter and documents, which no public page prints for it; its title when the meeting leaves
 * withheld items out, so the title was never public), and the withheld items it does not show (`withheldElsewhere`:
 * removed from the agenda), each with its name.
 */
export function withheldSources(input: WithheldInput): WithheldSource[] {
  const withheld = withheldItems(input.agenda, input.withheldItemIds);
  const content = new Map(input.sections.map((s) => [s.key, s.content]));
  const omit = input.meeting.withheldDisplay === 'omit';
  // A description a published item has too, word for word, is printed on the agenda for that item: the body's
  // standard wording ("Presentation by the Commission services followed by an exchange of views."), not the withheld
  // item's own words (a second-round audit, 2026-12-07: such an agenda was refused).
  const published = new Set(input.agenda.filter((a) => !withheld.has(a.id) && a.description).map((a) => words(a.description!).join(' ')));
  const out: WithheldSource[] = [];
  const keys = [...input.sections.map((s) => s.key), ...input.agenda.map((a) => a.id)];
  for (const key of new Set(keys)) {
    if (!withheld.has(key)) continue;
    const item = input.agenda.find((a) => a.id === key);
    const c = content.get(key);
    const description = item?.description && !published.has(words(item.description).join(' ')) ? item.description : '';
    const groups = [
      c === undefined || c === null ? [] : withheldUnits(c, key),
      [description],
      omit ? [item?.title ?? ''] : [],
      [item?.presenter ?? ''],
      (item?.documents ?? []).map((d) => `${d.title} ${d.reference}`),
    ].filter((g) => g.some((u) => u.trim() !== ''));
    if (groups.length > 0) out.push({ key, groups, lineage: lineageOf(input.agenda, key) });
  }
  (input.withheldElsewhere ?? []).forEach((w, i) => {
    out.push({ key: `elsewhere:${i}`, groups: w.groups, lineage: new Set(), name: w.name });
  });
  return out;
}

/** What `withheldSources` reads: the meeting's agenda and minutes, and the withheld items it does not show. */
export type WithheldInput = Pick<RedactionInput, 'agenda' | 'sections' | 'withheldItemIds'> & {
  meeting: Pick<RedactionInput['meeting'], 'withheldDisplay'>;
  withheldElsewhere?: readonly WithheldElsewhere[] | undefined;
};

/**
 * What is searched of the withheld sections, by stretches of a section's units: each unit of WITHHELD_LINE_WORDS words
 * or more on its own, and the shorter units next to one another together (a sentence cut into short list items or
 * table cells is still found; a formula of a few words beside a long paragraph is not joined to it: "Members took
 * note." then "The Chair invited members to comment…" is the language of every item). A stretch of 6 to 8 words is
 * searched whole; a longer one by its windows of WINDOW_WORDS words. Less what the public file prints anyway and may
 * be quoted (`printedOtherwise`: the page header, the meeting's title and details, the organisations; and the headings
 * of the item's own line, `lineageOf`): a stretch is cut around every 8 words in a row printed there, and one printed
 * there whole is not searched, so a withheld item quoting the meeting's title or its own title does not stop the
 * summary. Other items' titles are not cut around: they are searched (`withheldCopies`).
 */
function withheldLines(sources: readonly WithheldSource[], printedOtherwise: readonly string[], headings: ReadonlyMap<string, string>): WithheldLine[] {
  const structural = printedIndex(printedOtherwise);
  const out: WithheldLine[] = [];
  for (const source of sources) {
    const { lineage, name } = source;
    // The headings of the item's own line (its own, its parent's, its sub-items'), as printed: quoted, they publish.
    const own = printedIndex([...lineage].flatMap((k) => headings.get(k) ?? []));
    for (const units of source.groups) {
      const search = (stretch: string[]) => {
        if (stretch.length < WITHHELD_LINE_WORDS) return;
        if (stretch.length <= WINDOW_WORDS) {
          const whole = ` ${stretch.join(' ')} `;
          if (!structural.text.includes(whole) && !own.text.includes(whole)) out.push({ key: source.key, text: stretch.join(' '), units, lineage, ...(name === undefined ? {} : { name }) });
          return;
        }
        const printed = new Array<boolean>(stretch.length).fill(false);
        for (let i = 0; i + WINDOW_WORDS <= stretch.length; i++) {
          const window = stretch.slice(i, i + WINDOW_WORDS).join(' ');
          if (structural.windows.has(window) || own.windows.has(window)) printed.fill(true, i, i + WINDOW_WORDS);
        }
        let from = 0;
        for (let i = 0; i <= stretch.length; i++) {
          if (i < stretch.length && !printed[i]) continue;
          if (i - from > WINDOW_WORDS) out.push({ key: source.key, text: stretch.slice(from, i).join(' '), units, lineage, ...(name === undefined ? {} : { name }) });
          from = i + 1;
        }
      };
      // As written, and with its words' hyphens dropped where it has some ("take-over" also as "takeover").
      const asWritten = units.map(words);
      const readings = [asWritten];
      if (units.some((u) => WORD_HYPHEN.test(u))) readings.push(units.map((u, i) => (WORD_HYPHEN.test(u) ? words(withoutWordHyphens(u)) : asWritten[i]!)));
      for (const reading of readings) {
        let short: string[] = [];
        for (const w of reading) {
          if (w.length >= WITHHELD_LINE_WORDS) {
            search(short);
            short = [];
            search(w);
          } else short.push(...w);
        }
        search(short);
      }
    }
  }
  return out;
}

/** Texts the file prints anyway, as searched: their words (` a b c `) and each WINDOW_WORDS of them in a row. */
function printedIndex(texts: readonly string[]): { text: string; windows: Set<string> } {
  const w = words(texts.join('\n'));
  const windows = new Set<string>();
  for (let i = 0; i + WINDOW_WORDS <= w.length; i++) windows.add(w.slice(i, i + WINDOW_WORDS).join(' '));
  return { text: ` ${w.join(' ')} `, windows };
}

/** An item's own line on the agenda: the item, the items above it (its parent…) and those under it (its sub-items…). */
function lineageOf(agenda: RedactionInput['agenda'], key: string): Set<string> {
  const parent = new Map(agenda.map((a) => [a.id, a.parentId]));
  const above = (id: string): string[] => {
    const chain: string[] = [];
    for (let at = parent.get(id) ?? null; at !== null && !chain.includes(at) && at !== id; at = parent.get(at) ?? null) chain.push(at);
    return chain;
  };
  const out = new Set([key, ...above(key)]);
  for (const a of agenda) if (above(a.id).includes(key)) out.add(a.id);
  return out;
}

/** A hyphen inside a word ("take-over", "Gamma-Vision"), dropped: a copy may be typed with it or without. */
const WORD_HYPHEN = /(?<=\p{L})[-\u2010\u2011](?=\p{L})/u;
const WORD_HYPHENS = new RegExp(WORD_HYPHEN.source, 'gu');
const withoutWordHyphens = (text: string) => text.replace(WORD_HYPHENS, '');

/** The unit of `units` the run found starts in (normalised words), or the run itself. */
function unitOf(units: readonly string[], run: string): string {
  const head = run.split(' ').slice(0, 3).join(' ');
  return units.find((u) => ` ${words(u).join(' ')} `.includes(` ${head} `)) ?? run;
}

/**
 * The withheld stretches, indexed by their words: each 8 words in a row of a longer stretch, and a stretch of 6 to 8
 * words whole, to the first stretch that has them. A printed text is then searched in one pass over its words (each
 * position looked up as 6, 7 and 8 words), linear in the text: the general matcher (match-text.ts PassageMatcher), built
 * for a few hundred flagged passages, took tens of seconds over thousands of withheld paragraphs.
 */
class StretchIndex {
  private readonly windows = new Map<string, number>();
  private readonly whole = new Map<string, number>();

  constructor(readonly lines: readonly WithheldLine[]) {
    lines.forEach((line, i) => {
      const w = line.text.split(' ');
      if (w.length <= WINDOW_WORDS) {
        if (!this.whole.has(line.text)) this.whole.set(line.text, i);
        return;
      }
      for (let j = 0; j + WINDOW_WORDS <= w.length; j++) {
        const key = w.slice(j, j + WINDOW_WORDS).join(' ');
        if (!this.windows.has(key)) this.windows.set(key, i);
      }
    });
  }

  /** Each stretch found in the normalised words `text`, once, with the words it shares there in a row (`as`). */
  search(text: readonly string[]): Array<{ id: number; as: string }> {
    const out = new Map<number, string>();
    for (let i = 0; i + WITHHELD_LINE_WORDS <= text.length; i++) {
      let key = text.slice(i, i + WITHHELD_LINE_WORDS - 1).join(' ');
      for (let n = WITHHELD_LINE_WORDS; n <= WINDOW_WORDS && i + n <= text.length; n++) {
        key = `${key} ${text[i + n - 1]}`;
        const id = n === WINDOW_WORDS ? (this.windows.get(key) ?? this.whole.get(key)) : this.whole.get(key);
        if (id !== undefined && !out.has(id)) out.set(id, sharedRun(text, i, n, this.lines[id]!.text.split(' ')));
      }
    }
    return [...out].map(([id, as]) => ({ id, as }));
  }
}

/**
 * The words the printed text and the withheld stretch share in a row around the `n` words found at word `i`: what the
 * officer will find there, not only the first 8 of them.
 */
function sharedRun(text: readonly string[], i: number, n: number, line: readonly string[]): string {
  const found = text.slice(i, i + n);
  const start = line.findIndex((_, j) => found.every((w, k) => line[j + k] === w));
  if (start < 0) return found.join(' ');
  let back = 0;
  while (back < start && i - 1 - back >= 0 && text[i - 1 - back] === line[start - 1 - back]) back++;
  let on = 0;
  while (start + n + on < line.length && text[i + n + on] === line[start + n + on]) on++;
  return text.slice(i - back, i + n + on).join(' ');
}

/** The index of the last set of withheld stretches, and what it found in each printed text, kept between builds. */
let last: { key: string; index: StretchIndex; found: Map<string, Array<{ id: number; as: string }>> } | null = null;

function indexFor(lines: readonly WithheldLine[]) {
  const key = JSON.stringify(lines.map((l) => l.text));
  if (last?.key !== key) last = { key, index: new StretchIndex(lines), found: new Map() };
  return last;
}

/**
 * The blockers for withheld items' words printed in published items or in items' titles: each withheld line once, at
 * the first place that prints it in the summary's order, an item's title before its minutes (`where`: the item's
 * heading as printed, or `titles`' "the title of item 4"), naming the withheld item (`withheldIn`).
 * `headings` gives each section's heading as printed, by key; `itemLabel` a withheld item's name for the officer (its
 * number and title on the agenda); `titles` where each agenda item's title is printed, by key.
 */
export function withheldCopies(
  input: WithheldInput,
  doc: PublicDocument,
  headings: ReadonlyMap<string, string>,
  itemLabel: (key: string) => string,
  printedOtherwise: readonly string[],
  titles: ReadonlyMap<string, string>,
): PublicationBlocker[] {
  const places: PrintedPlace[] = [];
  for (const s of doc.sections) {
    // The item's title, printed as its heading whether the item is published or withheld (by its title only): searched
    // for the words of the withheld items not on its own line (an item's minutes restate its title, its parent's).
    const title = titles.get(s.key);
    if (title !== undefined) places.push({ key: s.key, where: title, text: s.title });
    if (s.withheld || s.blocks.length === 0) continue;
    places.push({ key: null, where: headings.get(s.key) ?? s.title, text: s.blocks.map((b) => blockPlainText(b, doc.marker)).join('\n') });
  }
  return copiesIn(withheldLines(withheldSources(input), printedOtherwise, headings), places, itemLabel);
}

/**
 * A text a public file prints, where (`where`, for the officer), and the agenda item it is typed for when it is
 * one of the item's own texts (its title, description…: not searched for the words of the withheld items on that item's
 * own line, which restate it), null for minutes.
 */
export interface PrintedPlace {
  key: string | null;
  where: string;
  text: string;
}

/**
 * The blockers for withheld items' words in the texts a document other than the public summary prints (the agenda:
 * its items' titles, descriptions, presenters and documents), as `withheldCopies` finds them in the summary: the
 * withheld items of the meeting (`input`, the trash's included) searched in `places`, less what the document prints
 * anyway (`printedOtherwise`: the meeting's title and details); `itemLabel` names a withheld item of the agenda.
 */
export function withheldCopiesIn(input: WithheldInput, places: readonly PrintedPlace[], printedOtherwise: readonly string[], itemLabel: (key: string) => string): PublicationBlocker[] {
  // The titles the document prints, by item: a withheld item's not where withheld items are left out (its title is
  // then its own words, searched for: a second-round audit found it printed in a published item's description).
  const left = input.meeting.withheldDisplay === 'omit' ? withheldItems(input.agenda, input.withheldItemIds) : new Set<string>();
  const titles = new Map(input.agenda.filter((a) => !left.has(a.id)).map((a) => [a.id, a.title]));
  return copiesIn(withheldLines(withheldSources(input), printedOtherwise, titles), places, itemLabel);
}

function copiesIn(lines: readonly WithheldLine[], places: readonly PrintedPlace[], itemLabel: (key: string) => string): PublicationBlocker[] {
  if (lines.length === 0) return [];
  const cache = indexFor(lines);
  const seen = new Map<number, { where: string; as: string }>();
  const keep = new Set<string>();
  const searched = (text: string) => {
    keep.add(text);
    let found = cache.found.get(text);
    if (!found) {
      // As printed, and with its words' hyphens dropped ("takeover" typed "take-over", or the other way).
      found = [text, withoutWordHyphens(text)].flatMap((reading, i) => {
        if (i > 0 && reading === text) return [];
        return cache.index.search(words(reading));
      });
      cache.found.set(text, found);
    }
    return found;
  };
  for (const place of places) {
    for (const hit of searched(place.text)) {
      if (seen.has(hit.id) || (place.key !== null && lines[hit.id]!.lineage.has(place.key))) continue;
      seen.set(hit.id, { where: place.where, as: hit.as });
    }
  }
  for (const text of cache.found.keys()) if (!keep.has(text)) cache.found.delete(text);
  // A unit whole and a stretch of the same words can both be found: one blocker for the words, where they are.
  const listed = new Set<string>();
  return lines.flatMap((line, i): PublicationBlocker[] => {
    const hit = seen.get(i);
    if (!hit) return [];
    const excerpt = unitOf(line.units, hit.as);
    const key = `${line.key}\u0000${hit.where}\u0000${excerpt}`;
    if (listed.has(key)) return [];
    listed.add(key);
    return [
      {
        kind: 'withheld',
        flagId: `withheld:${line.key}`,
        excerpt,
        where: hit.where,
        ...(writtenAsFlagged(excerpt, hit.as) ? {} : { printedAs: asWritten(excerpt, hit.as) }),
        withheldIn: line.name ?? itemLabel(line.key),
      },
    ];
  });
}

/**
 * The words found (`as`, as the check reads them), as the officer wrote them in the withheld line (`unit`): its words
 * from the first to the last of them, case and punctuation as typed ("Gamma Vision negotiates … Delta Labs", not
 * "gamma vision negotiates … delta labs"). As read when the line does not hold them word for word (a hyphen dropped).
 */
function asWritten(unit: string, as: string): string {
  const typed = unit.split(/\s+/).filter(Boolean);
  const target = as.split(' ').length;
  for (let i = 0; i < typed.length; i++) {
    for (let j = i + 1; j <= typed.length && j - i <= target + 2; j++) {
      const read = words(typed.slice(i, j).join(' ')).join(' ');
      if (read === as) return typed.slice(i, j).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (read.length > as.length) break;
    }
  }
  return as;
}
