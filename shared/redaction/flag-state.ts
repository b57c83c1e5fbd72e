import type { SerializedDoc } from '../editor/doc-model';
import { sectionText } from './plain-text';
import type { PublicationBlocker, PublicDocument } from './public-model';
import { walkSection } from './walk';
import { bidiReadings } from '../text/bidi';
import { foldForReading } from '../text/fold';
import { SHORT_PASSAGE, wholeWord } from './whole-word';

/**
 * Where the flag records and the marks in the minutes meet. The marks decide what is redacted; a record in force
 * whose mark has gone while its text is still there is the dangerous case (an undo nobody noticed, a restore, a paste
 * as plain text): such a record stays in force, and the public summary is refused until the officer flags the text
 * again or lifts the flag explicitly. These functions are used by the backend (save, export) and by the preview.
 */
export interface FlagInForce {
  id: string;
  /** The flagged text as recorded; pieces of a flag across paragraphs are joined with "\n". */
  excerpt: string;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The pieces of a recorded excerpt where its mark is put back (applyFlags): its lines, white space folded, non-empty. */
export function excerptPieces(excerpt: string): string[] {
  return excerpt
    .split('\n')
    .map(fold)
    .filter((p) => p !== '');
}

/**
 * How "does this text still hold the passage" reads text. By default `foldForReading` (shared/text/fold.ts): a copy
 * with a soft hyphen, decomposed accents, a zero-width space or other punctuation reads the same. Where it decides
 * what is published, the caller passes `foldAsCheck` (shared/text/look-alikes.ts), which reads as the redaction check
 * does, look-alike letters of other scripts included: the flag states (a flag is not retired while the check would
 * still find its text) and the public summary's blockers. The default keeps that table out of the pages that only
 * need the marks (the minutes page loads this module at once).
 */
export type TextFold = (s: string) => string;

/**
 * Folded texts, kept for the calls of one synchronous run (a save asks about the same section text once per flag) and
 * dropped right after it: a long-running host must not hold whole sections' texts between saves.
 */
const folded = new Map<TextFold, Map<string, string>>();
function foldOnce(text: string, how: TextFold): string {
  if (folded.size === 0) void Promise.resolve().then(() => folded.clear());
  let cache = folded.get(how);
  if (!cache) folded.set(how, (cache = new Map<string, string>()));
  let out = cache.get(text);
  if (out === undefined) {
    if (cache.size >= 64) cache.clear();
    cache.set(text, (out = how(text)));
  }
  return out;
}

/**
 * Each line of the excerpt in each of its readings (a line under a right-to-left override reads as shown and as
 * stored: shared/text/bidi.ts): a line stands in a text when one of its readings does.
 */
const piecesRead = (excerpt: string, how: TextFold): string[][] =>
  excerpt
    .split('\n')
    .map((line) => bidiReadings(line).map((r) => foldOnce(r, how)).filter((p) => p !== ''))
    .filter((readings) => readings.length > 0);

/**
 * Whether a piece stands in a text (both read the same way): a piece under SHORT_PASSAGE characters only as a whole
 * word, as the redaction check reads it ("Meta" is not in "metadata", "AI" not in "said"), a longer one anywhere.
 */
function stands(piece: string, hay: string): boolean {
  return piece.length < SHORT_PASSAGE ? hay.includes(piece) && wholeWord(piece).test(hay) : hay.includes(piece);
}

/** Whether any piece (line) of the excerpt stands in the text, read as `how` reads it: a near copy counts. */
export function excerptIn(excerpt: string, text: string, how: TextFold = foldForReading): boolean {
  const hay = foldOnce(text, how);
  return piecesRead(excerpt, how).some((line) => line.some((p) => stands(p, hay)));
}

/** Whether EVERY piece (line) of the excerpt stands in one of the texts, read as `how` reads them. */
export function excerptWithin(excerpt: string, texts: readonly string[], how: TextFold = foldForReading): boolean {
  const hays = texts.map((t) => foldOnce(t, how));
  return piecesRead(excerpt, how).every((line) => line.some((p) => hays.some((h) => stands(p, h))));
}

/** Ids of the flag marks in the given sections. */
export function markedIds(sections: ReadonlyArray<{ content: SerializedDoc }>): Set<string> {
  const ids = new Set<string>();
  for (const s of sections) walkSection(s.content, 'section', (_shape, atoms) => atoms.forEach((a) => a.flagIds?.forEach((id) => ids.add(id))));
  return ids;
}

/**
 * The ids of the flag marks in a stored section's JSON text (as JSON.stringify wrote it), without parsing the whole
 * text: every `"ids":[…]` list is a flag node's (text cannot forge one: its quotes are escaped). Null when a list does
 * not read back as strings (an id holding "]"): the caller then parses the section. Extra ids are harmless (the caller
 * looks closer at what it finds), a missing one is not: `markedIds(JSON.parse(json))` is always a subset.
 */
export function flagIdsInJson(json: string): Set<string> | null {
  const ids = new Set<string>();
  for (const m of json.matchAll(/"ids":\[([^\]]*)\]/g)) {
    let list: unknown;
    try {
      list = JSON.parse(`[${m[1]}]`);
    } catch {
      return null;
    }
    for (const id of list as unknown[]) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/**
 * The ids of the flag marks in a section given as its JSON text: the quick scan (flagIdsInJson), else the section read
 * (`content`: the parsed text, parsed here when not given).
 */
export function flagIdsOfJson(json: string, content?: SerializedDoc): Set<string> {
  return flagIdsInJson(json) ?? markedIds([{ content: content ?? (JSON.parse(json) as SerializedDoc) }]);
}

/**
 * Flags in force that no mark covers any more although their text stands in a published section's minutes: each with
 * the heading under which it would appear. The minutes' own text is searched, not the redacted output: a passage
 * partly hidden by another flag would otherwise publish its other part. Empty means the summary may be published.
 */
export function unmarkedFlags(
  sections: ReadonlyArray<{ key: string; content: SerializedDoc }>,
  flags: readonly FlagInForce[],
  doc: PublicDocument,
  how: TextFold = foldForReading,
): PublicationBlocker[] {
  if (flags.length === 0) return [];
  const marked = markedIds(sections);
  const open = flags.filter((f) => !marked.has(f.id) && excerptPieces(f.excerpt).length > 0);
  if (open.length === 0) return [];
  const byKey = new Map(sections.map((s) => [s.key, s.content]));
  const texts: Array<{ where: string; text: string }> = [];
  for (const s of doc.sections) {
    const content = byKey.get(s.key);
    if (s.withheld || !content) continue;
    texts.push({ where: s.number ? `${s.number} ${s.title}` : s.title, text: sectionText(content) });
  }
  const out: PublicationBlocker[] = [];
  for (const f of open) {
    const hit = texts.find((t) => excerptIn(f.excerpt, t.text, how));
    if (hit) out.push({ kind: 'mark_missing', flagId: f.id, excerpt: f.excerpt, where: hit.where });
  }
  return out;
}
