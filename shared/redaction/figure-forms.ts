import { around } from './variants';

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
 */

interface Currency {
  /** Joined to the number, before or after it ("€12", "12€"). */
  signs: readonly string[];
  /** Before the number, with or without a space, or after it ("eur 12", "eur12", "12 eur"). */
  codes: readonly string[];
  /** After the number ("12 euros"). */
  words: readonly string[];
}

const CURRENCIES: readonly Currency[] = [
  { signs: ['€'], codes: ['eur'], words: ['euro', 'euros'] },
  { signs: ['$', 'us$'], codes: ['usd'], words: ['dollars', 'us dollars'] },
  { signs: ['£'], codes: ['gbp'], words: ['pounds', 'pounds sterling'] },
  { signs: [], codes: ['chf'], words: ['swiss francs'] },
];

interface Scale {
  /** The power of ten. */
  zeros: number;
  /** Written as a word, after a space ("12 million"); the first is the English word. */
  words: readonly string[];
  /** Written joined to the number or after a space ("12m", "12 m"). */
  short: readonly string[];
}

const SCALES: readonly Scale[] = [
  { zeros: 3, words: ['thousand'], short: ['k'] },
  { zeros: 6, words: ['million', 'mio', 'mln'], short: ['m', 'mn', 'mm'] },
  { zeros: 9, words: ['billion', 'mrd', 'mld', 'bln'], short: ['bn', 'b'] },
  { zeros: 12, words: ['trillion'], short: ['tn'] },
];

const PERCENT_WORDS = ['per cent', 'percent', 'pc', 'pct'];

/** Escaped for a regular expression, but for a final "s?" (SCALE_NAMES: a plural). */
const escape = (s: string) => s.replace(/[.*+^${}()|[\]\\]/g, '\\$&').replace(/\?(?!$)/g, '\\?');
const alternatives = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');
const SIGNS = CURRENCIES.flatMap((c) => c.signs);
const CODES = CURRENCIES.flatMap((c) => c.codes);
const CURRENCY_WORDS = CURRENCIES.flatMap((c) => c.words);
// "12 millions" (as French writes it) is read as "12 million" and found: the scale is read before its "s".
const SCALE_NAMES = SCALES.flatMap((s) => [...s.words.map((w) => (w.length > 3 ? `${w}s?` : w)), ...s.short]);

/**
 * A figure in normalised text: a currency before (a sign joined, or a code), the number (digit groups and a decimal
 * part read with points), a scale, and a currency or a percent after. Not inside a word or a longer number.
 */
const FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N}.$])` +
    `(?:(?<sign>${alternatives(SIGNS)})|(?<code>${alternatives(CODES)}) ?)?` +
    `(?<num>\\p{N}+(?:\\.\\p{N}+)*)` +
    `(?: ?(?<scale>${alternatives(SCALE_NAMES)})(?![\\p{L}\\p{N}]))?` +
    `(?:(?<signAfter>${alternatives(SIGNS.filter((s) => s.length === 1))})|(?<percent>%| (?:${alternatives(PERCENT_WORDS)})(?![\\p{L}]))|` +
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
  // "12 000 000€" (groups spaced): read as "12.000.000€", one number.
  const norm = flagged.replace(SPACED_GROUPS, (n) => n.replace(/ /g, '.'));
  const out = new Set<string>();
  let figures = 0;
  for (const m of norm.matchAll(FIGURE)) {
    const g = m.groups!;
    const currency = currencyOf(g.sign ?? g.code ?? g.signAfter ?? g.after);
    // A bare number is a figure only in full digits in groups ("10.000 gpus" as "10k gpus"): any other is everywhere.
    if (!currency && !g.percent && !g.scale && !GROUPED.test(g.num!)) continue;
    if (++figures > MAX_FIGURES) break;
    const amounts = amountForms(g.num!, g.scale ?? null);
    if (amounts.length === 0) continue;
    const forms = currency ? amounts.flatMap((a) => moneyForms(currency, a)) : g.percent ? amounts.flatMap(percentForms) : amounts;
    for (const f of around(norm, m.index, m.index + m[0].length, forms, context)) out.add(f);
  }
  out.delete(flagged);
  out.delete(norm); // only its groups' spaces read as points: numberGroupings in match-text.ts has that form
  return [...out];
}

/** The currency a sign, code or word names ("dollar" and "dollars" alike). */
function currencyOf(written: string | undefined): Currency | null {
  if (written === undefined) return null;
  const singular = (w: string) => w.replace(/s$/, '');
  return CURRENCIES.find((c) => c.signs.includes(written) || c.codes.includes(written) || c.words.some((w) => singular(w) === singular(written))) ?? null;
}

function moneyForms(c: Currency, amount: string): string[] {
  return [
    ...c.signs.map((s) => `${s}${amount}`),
    ...c.signs.filter((s) => s.length === 1).map((s) => `${amount}${s}`),
    ...c.codes.flatMap((code) => [`${code} ${amount}`, `${code}${amount}`, `${amount} ${code}`]),
    ...c.words.map((w) => `${amount} ${w}`),
  ];
}

function percentForms(amount: string): string[] {
  return [`${amount}%`, ...PERCENT_WORDS.map((w) => `${amount} ${w}`)];
}

/**
 * The amount `num` (with `scale`, if written) in each way: every name of its scale and in full digits; an amount in
 * full digits also with a scale where that is exact ("12.000.000" as "12 million"). A number whose points cannot be
 * read as one amount gives none.
 */
function amountForms(num: string, scaleName: string | null): string[] {
  const scale = scaleName === null ? null : SCALES.find((s) => s.words.includes(scaleName) || s.words.includes(scaleName.replace(/s$/, '')) || s.short.includes(scaleName))!;
  if (scale) {
    // "12.5 million": a point is a decimal point. "2.500 million" (as "2,500 million" reads) is also a thousand
    // groups: English writes "€2,500 million", German "2,500 Mio." for 2.5 million; both are searched (fail-closed).
    const readings = /^\d{1,3}\.\d{3}$/.test(num) ? [num, num.replace('.', '')] : [num];
    return readings.flatMap((r) => scaledForms(r, scale));
  }
  // No scale: full digits in groups of three ("12.000.000"), or a number with a decimal part ("12.5%").
  if (!GROUPED.test(num)) return [num];
  const digits = num.replace(/\./g, '');
  const forms = [num];
  for (const s of SCALES) {
    if (digits.length <= s.zeros) continue;
    const whole = digits.slice(0, digits.length - s.zeros);
    const frac = digits.slice(digits.length - s.zeros).replace(/0+$/, '');
    if (frac.length <= 2) forms.push(...scaleForms(frac ? `${whole}.${frac}` : whole, s));
  }
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
  const word = NUMBER_WORDS.get(num);
  return [
    ...s.words.map((w) => `${num} ${w}`),
    ...s.short.flatMap((w) => [`${num}${w}`, `${num} ${w}`]),
    // "three million", not "three m" nor "three mio".
    ...(word ? [`${word} ${s.words[0]!}`] : []),
  ];
}

/** Whole numbers as a text writes them in words before a scale ("three million", "twenty billion"). */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  [
    ...'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ').map((w, i) => [String(i + 1), w] as const),
    ...'thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [String((i + 3) * 10), w] as const),
    ['100', 'one hundred'] as const,
  ],
);

/** Full digits in groups of three, as normalised text reads "12,000,000" and "10,000": "12.000.000", "10.000". */
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;

/** Digits in groups of three, as normalised text reads "12,000,000": "12.000.000". */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}
