import type { SerializedDoc } from '../editor/doc-model';
import { withZonedTimestamps } from '../format/timestamps';
import { flaggedTexts } from './flagged-texts';
import { flaggedLinkUrls } from './redact';
import { urlKey } from './url-key';
import { walkSection } from './walk';

/**
 * Ends the id of a passage that is a flagged link's address (not its words): the refusal then names the address, as
 * that is what was found.
 */
export const LINK_ADDRESS = '#link';

/**
 * The forms of a flagged link's address searched for: as written, and as urlKey reads it (no scheme or "mailto:", no
 * "www.", fragment or trailing slash), which is also found inside the address with a query added or typed out as text
 * ("dataroom.example.com/deal", "jane.doe@acme.com"). An audit found those published (2026-12-05).
 */
export function addressForms(url: string): string[] {
  const key = urlKey(url);
  return key && key !== url ? [url, key] : [url];
}

/**
 * The text a paste leaves where an image was (renderer/editor/paste.ts, IMAGE_OMITTED): images are never published,
 * and neither is their placeholder.
 */
export const IMAGE_PLACEHOLDER = '[image omitted]';

/** A text as the public summary prints it: without the image placeholder (public-summary.ts clean, and the check). */
export function withoutImagePlaceholder(text: string): string {
  return text.split(IMAGE_PLACEHOLDER).join('').replace(/ {2,}/g, ' ');
}

/** A line break with a letter or a figure on each side, or a hyphen before it ("Blue-⏎bird": a word hyphenated at the end of a line). */
const WORD_CUT_BY_BREAK = /(?<=[\p{L}\p{N}])-?\n(?=[\p{L}\p{N}])/gu;

/** A passage the redaction check must not find in a public file; `id` names its flag(s), joined with "+" (LINK_ADDRESS after). */
export interface ForbiddenPassage {
  id: string;
  text: string;
}

/**
 * What the redaction check searches every public file for (the public summary, the public register, the member list):
 * one source, so no public document is checked for less than another.
 * - every flagged passage of the given stored sections, withheld ones included, each paragraph of a passage on its own
 *   (a flag across paragraphs is searched piece by piece: a title may hold one of them), and where a line break cuts a
 *   word, that word whole;
 * - the URL of every link that holds or touches flagged content (the builders drop such a link's target meeting-wide;
 *   a URL that still came through, as a link or typed as text, stops the file);
 * - the recorded text of every flag that still guards text (`guardsText` in shared/domain/flags-labels.ts: in force,
 *   whether or not its mark is still there, or retired because its text was removed), each line on its own.
 * Each also as the public summary prints it, where that differs from how it is stored (an audit found short copies
 * published, 2026-12-07): without the image placeholder a paste left in it, and, given the body's `timeZone`, with its
 * timestamps in that zone (a clock set otherwise typed "[09:02]" where the summary prints "[10:02]").
 * Throws a RedactionError on content the redaction cannot judge (as flaggedTexts does).
 */
export function forbiddenPassages(
  sections: Iterable<SerializedDoc>,
  inForce: ReadonlyArray<{ id: string; excerpt: string }>,
  opts: { timeZone?: string } = {},
): ForbiddenPassage[] {
  const out: ForbiddenPassage[] = [];
  const add = (id: string, text: string) => {
    // A line break between two letters or figures cuts a word ("Blue⏎bird", "Blue-⏎bird"): the word whole is searched
    // too, as the pieces on their own are other, shorter words (audits, 2026-12-07).
    const joined = text.replace(WORD_CUT_BY_BREAK, '');
    const pieces = text.split('\n');
    if (joined !== text) pieces.push(...joined.split('\n').filter((piece) => !pieces.includes(piece)));
    for (const piece of pieces) {
      if (!piece.trim()) continue;
      out.push({ id, text: piece });
      const printed = withoutImagePlaceholder(piece);
      if (printed !== piece && printed.trim()) out.push({ id, text: printed });
    }
  };
  for (const content of sections) {
    const flagged = flaggedTexts(content);
    for (const f of flagged) add(f.ids.join('+'), f.text);
    if (opts.timeZone && flagged.length > 0) {
      const stored = new Set(flagged.map((f) => f.text));
      for (const f of flaggedTexts(withZonedTimestamps(content, opts.timeZone))) if (!stored.has(f.text)) add(f.ids.join('+'), f.text);
    }
    walkSection(content, 'section', (_shape, atoms) => {
      for (const { url, flagIds } of flaggedLinkUrls(atoms)) for (const form of addressForms(url)) add(`${flagIds.join('+')}${LINK_ADDRESS}`, form);
    });
  }
  for (const f of inForce) add(f.id, f.excerpt);
  return out;
}

