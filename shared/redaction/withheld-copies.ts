import { hitText, normaliseForMatch, PassageMatcher, WHOLE, WORD_WINDOWS, writtenAsFlagged, type Passage } from './match-text';
import { blockPlainText } from './plain-text';
import type { PublicationBlocker, PublicDocument } from './public-model';
import { withheldItems } from './publication';
import type { RedactionInput } from './redact';
import { eachBlock } from './walk';

/**
 * A withheld item's words typed again in a published item of the same meeting (issue 8: no text of a withheld item in
 * a public file). Withholding leaves the item's own section out; an audit (2026-12-07) found its words, typed again
 * under "Any other business", printed with no question. Each line of a withheld item's minutes (its sub-items', and
 * those of an item whose parent is unknown, included: `withheldItems`) of WITHHELD_LINE_WORDS words or more is searched
 * for in the printed minutes of the published items: the line whole, and any WINDOW_WORDS (8) of its words in a row
 * (match-text.ts WORD_WINDOWS), read as the check reads text but as written (no other forms of figures or names: a copy
 * is what is looked for). Shorter lines and fewer words in a row are the minutes' ordinary language ("Members took
 * note.", "The Chair invited members to comment on") and publish. Only the minutes of published items are searched:
 * titles, the meeting's details and the participating organisations are not the withheld item's words, and a title
 * printed for a withheld item ("title only") is its own.
 * Fail-closed where it is unclear which way the words went: the officer rephrases one of the two, flags the words in
 * both, or publishes the withheld item.
 */
export const WITHHELD_LINE_WORDS = 6;

const MODES = [WHOLE, WORD_WINDOWS];

interface WithheldLine {
  /** The withheld item's key (an agenda item's id, or opening / closing). */
  key: string;
  text: string;
}

/** The lines of the withheld sections that are searched: WITHHELD_LINE_WORDS words or more, read as the check reads. */
function withheldLines(input: Pick<RedactionInput, 'agenda' | 'sections' | 'withheldItemIds'>): WithheldLine[] {
  const withheld = withheldItems(input.agenda, input.withheldItemIds);
  const out: WithheldLine[] = [];
  for (const s of input.sections) {
    if (!withheld.has(s.key) || s.content === undefined || s.content === null) continue;
    eachBlock(s.content, `sections[${s.key}]`, (_shape, atoms) => {
      const block = atoms.map((a) => a.text).join('');
      for (const line of block.split('\n')) if (normaliseForMatch(line).split(' ').filter(Boolean).length >= WITHHELD_LINE_WORDS) out.push({ key: s.key, text: line });
    });
  }
  return out;
}

/**
 * The words the printed text and the withheld line share in a row around a window found at `at` (`found`, 8 words):
 * what the officer will find there, not only its first 8 words.
 */
function sharedRun(norm: string, found: string, at: number, line: string): string {
  const lineWords = normaliseForMatch(line).split(' ');
  const words = found.split(' ');
  const start = lineWords.findIndex((_, j) => words.every((w, k) => lineWords[j + k] === w));
  if (start < 0) return found;
  const before = norm.slice(0, at).split(' ').filter(Boolean);
  const after = norm.slice(at + found.length).split(' ').filter(Boolean);
  let back = 0;
  while (back < start && before.at(-1 - back) === lineWords[start - 1 - back]) back++;
  let on = 0;
  while (start + words.length + on < lineWords.length && after[on] === lineWords[start + words.length + on]) on++;
  return [...before.slice(before.length - back), ...words, ...after.slice(0, on)].join(' ');
}

/** The matcher of the last set of withheld lines, kept between builds (the live preview builds on each pause in typing). */
let last: { key: string; matcher: PassageMatcher; found: Map<string, Array<{ id: string; as: string }>> } | null = null;

function matcherFor(passages: readonly Passage[]) {
  const key = JSON.stringify(passages);
  if (last?.key !== key) last = { key, matcher: new PassageMatcher(passages, MODES, { asWritten: true }), found: new Map() };
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
): PublicationBlocker[] {
  const lines = withheldLines(input);
  if (lines.length === 0) return [];
  const passages = lines.map((l, i) => ({ id: String(i), text: l.text }));
  const cache = matcherFor(passages);
  const seen = new Map<string, { where: string; as: string }>();
  const keep = new Set<string>();
  for (const s of doc.sections) {
    if (s.withheld || s.blocks.length === 0) continue;
    const text = s.blocks.map((b) => blockPlainText(b, doc.marker)).join('\n');
    keep.add(text);
    let found = cache.found.get(text);
    if (!found) {
      const norm = normaliseForMatch(text);
      found = cache.matcher.search(norm).map((h) => ({ id: h.passageId, as: sharedRun(norm, hitText(norm, h), h.at, lines[Number(h.passageId)]!.text) }));
      cache.found.set(text, found);
    }
    for (const hit of found) if (!seen.has(hit.id)) seen.set(hit.id, { where: headings.get(s.key) ?? s.title, as: hit.as });
  }
  for (const text of cache.found.keys()) if (!keep.has(text)) cache.found.delete(text);
  return lines.flatMap((line, i): PublicationBlocker[] => {
    const hit = seen.get(String(i));
    if (!hit) return [];
    return [
      {
        kind: 'withheld',
        flagId: `withheld:${line.key}`,
        excerpt: line.text,
        where: hit.where,
        ...(writtenAsFlagged(line.text, hit.as) ? {} : { printedAs: hit.as }),
        withheldIn: itemLabel(line.key),
      },
    ];
  });
}
