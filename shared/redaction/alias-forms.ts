import { BRACKETED } from './name-forms';
import { urlKey } from './url-key';

/**
 * Other names of what a flagged passage names (a review, 2026-12-05): minutes define an abbreviation at a name's
 * first mention and use it after ("Northfield Analytics (NFA) … NFA's model"), and an officer flags the first
 * mention; an address typed in a flagged passage is written elsewhere without its scheme ("https://dataroom.acme.eu/deal"
 * as "dataroom.acme.eu/deal"). Both went out: the check searched the passage as flagged. The matcher (match-text.ts
 * `spellings`) also searches the forms given here, on the flagged side only.
 *
 * - An abbreviation defined in brackets: a passage that is only a name and, in brackets, one word that abbreviates
 *   it ("Northfield Analytics (NFA)"), or the other way round ("NFA (Northfield Analytics)"), gives each alone. A
 *   bracket that does not abbreviate what it follows ("Jane Roe (NFA)": her organisation; "(UK)") gives nothing.
 * - An address: each in the passage (with a scheme or "www."), as `urlKey` reads it (no scheme, "www.", user, port,
 *   fragment or trailing slash), when that is at least MIN_ADDRESS characters.
 * What is given must still be searched by the matcher's rules (a short one as a whole word, "NFA"; none of two letters).
 */
/** One word of two to ten letters or digits (an inner "&", "-" or "." allowed), with a capital: "NFA", "GfM", "G7". */
const ABBREVIATION = /^(?=[^\s]*\p{Lu})[\p{L}\p{N}][\p{L}\p{N}&.-]{1,9}$/u;
/** Articles before a name's first word, which its abbreviation leaves out ("the European Compute Alliance (ECA)"). */
const ARTICLE = /^(?:the|a|an|die|der|das|le|la|les|l'|el|los|las|il|lo|gli|de|het|een)\s+/iu;
/**
 * Abbreviations that are also everyday words: searched alone as a whole word, "WHO" would stop every summary with
 * "who" in it. Such an abbreviation is not given (the name it stands for still is); flagged itself, it is searched.
 */
const EVERYDAY = new Set(
  [
    'a an and are art act all any as at be but by can did do eu for had has he her his how if in is it its may me new',
    'no not of on one or our out per she so the to two up us use via was we who why yes you',
  ]
    .join(' ')
    .split(' '),
);
/** With a scheme (of at most 20 characters: an unbounded one read a flag of 50,000 "a.a.a…" in quadratic time) or "www.". */
const ADDRESS = /\b(?:[a-z][a-z0-9+.-]{0,20}:\/\/|www\.)[^\s<>"'\u201C\u201D]+/giu;
/** A name and its abbreviation in brackets is short: a longer passage is not read for one. */
const MAX_DEFINITION = 200;
const MIN_ADDRESS = 8;

/** The other forms of `text` (as flagged): the name or abbreviation it defines, and each address without its scheme. */
export function aliasForms(text: string): string[] {
  const t = text.trim().replace(/[.;:,]+$/u, '');
  const out = new Set<string>();
  const m = t.length <= MAX_DEFINITION && t.endsWith(')') ? BRACKETED.exec(t) : null;
  if (m) {
    const [head, inner] = [m[1]!.trim(), m[2]!.trim()];
    const [short, long] = ABBREVIATION.test(inner) && abbreviates(inner, head) ? [inner, head] : ABBREVIATION.test(head) && abbreviates(head, inner) ? [head, inner] : [];
    if (short !== undefined && long !== undefined) {
      if (!EVERYDAY.has(short.toLowerCase())) out.add(short);
      out.add(long);
    }
  }
  for (const a of t.matchAll(ADDRESS)) {
    const key = urlKey(a[0].replace(/[.,;:!?)\]]+$/u, ''));
    if (key.length >= MIN_ADDRESS) out.add(key);
  }
  out.delete(t);
  return [...out];
}

/**
 * Whether `short` abbreviates `long` (the test of Schwartz and Hearst, 2003, for abbreviations defined in brackets):
 * each of its letters and digits is in `long`, in order, read from the end; its first is at the start of `long`'s
 * first word (an article aside). So "NFA" abbreviates "Northfield Analytics", "AN" and "FA" do not; nor a long form
 * of more words than the abbreviation could stand for.
 */
export function abbreviates(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const l = long.trim().replace(ARTICLE, '').toLowerCase();
  const words = l.split(/\s+/u).length;
  if (s.length < 2 || words > Math.min(s.length + 5, s.length * 2)) return false;
  let j = l.length - 1;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i]!;
    // The first letter only at the start of the long form; the others anywhere before the letter matched after them.
    if (i === 0) return l.startsWith(c) && j >= 0;
    while (j >= 0 && l[j] !== c) j--;
    if (j < 0) return false;
    j--;
  }
  return false;
}
