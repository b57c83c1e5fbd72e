import { around, FormsBeside, type FormBeside } from './variants';

/**
 * Other ways of writing the figures of a flagged passage (an audit, 2026-12-05): a flagged "€12 million" went out as
 * "EUR 12 million", "12 million euros", "€12m" and "€12,000,000", a flagged "12.5%" as "12.5 per cent". The matcher
 * (match-text.ts) searches a flagged passage in the forms given here too, on the flagged side only.
 *
 * Read on normalised text (shared/text/look-alikes.ts foldAsCheck: lower case; a sign joined to its number, "€ 12"
 * reads "€12"; a decimal comma read as a point, "12,5" reads "12.5", and so digit groups: "12,000,000" reads
 * "12.000.000"). A figure is a number with a currency (a sign, a code or a word, before or after it), a scale
 * ("million", "m", "bn" …) or a percent. Its forms: the same amount with the currency as sign, code or word, before or
 * after; the scale as a word, an abbreviation, or in full digits ("12.000.000", and the other way), a whole number up to
 * twenty (and the tens, and a hundred) in words before a scale word ("three million"); a number in full digits
 * without currency also with its scale ("10,000 GPUs" as "10k GPUs"); a share with "%" or in words. Never another
 * amount, and never another currency: "$12 million" is another figure than "€12 million".
 *
 * A second audit (2026-12-08) found more readings out: an amount with cents or a trailing zero ("€500,000.00",
 * "€2.50 billion"), the scale in German or French with the currency after it ("480 Millionen Euro", "480 Mio. €",
 * "480 millions d'euros", "1,2 milliard d'euros"), a fraction sign ("€1½ million") and a figure in words ("three
 * million euros", "twelve per cent"). So an amount of money is also written with a second decimal zero (in its scale's
 * word and first abbreviation only) or with cents, and a figure flagged with such zeros is read without them; a scale
 * also in German and French; a number in words (up to ninety-nine, and a hundred) before a scale word or "per cent" is
 * read as the number it is. A fraction sign is read as its decimal by reading itself (shared/text/fold.ts: "€1½
 * million" reads "€1.5 million"), on both sides.
 *
 * Still out after that (an audit, 2026-12-07): a whole amount with ".0" before its scale ("€12.0 million"), a
 * share with a trailing zero ("12.50%"), a trailing zero before a German scale ("2,50 Mrd. Euro"), the French
 * abbreviation of milliard ("2,5 Md€", "2,5 Mds €") and a half in words ("one and a half million euros", "half a
 * million euros"). So a whole amount of money with a scale, and a share, are also written with ".0", a share with one
 * decimal with a second zero, a German scale with the zero too; "Md" and "Mds" are a scale when a currency is written
 * with the figure; and a half in words before a scale word is read, and written up to twenty and a half ("half a
 * million" also for "€500,000", the scale above a whole number as its fraction).
 *
 * A fourth audit (test/integration/zz-audit4-figures.test.ts): "EUR 12.0 mn", "EUR 12.0 mln", "€12.00
 * million", "a million and a half euros", "a half million euros" and "twenty-one and a half million euros" went out,
 * and "twenty-three million euros" was refused for a flagged "€3m". So a whole amount of money is also written with
 * ".0" before "mn", "mln" and "bln" and with ".00" (`zeroAmounts`), 1.5 also as "a million and a half", 0.5 also as "a
 * half million", a half up to ninety-nine and a half; and a number in words is read whole on both sides
 * (`numberInWordsGoesOn`). A sign is no longer written before a number in words ("€three million"): room for these.
 */

interface Currency {
  /** Joined to the number, before or after it ("€12", "12€"). */
  signs: readonly string[];
  /** Before the number, with or without a space, or after it ("eur 12", "eur12", "12 eur"). */
  codes: readonly string[];
  /** After the number ("12 euros"). */
  words: readonly string[];
  /**
   * After a scale written in German or in French (Scale.de, Scale.fr), as that language names it there: "480 Millionen
   * Euro", "480 millions d'euros" (with its sign or its code too: "480 Mio. €", "480 millions EUR").
   */
  de: readonly string[];
  fr: readonly string[];
}

const CURRENCIES: readonly Currency[] = [
  { signs: ['€'], codes: ['eur'], words: ['euro', 'euros'], de: ['euro'], fr: ['euros', 'd euros'] },
  { signs: ['$', 'us$'], codes: ['usd'], words: ['dollars', 'us dollars'], de: ['dollar', 'us dollar'], fr: ['dollars', 'de dollars'] },
  // Not "livres" alone after a number: books, as often as pounds.
  { signs: ['£'], codes: ['gbp'], words: ['pounds', 'pounds sterling'], de: ['pfund'], fr: ['de livres', 'livres sterling'] },
  // Not "francs" alone: the CFA franc is another currency.
  { signs: [], codes: ['chf'], words: ['swiss francs'], de: ['franken', 'schweizer franken'], fr: ['francs suisses', 'de francs suisses'] },
];

interface Scale {
  /** The power of ten. */
  zeros: number;
  /** Written as a word, after a space ("12 million"); the first is the English word. */
  words: readonly string[];
  /** Written joined to the number or after a space ("12m", "12 m"). */
  short: readonly string[];
  /** In German and in French, a word after a space with the currency after it ("480 Millionen Euro"): Currency.de, .fr. */
  de: readonly string[];
  fr: readonly string[];
}

// Not the German "Billion" nor the French "billion": a million millions, another amount than "€1.2 billion".
const SCALES: readonly Scale[] = [
  { zeros: 3, words: ['thousand'], short: ['k'], de: [], fr: [] },
  { zeros: 6, words: ['million', 'mio', 'mln'], short: ['m', 'mn', 'mm'], de: ['millionen', 'mio'], fr: ['millions'] },
  { zeros: 9, words: ['billion', 'mrd', 'mld', 'bln'], short: ['bn', 'b'], de: ['milliarden', 'mrd'], fr: ['milliard', 'milliards', 'md', 'mds'] },
  { zeros: 12, words: ['trillion'], short: ['tn'], de: [], fr: [] },
];

/**
 * Scale names read as a scale only with a currency written with the figure: the French "Md" and "Mds" ("2,5 Md€"),
 * which alone are man-days or a managing director ("20 MD of effort").
 */
const WITH_CURRENCY_ONLY: ReadonlySet<string> = new Set(['md', 'mds']);

const PERCENT_WORDS = ['per cent', 'percent', 'pc', 'pct'];

/** Escaped for a regular expression, but for a final "s?" (SCALE_NAMES: a plural). */
const escape = (s: string) => s.replace(/[.*+^${}()|[\]\\]/g, '\\$&').replace(/\?(?!$)/g, '\\?');
const alternatives = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');
const SIGNS = CURRENCIES.flatMap((c) => c.signs);
const CODES = CURRENCIES.flatMap((c) => c.codes);
const CURRENCY_WORDS = [...new Set(CURRENCIES.flatMap((c) => [...c.words, ...c.de, ...c.fr]))];
// "12 millions" (as French writes it) is read as "12 million" and found: the scale is read before its "s".
const SCALE_NAMES = [...new Set(SCALES.flatMap((s) => [...s.words.map((w) => (w.length > 3 ? `${w}s?` : w)), ...s.short, ...s.de, ...s.fr]))];

const UNITS = 'one two three four five six seven eight nine'.split(' ');
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/** Whole numbers as a text writes them in words before a scale ("three million", "twenty billion"). */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  [
    ...[...UNITS, ...'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' '), TENS[0]!].map((w, i) => [String(i + 1), w] as const),
    ...TENS.slice(1).map((w, i) => [String((i + 3) * 10), w] as const),
    ['100', 'one hundred'] as const,
  ],
);
/**
 * The other way ("three" is 3), and a ten with a unit as "twenty-five" reads ("twenty five"): read when flagged, not
 * written (a flagged "€25 million" is not searched as "twenty-five million").
 */
const WHOLE_VALUES: ReadonlyMap<string, string> = new Map([
  ...[...NUMBER_WORDS].map(([n, w]) => [w, n] as const),
  ...TENS.flatMap((t, i) => UNITS.map((u, j) => [`${t} ${u}`, String((i + 2) * 10 + j + 1)] as const)),
]);

/**
 * A half in words before a scale word ("one and a half million", "twenty-one and a half million", "half a million", "a
 * half million"): written for every whole number in words and its half (one form a number: the forms of a figure do not
 * grow), and "a million and a half" for 1.5 (`inWords`).
 */
const HALF_WORDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['0.5', ['half a', 'a half']],
  ...[...WHOLE_VALUES].map(([w, n]) => [`${n}.5`, [`${w} and a half`]] as const),
]);

/** Every number in words read as its digits: the whole ones and their halves ("twenty five and a half" is 25.5). */
const NUMBER_VALUES: ReadonlyMap<string, string> = new Map([
  ...WHOLE_VALUES,
  ['half a', '0.5'],
  ['a half', '0.5'],
  ...[...WHOLE_VALUES].map(([w, n]) => [`${w} and a half`, `${n}.5`] as const),
]);

const SCALE_WORDS = SCALES.map((s) => s.words[0]!);
const wordsOf = (xs: Iterable<string>) => alternatives([...xs]);
/**
 * A number in words that goes on before the one at a place (a number in words is read whole: "twenty-three" is 23,
 * never 3): a ten before a unit ("twenty three", "forty one and a half"), "hundred" (and "and") before a number ("one
 * hundred and twenty"), a number and "and" before "a half" ("one and a half million" is not "a half million").
 */
const UNIT_START = new RegExp(`^(?:${wordsOf(UNITS)})(?![\\p{L}])`, 'u');
const TEN_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${wordsOf(TENS)}) ?$`, 'u');
const HUNDRED_BEFORE = /(?:^|[^\p{L}])hundred(?: and)? ?$/u;
const A_HALF_START = /^a half(?![\p{L}])/u;
const NUMBER_AND_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${wordsOf(WHOLE_VALUES.keys())}) and ?$`, 'u');
/** A figure in words at the start of a text: a number in words (with "and a half") before a scale word. */
const FIGURE_IN_WORDS = new RegExp(
  `^(?:${wordsOf(NUMBER_VALUES.keys())})(?: and a half)? ?(?:${alternatives(SCALE_NAMES)})(?![\\p{L}\\p{N}])`,
  'u',
);

/**
 * Whether `text` (normalised) has at `from` a figure in words whose number goes on before it: "three million euros" in
 * "twenty three million euros" is another amount, as "8 million" in "998 million" (match-text.ts `insideNumber`), and
 * is read so on the flagged side too.
 */
export function numberInWordsGoesOn(text: string, from: number): boolean {
  const at = text.slice(from, from + 64);
  if (!FIGURE_IN_WORDS.test(at)) return false;
  const before = text.slice(Math.max(0, from - 40), from);
  if (UNIT_START.test(at) && TEN_BEFORE.test(before)) return true;
  if (A_HALF_START.test(at)) return NUMBER_AND_BEFORE.test(before);
  return HUNDRED_BEFORE.test(before);
}

/**
 * A figure in normalised text: a currency before (a sign joined, or a code), the number (digit groups and a decimal
 * part read with points; or a whole number in words), a scale, and a currency or a percent after
 * (a sign after a scale with a space: "480 mio €"). Not inside a word or a longer number.
 */
const FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N}.$])` +
    `(?:(?<sign>${alternatives(SIGNS)})|(?<code>${alternatives(CODES)}) ?)?` +
    `(?:(?<num>\\p{N}+(?:\\.\\p{N}+)*)|(?<word>${alternatives([...NUMBER_VALUES.keys()])}|a(?= (?:${alternatives(SCALE_WORDS)}) and a half))(?![\\p{L}\\p{N}]))` +
    `(?: ?(?<scale>${alternatives(SCALE_NAMES)})(?![\\p{L}\\p{N}])(?<andHalf> and a half(?![\\p{L}\\p{N}]))?)?` +
    `(?: ?(?<signAfter>${alternatives(SIGNS.filter((s) => s.length === 1))})|(?<percent>%| (?:${alternatives(PERCENT_WORDS)})(?![\\p{L}]))|` +
    ` (?<after>${alternatives([...CODES, ...CURRENCY_WORDS, 'dollar', 'pound'])})(?![\\p{L}]))?` +
    `(?![\\p{N}])`,
  'gu',
);

const SPACED_GROUPS = /(?<![\p{N}.])\p{N}{1,3}(?: \p{N}{3})+(?![\p{N}])/gu;

/** At most this many figures of one passage get other forms, each on its own (the forms multiply otherwise). */
const MAX_FIGURES = 3;

/**
 * The other forms of `flagged` (normalised, see above), each with one of its figures written another way, and at most
 * `context` words of it on each side of that figure (variants.ts).
 */
export function figureForms(flagged: string, context = Infinity): string[] {
  return figuresWritten(flagged, context).map((f) => f.form);
}

/**
 * `figureForms`, each form with what may not stand beside it where it is found (`Apart`, match-text.ts): an amount of
 * money written without a scale ("€2.50" read "€2.5") is another amount before one ("€2.5 billion": an audit of false
 * refusals, 2026-12-07), where the form ends with it.
 */
export function figuresWritten(flagged: string, context = Infinity): FormBeside[] {
  // "12 000 000€" (groups spaced): read as "12.000.000€", one number.
  const norm = flagged.replace(SPACED_GROUPS, (n) => n.replace(/ /g, '.'));
  const out = new FormsBeside();
  let figures = 0;
  for (const m of norm.matchAll(FIGURE)) {
    const g = m.groups!;
    const currency = currencyOf(g.sign ?? g.code ?? g.signAfter ?? g.after);
    const scale = g.scale === undefined ? null : scaleOf(g.scale);
    // A number in words only before a scale word ("three million", not "three m") or a share in words: "one" and "ten"
    // are everywhere.
    const scaleWord = scale !== null && !scale.short.includes(g.scale!);
    if (g.word !== undefined && !g.percent && !scaleWord) continue;
    if (scale !== null && WITH_CURRENCY_ONLY.has(g.scale!) && !currency) continue;
    // A part of a number in words is not a figure: "twenty three million" is 23 million, never 3 million.
    if (g.word !== undefined && g.sign === undefined && g.code === undefined && numberInWordsGoesOn(norm, m.index)) continue;
    const num = g.andHalf !== undefined ? halfMore(g.word === 'a' ? '1' : g.word !== undefined ? WHOLE_VALUES.get(g.word) : g.num) : g.word !== undefined ? NUMBER_VALUES.get(g.word)! : g.num!;
    // "a million and a half" is 1.5 million; "one and a half million and a half" is nothing.
    if (num === undefined) continue;
    // A bare number is a figure only in full digits in groups ("10.000 gpus" as "10k gpus"): any other is everywhere.
    if (!currency && !g.percent && !scale && !GROUPED.test(num)) continue;
    if (++figures > MAX_FIGURES) break;
    const amounts = amountForms(num, scale, currency ? 'money' : g.percent ? 'share' : null);
    if (amounts.length === 0) continue;
    const rarer = currency && scale ? zeroAmounts(num, scale).filter((a) => !amounts.includes(a)) : [];
    const forms = currency
      ? [...amounts.flatMap((a) => moneyForms(currency, a)), ...rarer.flatMap((a) => moneyForms(currency, a, true)), ...abroadForms(currency, num, scale)]
      : g.percent
        ? amounts.flatMap(percentForms)
        : amounts;
    const to = m.index + m[0].length;
    const apart = currency && !scale && to === norm.length ? ('scale_after' as const) : undefined;
    for (const f of around(norm, m.index, to, forms, context)) out.add(f, apart);
  }
  out.delete(flagged);
  out.delete(norm); // only its groups' spaces read as points: numberGroupings in match-text.ts has that form
  return out.list();
}

/** A whole number and a half ("2" → "2.5"), or nothing for another. */
function halfMore(whole: string | undefined): string | undefined {
  return whole !== undefined && /^\d+$/.test(whole) ? `${whole}.5` : undefined;
}

/** A scale right after a figure ("€2.5 billion", "€2.5bn"): read on normalised text (Apart 'scale_after'). */
export const SCALE_AFTER = new RegExp(`^ ?(?:${alternatives(SCALE_NAMES)})(?![\\p{L}\\p{N}])`, 'u');

/** The currency a sign, code or word names ("dollar" and "dollars" alike). */
function currencyOf(written: string | undefined): Currency | null {
  if (written === undefined) return null;
  const singular = (w: string) => w.replace(/s$/, '');
  return (
    CURRENCIES.find((c) => c.signs.includes(written) || c.codes.includes(written) || [...c.words, ...c.de, ...c.fr].some((w) => singular(w) === singular(written))) ?? null
  );
}

/** The scale a word or an abbreviation names, in English, German or French ("millions" as "million"). */
function scaleOf(written: string): Scale {
  return SCALES.find((s) => [s.words, s.short, s.de, s.fr].some((names) => names.includes(written)) || s.words.includes(written.replace(/s$/, '')))!;
}

/**
 * `amount` with the currency `c` in each way. A sign and a joined code go with digits ("€12m", "eur12m"), not with a
 * number in words: "€three million" and "eurthree million" are forms nobody writes (and every form of every figure
 * costs). The spoken orders "a half million" and "a million and a half" with the currency's word after only ("a half
 * million euros"; "EUR a half million" nobody writes). `fewer`: without the sign after and the joined code (found
 * spacing aside as "eur 12.0mn" is), for the rarer writings of a whole amount (`zeroAmounts`).
 */
function moneyForms(c: Currency, amount: string, fewer = false): string[] {
  const digits = /^\d/.test(amount);
  if (amount.startsWith('a ')) return c.words.map((w) => `${amount} ${w}`);
  return [
    ...(digits ? c.signs.map((s) => `${s}${amount}`) : []),
    ...(digits && !fewer ? c.signs.filter((s) => s.length === 1).map((s) => `${amount}${s}`) : []),
    ...c.codes.flatMap((code) => [`${code} ${amount}`, ...(digits && !fewer ? [`${code}${amount}`] : []), `${amount} ${code}`]),
    ...c.words.map((w) => `${amount} ${w}`),
  ];
}

/**
 * The amount `num` (of `scale`, or in full digits at the scale it reaches) as German and French write it, with the
 * currency after the scale word: "480 millionen euro", "480 mio€", "1.2 milliard d euros", "2.5 md€". Only in the scale
 * the amount is flagged in, not at the scale below or above. A sign after a space ("480 mio €") is found spacing aside.
 * The French "Md" and "Mds" with the sign or a word only ("2,5 Md€", "2,5 Mds d'euros"; "Md EUR" nobody writes), and
 * the amount with its zero ("2,50 Mrd. Euro", "12,0 Mio. €") in German with the sign or the first word, and in French
 * once ("2,50 milliards d'euros"): every form here is one more for every amount of money of every passage
 * (figure-forms.test.ts keeps them bounded).
 */
function abroadForms(c: Currency, num: string, scale: Scale | null): string[] {
  const plain = withoutTrailingZeros(num);
  const at = scale ? ([plain, scale] as const) : GROUPED.test(plain) ? atScale(plain) : null;
  if (!at || !/^\d+(?:\.\d+)?$/.test(at[0])) return [];
  const [n, s] = at;
  const signs = c.signs.filter((x) => x.length === 1);
  const after = (words: readonly string[]) => [...signs, ...words.map((w) => ` ${w}`)];
  const forms = [
    ...s.de.flatMap((w) => after([...c.codes, ...c.de]).map((a) => `${n} ${w}${a}`)),
    ...s.fr.flatMap((w) => after(WITH_CURRENCY_ONLY.has(w) ? c.fr : [...c.codes, ...c.fr]).map((a) => `${n} ${w}${a}`)),
  ];
  // As flagged ("2.50 mrd euro" flagged "€2.50bn"), or with a zero more (withZero: "2.50", "12.0"); in French in one
  // form only, the scale's word in the number it takes ("1,50 milliard", "2,50 milliards") and "d'euros".
  const zeros = n !== num && scale ? num : withZero(n, 'scaled');
  if (zeros !== null) {
    forms.push(...s.de.flatMap((w) => after(c.de.slice(0, 1)).map((a) => `${zeros} ${w}${a}`)));
    const fr = s.fr.find((w) => !WITH_CURRENCY_ONLY.has(w) && w.endsWith('s') === Number(n) >= 2);
    const of = c.fr.find((w) => /^de? /.test(w));
    if (fr !== undefined && of !== undefined) forms.push(`${zeros} ${fr} ${of}`);
  }
  return forms;
}

/** Full digits in groups ("480.000.000") at the largest scale they reach, if that has at most two decimals (480 million). */
function atScale(num: string): readonly [string, Scale] | null {
  const digits = num.replace(/\./g, '');
  const s = [...SCALES].reverse().find((x) => digits.length > x.zeros);
  if (!s) return null;
  const whole = digits.slice(0, digits.length - s.zeros);
  const frac = digits.slice(digits.length - s.zeros).replace(/0+$/, '');
  return frac.length <= 2 ? [frac ? `${whole}.${frac}` : whole, s] : null;
}

function percentForms(amount: string): string[] {
  const word = NUMBER_WORDS.get(amount);
  // "twelve per cent" for "12%", not "twelve pc".
  return [`${amount}%`, ...PERCENT_WORDS.map((w) => `${amount} ${w}`), ...(word ? [`${word} per cent`, `${word} percent`] : [])];
}

/**
 * A whole amount of money of `scale` as wires and tables also write it (the fourth audit: "EUR 12.0 mn", "EUR
 * 12.0 mln", "€12.00 million"): with ".0" before the abbreviations of WIRE_NAMES (a short one joined: "12.0 mn" is
 * found spacing aside), with ".00" before the scale's word, and with ".0" before its word and first abbreviation when
 * flagged with ".00". With the currency in fewer ways (`moneyForms`): each is one more form for every amount of money.
 */
function zeroAmounts(num: string, scale: Scale): string[] {
  const plain = withoutTrailingZeros(num);
  if (!/^\d+$/.test(plain)) return [];
  return [
    ...scale.words.filter((w) => WIRE_NAMES.has(w)).map((w) => `${plain}.0 ${w}`),
    ...scale.short.filter((w) => WIRE_NAMES.has(w)).map((w) => `${plain}.0${w}`),
    `${plain}.00 ${scale.words[0]!}`,
    `${plain}.0 ${scale.words[0]!}`,
    `${plain}.0${scale.short[0]!}`,
  ];
}
const WIRE_NAMES: ReadonlySet<string> = new Set(['mn', 'mln', 'bln']);

/**
 * `num` without the zeros that end its decimal part ("2.50" → "2.5", "12.0" → "12", "500.000.00" → "500.000"). A last
 * part of three digits is a digit group, not decimals ("2.500" stays: it is 2,500 as well as 2.5).
 */
function withoutTrailingZeros(num: string): string {
  const m = /^(\d+(?:\.\d{3})*)\.(\d{1,2}|\d{4,})$/.exec(num);
  if (!m) return num;
  const decimals = m[2]!.replace(/0+$/, '');
  return decimals ? `${m[1]!}.${decimals}` : m[1]!;
}

/**
 * An amount of money or a share `num` written with a zero more: with one decimal, a second ("2.5" as "2.50", "12.5%" as
 * "12.50%"); a whole one with a scale or a share, with ".0" ("€12.0 million", "12.0%"); a whole amount of money without
 * a scale, with cents ("500.000" as "500.000.00").
 */
function withZero(num: string, how: 'scaled' | 'cents' | 'share'): string | null {
  if (/^\d+\.\d$/.test(num)) return `${num}0`;
  if (how === 'cents') return /^\d+$/.test(num) || GROUPED.test(num) ? `${num}.00` : null;
  return /^\d+$/.test(num) ? `${num}.0` : null;
}

/**
 * The amount `num` (of `scale`, if written) in each way: every name of its scale and in full digits; an amount in
 * full digits also with a scale where that is exact ("12.000.000" as "12 million"). A number whose points cannot be
 * read as one amount gives none. Read without the zeros that end its decimals (a flagged "2.50 billion" is 2.5
 * billion, and is also searched as flagged); an amount of money, or a share without a scale (`zero`), also with a zero
 * more (`withZero`).
 */
function amountForms(num: string, scale: Scale | null, zero: 'money' | 'share' | null): string[] {
  if (scale) {
    // "12.5 million": a point is a decimal point. "2.500 million" (as "2,500 million" reads) is also a thousand
    // groups: English writes "€2,500 million", German "2,500 Mio." for 2.5 million; both are searched (fail-closed).
    if (/^\d{1,3}\.\d{3}$/.test(num)) return [num, num.replace('.', '')].flatMap((r) => scaledForms(r, scale));
    const plain = withoutTrailingZeros(num);
    const forms = scaledForms(plain, scale);
    // The other writing ("2.50" for "2.5"; as flagged for "2.50") in the scale's word and first abbreviation only:
    // every name of it doubled the forms of every figure.
    const zeros = plain !== num ? num : zero === 'money' ? withZero(plain, 'scaled') : null;
    if (zeros !== null && forms.length > 0) forms.push(`${zeros} ${scale.words[0]!}`, `${zeros}${scale.short[0]!}`);
    return forms;
  }
  // No scale: full digits in groups of three ("12.000.000"), or a number with a decimal part ("12.5%").
  const plain = withoutTrailingZeros(num);
  const zeros = plain !== num ? num : zero === null ? null : withZero(plain, zero === 'money' ? 'cents' : 'share');
  const forms = zeros === null ? [plain] : [plain, zeros];
  if (!GROUPED.test(plain)) return forms;
  const digits = plain.replace(/\./g, '');
  for (const s of SCALES) {
    if (digits.length <= s.zeros) continue;
    const whole = digits.slice(0, digits.length - s.zeros);
    const frac = digits.slice(digits.length - s.zeros).replace(/0+$/, '');
    if (frac.length <= 2) forms.push(...scaleForms(frac ? `${whole}.${frac}` : whole, s));
  }
  // Just under a whole one of the next scale up, as its fraction ("500.000" as "0.5 million", "half a million") with at
  // most two decimals, in its word and first abbreviation only (as scaledForms moves up); not "10.000" as "0.01 million".
  const above = SCALES.find((s) => digits.length === s.zeros);
  const fraction = above ? shiftPoint(digits, -above.zeros) : null;
  if (above && fraction !== null) forms.push(`${fraction} ${above.words[0]!}`, `${fraction}${above.short[0]!}`, ...inWords(fraction, above));
  return forms;
}

/**
 * `num` (a decimal number) of `scale` in each way: every name of the scale, in full digits, at the scale below when
 * it has a fraction ("2.5 billion" as "2500 million" and "2,500 million"), and at the scale above where that has at
 * most two decimals ("2500 million" as "2.5 billion", "450 thousand" as "0.45 million").
 */
function scaledForms(num: string, scale: Scale): string[] {
  const [whole, frac = '', ...rest] = num.split('.');
  if (rest.length > 0) return [];
  const forms = scaleForms(num, scale);
  if (frac.length <= scale.zeros) forms.push(grouped(`${whole}${frac.padEnd(scale.zeros, '0')}`.replace(/^0+(?=\d)/, '')));
  // Down only from a fraction ("12 million" is not written "12,000 thousand"), up only to at most two decimals.
  for (const [other, shift] of [
    [frac ? SCALES.find((x) => x.zeros === scale.zeros - 3) : undefined, 3],
    [SCALES.find((x) => x.zeros === scale.zeros + 3), -3],
  ] as const) {
    const moved = other && shiftPoint(num, shift);
    if (!other || moved === null || moved === undefined) continue;
    // In its word and first abbreviation only ("2,500 million", "2.5bn"): every name at every scale made a matcher of
    // twenty long passages full of figures take twice as long to build.
    for (const m of /^\d{4,}$/.test(moved) ? [moved, grouped(moved)] : [moved]) forms.push(`${m} ${other.words[0]!}`, `${m}${other.short[0]!}`);
    // "€500 million" as "half a billion", "€1,500 million" as "one and a half billion".
    forms.push(...inWords(moved, other));
  }
  return forms;
}

/** `num` with its decimal point moved `k` places right (left when negative), if it then has at most two decimals. */
function shiftPoint(num: string, k: number): string | null {
  const [whole, frac = ''] = num.split('.');
  const digits = `${whole}${frac}`;
  const point = whole!.length + k;
  const padded = point < 0 ? '0'.repeat(-point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 0);
  const intPart = padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0';
  const decimals = padded.slice(at).replace(/0+$/, '');
  if (decimals.length > 2) return null;
  return decimals ? `${intPart}.${decimals}` : intPart;
}

function scaleForms(num: string, s: Scale): string[] {
  return [...s.words.map((w) => `${num} ${w}`), ...s.short.flatMap((w) => [`${num}${w}`, `${num} ${w}`]), ...inWords(num, s)];
}

/**
 * `num` in words before the scale's word, if it has words: "three million", "one and a half million", "half a
 * million"; not "three m" nor "three mio".
 */
function inWords(num: string, s: Scale): string[] {
  const whole = NUMBER_WORDS.get(num);
  if (whole) return [`${whole} ${s.words[0]!}`];
  return [...(HALF_WORDS.get(num) ?? []).map((w) => `${w} ${s.words[0]!}`), ...(num === '1.5' ? [`a ${s.words[0]!} and a half`] : [])];
}

/** Full digits in groups of three, as normalised text reads "12,000,000" and "10,000": "12.000.000", "10.000". */
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;

/** Digits in groups of three, as normalised text reads "12,000,000": "12.000.000". */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}
