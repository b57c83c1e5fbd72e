import { foldAsCheck } from '../text/look-alikes';
import type { Apart } from './match-text';
import { around, FormsBeside, type FormBeside } from './variants';

/**
 * Other ways of writing the phone numbers and e-mail addresses of a flagged passage (an audit, 2026-12-07): a flagged
 * "+49 30 1234567" went out as "+49 (0)30 1234567" and "030 1234567", a flagged "+49 (0)30 1234567" as "+49 30
 * 1234567"; a flagged "jane.doe@acme.com" as "jane dot doe at acme dot com", "jane.doe [at] acme.com" and
 * "jane.doe(at)acme(dot)com", and an address flagged so went out plain. The matcher (match-text.ts) searches a flagged
 * passage in the forms given here too, on the flagged side only, as it does date-forms.ts's.
 *
 * Read on the passage as flagged, as reading (foldAsCheck) drops what marks a phone number or an address: the "+" and
 * the brackets of "(0)", the "@" and the dots. A form is the normalised passage with that number or address written
 * another way, and at most `context` words of it on each side (variants.ts).
 *
 * - A phone number: one that starts with "+" or "00" and a country code of its own, then at least six digits. It is
 *   written with and without the trunk "(0)" after the country code, and as dialled at home: the country code gone and
 *   a "0" in its place ("030 1234567"), or nothing where the number keeps its "0" abroad ("+39 06…": "06…"). Only the
 *   start of the number changes: the digits after it stay as flagged (the matcher finds them grouped otherwise). A
 *   number at home is not found after a country code ("+43 (0)30 1234567" is Austria's, not the flagged German one).
 *   Not for "+1" and "+7", whose trunk is not "0", nor for thousands ("+500 000 000": groups of three digits).
 * - An e-mail address: with "@" or "at", bracketed or not, and "." or "dot" between its parts ("jane.doe AT acme DOT
 *   com"). It is written with "@" (read: without it), and with "at" and its dots as points or as "dot": all of them,
 *   or the domain's only. "at" and "dot" are only read between the parts of an address that ends in a domain: "we met
 *   at noon" gives nothing, and every form holds the whole address, so an "at" of a sentence is never a hit alone.
 */

/** At most this many numbers and addresses of one passage get other forms, each on its own (date-forms.ts MAX_DATES). */
const MAX_CONTACTS = 5;

// ---- phone numbers -----------------------------------------------------------------------------------------------

/** The country codes of two and three digits (ITU-T E.164); "1" and "7" stand alone. "+12 500 000" is no phone number. */
const TWO_DIGIT_CODES = new Set('20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '));
const THREE_DIGIT_CODE = /^(?:2[1-689]|3[578]|42|5[09]|6[7-9]|8[0578]|9[679])\d$/;
export const isCountryCode = (cc: string) => (cc.length === 1 ? cc === '1' || cc === '7' : cc.length === 2 ? TWO_DIGIT_CODES.has(cc) : THREE_DIGIT_CODE.test(cc));

/**
 * "+" or "00", a country code standing on its own ("+4930" is not split), the trunk "(0)" or not, and the number's
 * digits in groups (single separators between them: a number is not read across a sentence).
 */
const PHONE = /(?<![\p{L}\p{N}+])(?<prefix>(?:\+|00)\s?(?<cc>\d{1,3})(?!\d)(?:\s?\(\s?0\s?\))?)(?<rest>[\s.\-/]?\(?\d+\)?(?:[\s.\-/]{1,2}\(?\d+\)?){0,8})/gu;
const MIN_DIGITS = 6;

function phoneForms(asFlagged: string, norm: string, context: number, count: () => boolean): Array<{ form: string; apart?: Apart }> {
  const out: Array<{ form: string; apart?: Apart }> = [];
  for (const m of asFlagged.matchAll(PHONE)) {
    const { prefix, cc, rest } = m.groups as { prefix: string; cc: string; rest: string };
    const groups = rest.match(/\d+/g) ?? [];
    // "+1" and "+7" are not read: their trunk is "1" and "8".
    if (cc.length === 1 || !isCountryCode(cc) || groups.join('').length < MIN_DIGITS || groups.every((g) => g.length === 3)) continue;
    // Where the number keeps its "0" abroad, it has no trunk to write: at home it is as after the country code.
    const keepsZero = groups[0]!.startsWith('0');
    const starts: Array<{ written: string; apart?: Apart }> = [{ written: `${cc} ` }, ...(keepsZero ? [] : [{ written: `${cc} 0 ` }]), { written: keepsZero ? '' : '0', apart: 'country_code_before' }];
    const head = `${foldAsCheck(prefix)} `;
    for (const at of wordsAt(norm, foldAsCheck(m[0]))) {
      if (!norm.startsWith(head, at)) continue;
      if (!count()) return out;
      for (const s of starts)
        for (const form of around(norm, at, at + head.length, [s.written], context))
          // The condition on a country code before it holds where the form starts with the number.
          out.push(s.apart !== undefined && at === 0 ? { form, apart: s.apart } : { form });
    }
  }
  return out;
}

// ---- e-mail addresses --------------------------------------------------------------------------------------------

/** A part of an address between its points ("jane", "doe", "acme"): bounded, so a long run is read in linear time. */
const LABEL = '[\\p{L}\\p{N}_%+\\-]{1,64}';
const BRACKETED = (word: string) => `\\s{0,3}[\\[({<]\\s{0,3}${word}\\s{0,3}[\\])}>]\\s{0,3}`;
const DOT = `(?:\\.|${BRACKETED('dot')}|\\s{1,3}dot\\s{1,3})`;
const AT = `(?:\\s{0,3}@\\s{0,3}|${BRACKETED('at')}|\\s{1,3}at\\s{1,3})`;
/** A name, "@" or "at", and a domain of at least two parts, the last of letters ("com", "uk"). */
const MAIL = new RegExp(`(?<![\\p{L}\\p{N}._%+\\-])(?<local>${LABEL}(?:${DOT}${LABEL}){0,7})${AT}(?<domain>${LABEL}(?:${DOT}${LABEL}){0,6}${DOT}\\p{L}{2,24})(?![\\p{L}\\p{N}])`, 'giu');
const DOTS = new RegExp(DOT, 'giu');

function mailForms(asFlagged: string, norm: string, context: number, count: () => boolean): Array<{ form: string; apart?: Apart }> {
  const out: Array<{ form: string; apart?: Apart }> = [];
  const parts = (s: string) => s.split(DOTS).map(foldAsCheck);
  for (const m of asFlagged.matchAll(MAIL)) {
    const name = parts(m.groups!.local!);
    const domain = parts(m.groups!.domain!);
    const [n, d] = [name.join(' '), domain.join(' ')];
    // Not "jane dot doe at acme.com": who spells out the name's points spells out the domain's. A shared mailbox's name
    // is an ordinary word ("info", "press"): "info at acme com" is also "more info at acme.com" (an audit of false
    // refusals, 2026-12-07), so its address is searched spelt out in full only.
    const generic = name.length === 1 && GENERIC_MAILBOXES.has(name[0]!);
    const written = new Set([
      `${n} ${d}`,
      ...(generic ? [] : [`${n} at ${d}`, `${n} at ${domain.join(' dot ')}`]),
      `${name.join(' dot ')} at ${domain.join(' dot ')}`,
    ]);
    const read = foldAsCheck(m[0]);
    for (const at of wordsAt(norm, read)) {
      if (!count()) return out;
      for (const form of around(norm, at, at + read.length, [...written], context)) out.push({ form });
    }
  }
  return out;
}

/** Names of shared mailboxes that are ordinary words of a sentence. */
const GENERIC_MAILBOXES = new Set(
  'info contact contacts press media support office team admin hello mail enquiries inquiries secretariat communication communications sales help news newsletter jobs careers legal privacy general feedback'.split(' '),
);

// ---- both --------------------------------------------------------------------------------------------------------

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `part` stands in `norm` as whole words. */
function wordsAt(norm: string, part: string): number[] {
  const out: number[] = [];
  if (part === '') return out;
  for (let at = norm.indexOf(part); at >= 0; at = norm.indexOf(part, at + 1))
    if (!WORD_CHAR.test(norm[at - 1] ?? '') && !WORD_CHAR.test(norm[at + part.length] ?? '')) out.push(at);
  return out;
}

/**
 * The other forms of `norm` (the normalised `asFlagged`), each with one of its phone numbers or e-mail addresses
 * written another way, with what may not stand beside it where it is found (`Apart`, match-text.ts).
 */
export function contactForms(asFlagged: string, norm: string, context = Infinity): FormBeside[] {
  let contacts = 0;
  const count = () => ++contacts <= MAX_CONTACTS;
  const out = new FormsBeside();
  for (const { form, apart } of [...phoneForms(asFlagged, norm, context, count), ...mailForms(asFlagged, norm, context, count)]) out.add(form, apart);
  out.delete(norm);
  return out.list();
}
