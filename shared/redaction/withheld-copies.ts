import { normaliseForMatch, WINDOW_WORDS, writtenAsFlagged } from './match-text';
import { blockPlainText } from './plain-text';
import type { PublicationBlocker, PublicDocument } from './public-model';
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
 * language ("Members took note.", "The Chair invited members to comment on") and publish. Only the minutes of published
 * items are searched, and what the file prints anyway elsewhere (titles, the meeting's details, the organisations) is
 * not searched for: it is not the withheld item's words (`withheldLines`).
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
}

const words = (text: string) => normaliseForMatch(text).split(' ').filter(Boolean);

/**
 * A withheld section's units of text: each block (its line breaks as spaces: a line break does not end a sentence), a
 * table's row as one (its cells side by side).
 */
function unitsOf(content: unknown, key: string): string[] {
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
 * What is searched of the withheld sections, by stretches of a section's units: each unit of WITHHELD_LINE_WORDS words
 * or more on its own, and the shorter units next to one another together (a sentence cut into short list items or
 * table cells is still found; a formula of a few words beside a long paragraph is not joined to it: "Members took
 * note." then "The Chair invited members to comment…" is the language of every item). A stretch of 6 to 8 words is
 * searched whole; a longer one by its windows of WINDOW_WORDS words. Less what the public file prints anyway, elsewhere
 * than in the minutes (`printedOtherwise`: the meeting's title and details, the items' headings, the organisations):
 * a stretch is cut around every 8 words in a row it prints, and one it prints whole is not searched, so a withheld item
 * quoting the meeting's title or the list of organisations does not stop the summary.
 */
function withheldLines(input: Pick<RedactionInput, 'agenda' | 'sections' | 'withheldItemIds'>, printedOtherwise: readonly string[]): WithheldLine[] {
  const withheld = withheldItems(input.agenda, input.withheldItemIds);
  const publicWords = words(printedOtherwise.join('\n'));
  const publicText = ` ${publicWords.join(' ')} `;
  const publicWindows = new Set<string>();
  for (let i = 0; i + WINDOW_WORDS <= publicWords.length; i++) publicWindows.add(publicWords.slice(i, i + WINDOW_WORDS).join(' '));
  const out: WithheldLine[] = [];
  for (const s of input.sections) {
    if (!withheld.has(s.key) || s.content === undefined || s.content === null) continue;
    const units = unitsOf(s.content, s.key);
    const search = (stretch: string[]) => {
      if (stretch.length < WITHHELD_LINE_WORDS) return;
      if (stretch.length <= WINDOW_WORDS) {
        if (!publicText.includes(` ${stretch.join(' ')} `)) out.push({ key: s.key, text: stretch.join(' '), units });
        return;
      }
      const printed = new Array<boolean>(stretch.length).fill(false);
      for (let i = 0; i + WINDOW_WORDS <= stretch.length; i++) if (publicWindows.has(stretch.slice(i, i + WINDOW_WORDS).join(' '))) printed.fill(true, i, i + WINDOW_WORDS);
      let from = 0;
      for (let i = 0; i <= stretch.length; i++) {
        if (i < stretch.length && !printed[i]) continue;
        if (i - from > WINDOW_WORDS) out.push({ key: s.key, text: stretch.slice(from, i).join(' '), units });
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
 * The blockers for withheld items' words printed in published items: each withheld line once, at the first published
 * item that prints it (`where`: that item's heading as printed), naming the withheld item (`withheldIn`).
 * `headings` gives each published section's heading as printed, by key; `itemLabel` a withheld item's name for the
 * officer (its number and title on the agenda).
 */
export function withheldCopies(
  input: Pick<RedactionInput, 'agenda' | 'sections' | 'withheldItemIds'>,
  doc: PublicDocument,
  headings: ReadonlyMap<string, string>,
  itemLabel: (key: string) => string,
  printedOtherwise: readonly string[],
): PublicationBlocker[] {
  const lines = withheldLines(input, printedOtherwise);
  if (lines.length === 0) return [];
  const cache = indexFor(lines);
  const seen = new Map<number, { where: string; as: string }>();
  const keep = new Set<string>();
  for (const s of doc.sections) {
    if (s.withheld || s.blocks.length === 0) continue;
    const text = s.blocks.map((b) => blockPlainText(b, doc.marker)).join('\n');
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
    for (const hit of found) if (!seen.has(hit.id)) seen.set(hit.id, { where: headings.get(s.key) ?? s.title, as: hit.as });
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
        ...(writtenAsFlagged(excerpt, hit.as) ? {} : { printedAs: hit.as }),
        withheldIn: itemLabel(line.key),
      },
    ];
  });
}
