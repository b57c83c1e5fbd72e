import { around } from './variants';

/**
 * Other ways of writing a flagged power of ten (a review, 2026-12-05): a model's training compute, the figure the
 * Code's signatories report in confidence, is written "3×10^25 FLOP", "3x10^25", "3e25", "3E+25", "3.0×10^25" or with
 * the exponent raised ("3 × 10²⁵"). A flagged one went out written another way. The matcher (match-text.ts) searches a
 * flagged passage in the forms given here too, on the flagged side only.
 *
 * Read on normalised text (match-text.ts normaliseForMatch): "×", "*", "·" and "^" read as spaces ("3 10 25"), a
 * letter x stays ("3x10 25", "3 x 10 25"), e-notation reads "3e25" or, with a sign, "3e 25", and a raised exponent is
 * folded to digits joined to the ten ("3 1025"), which is read only when made, not when found (it is also a number).
 * A power is a mantissa (optional: "10^26") times ten to an exponent of one to three digits. Its forms: each of those
 * writings, with the mantissa as written, a whole one also with ".0" and the other way, and a mantissa of one also
 * left out or written. Never another exponent, nor another mantissa, but for one cost: a flagged mantissa of one is
 * searched without it ("1e26 FLOP" as "10 26 flop"), which is also in "5×10^26 FLOP" (fail-closed; the preview names
 * where). "10 25" alone reads as a power too (it is what "10^25" reads): that only adds forms nobody writes otherwise.
 */
const POWER = /(?<![\p{L}\p{N}.])(?:(?<m>\p{N}+(?:\.\p{N}+)?)(?:(?: ?x ?| )10 (?<times>\p{N}{1,3})|e ?(?<e>\p{N}{1,3}))|10 (?<bare>\p{N}{1,3}))(?![\p{L}\p{N}])/gu;

/** At most this many powers of one passage get other forms, each on its own (the forms multiply otherwise). */
const MAX_POWERS = 3;

/**
 * The other forms of `flagged` (normalised), each with one of its powers of ten written another way, and at most
 * `context` words of it on each side of that power (variants.ts).
 */
export function powerForms(flagged: string, context = Infinity): string[] {
  const out = new Set<string>();
  let powers = 0;
  for (const m of flagged.matchAll(POWER)) {
    if (++powers > MAX_POWERS) break;
    const g = m.groups!;
    const exponent = g.times ?? g.e ?? g.bare!;
    const forms = mantissas(g.m).flatMap((x) => writings(x, exponent));
    for (const f of around(flagged, m.index, m.index + m[0].length, forms, context)) out.add(f);
  }
  out.delete(flagged);
  return [...out];
}

/** The mantissa as written and its equals: "3" and "3.0"; "1", "1.0" and none (""). */
function mantissas(m: string | undefined): string[] {
  if (m === undefined || /^1(?:\.0+)?$/u.test(m)) return ['', '1', '1.0'];
  const whole = /^(\p{N}+)(?:\.0+)?$/u.exec(m);
  return whole ? [whole[1]!, `${whole[1]!}.0`] : [m];
}

/** Each way of writing `m` times ten to `n`, normalised; with no mantissa, ten to `n` alone. */
function writings(m: string, n: string): string[] {
  if (m === '') return [`10 ${n}`, `10${n}`];
  return [`${m} 10 ${n}`, `${m}x10 ${n}`, `${m} x 10 ${n}`, `${m}e${n}`, `${m}e ${n}`, `${m} 10${n}`, `${m}x10${n}`];
}
