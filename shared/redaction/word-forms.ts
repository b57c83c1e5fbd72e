import { around } from './variants';

/**
 * Other forms of a flagged passage's words (a review, 2026-12-05): a summary writer keeps the words but not always
 * their form. A flagged "10,000 H100 GPUs" went out as "10,000 H100 GPU nodes", "the Bluebird models" as "the
 * Bluebird model", a model's version "Bluebird v2.1" as "Bluebird 2.1" or "Bluebird version 2.1". The matcher
 * (match-text.ts) searches a flagged passage in the forms given here too, on the flagged side only.
 *
 * Read on normalised text (lower case, hyphens read as spaces):
 * - The last word in the singular: its plural ending cut ("gpus" → "gpu", "companies" → "compan", "boxes" → "box"),
 *   and the word without its "s" and, for "-ies", with "y" ("boxe", "companie", "company"). The matcher finds a
 *   passage as the start of a longer word too, so the cut stem also finds "company"; but a passage under 8 characters
 *   is searched as whole words, hence the whole singulars. With the passage's other words before it, little else. A
 *   word that ends so without being a plural ("status", "analysis") gives a stem that finds it too; "…ss" gives none.
 *   Not a passage of one word.
 * - A version after a name: "v2.1", "v 2.1", "version 2.1", or the number alone after the name ("bluebird 2.1").
 *   Never a version without a name before it: "2.1" alone is any number.
 */
const PLURAL = /(?<=\p{L}{2})(?:ies|es|s)$/u;
/** Never a plural ("access"); other words that end so without being one ("status") only give a form that finds them too. */
const NOT_PLURAL = /ss$/u;
const VERSION = /(?<=\S )(?:v|version) ?(\p{N}+(?:\.\p{N}+)*)(?![\p{L}\p{N}])/gu;
/** At most this many versions of one passage get other forms. */
const MAX_VERSIONS = 3;

/** The other forms of `flagged` (normalised), with at most `context` words of it on each side of what changed. */
export function wordForms(flagged: string, context = Infinity): string[] {
  const out = new Set<string>();
  const last = /(?<= )[\p{L}\p{N}]+$/u.exec(flagged);
  if (last && last[0].length >= 3 && !NOT_PLURAL.test(last[0])) {
    const cut = PLURAL.exec(last[0]);
    // The stem, and the word without its "s" ("boxes": "box", "boxe"; "companies": "compan", "companie", "company"):
    // a short passage is searched as whole words, where a stem does not find the longer word.
    const w = last[0];
    const singulars = cut ? [w.slice(0, cut.index), w.slice(0, -1), ...(cut[0] === 'ies' ? [`${w.slice(0, -3)}y`] : [])] : [];
    for (const f of around(flagged, last.index, flagged.length, [...new Set(singulars)], context)) out.add(f);
  }
  let versions = 0;
  for (const m of flagged.matchAll(VERSION)) {
    if (++versions > MAX_VERSIONS) break;
    const n = m[1]!;
    for (const f of around(flagged, m.index, m.index + m[0].length, [`v${n}`, `v ${n}`, `version ${n}`, n], context)) out.add(f);
  }
  out.delete(flagged);
  return [...out];
}
