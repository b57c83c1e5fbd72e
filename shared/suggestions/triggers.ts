/**
 * Figures: the amounts, percentages, dates and numbers in digits that, in a member's statement, make a passage look
 * commercially sensitive (business words are lemma patterns now: concepts.ts). Numbers are found by one linear scan and classified by their
 * immediate neighbourhood (bounded windows), so that references ("item 3.2", "Article 53(1)"), times ("10:00"),
 * procedural counts ("25 signatories", "two-thirds majority", "50% of members"), product versions ("Gemini 2.5")
 * and past dates are not mistaken for business figures.
 */
import {
  BEFORE_MAY, COUNT_NOUNS, MONTHS_ABBR, MONTHS_FULL, MONTH_INDEX, PROCEDURAL_PERCENT, REFERENCE_WORDS, RELATIVE_DATES,
  SKIPPABLE_BEFORE, WORD_AMOUNTS,
} from './lexicon';
import { wordMatches, wordRegex } from './matchers';
import type { Span } from './sentences';

export type TriggerKind = 'amount' | 'percent' | 'date' | 'figure' | 'duration' | 'word';

export interface Trigger {
  start: number;
  end: number;
  kind: TriggerKind;
  /** A strong trigger alone is enough; weak ones count when there are two different ones. */
  strong: boolean;
  text: string;
}

// Every alternative of these lists starts with an ASCII word character, so `\b` can open them (see wordRegex).
const words = (list: readonly string[]) => wordRegex(list, true);
const AMOUNT_WORDS_RE = words(WORD_AMOUNTS);
const YEAR = '(?:19|20)\\d{2}';
const ORD = '(?:st|nd|rd|th)?';
const MONTH = `(?:${MONTHS_FULL}|(?:${MONTHS_ABBR})\\.?(?=[\\s-]*\\d)|(?<=(?:${BEFORE_MAY})[\\s-]+)may|may(?=\\s+\\d))`;
const DATE_RE = wordRegex(
  [
    `\\d{1,2}${ORD}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+${YEAR})?`,
    `${MONTH}\\s+\\d{1,2}${ORD}(?:,?\\s+${YEAR})?(?!\\d)`,
    `${MONTH}(?:\\s+${YEAR})?`,
    `(?:q[1-4]|h[12])(?:\\s+${YEAR}|[\\s'/-]\\d{2}(?!\\d))?`,
    `fy\\s?(?:\\d{4}|\\d{2})`,
    `(?:early|mid|late)[\\s-]+${YEAR}`,
    ...RELATIVE_DATES.map((r) => `${r}(?:\\s+(?:of\\s+)?${YEAR})?`),
  ],
  true,
);
const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
const GLUED_UNIT = /^(?:bn|mn|m|k|b|tn|x|eur|usd)(?![\p{L}\p{N}])/iu;
const TIME_AFTER = /^(?:[:.h]\d{2}(?!\d)|\s?(?:am|pm|cet|cest|hrs?|h)(?![\p{L}]))/iu;
const CURRENCY_BEFORE = /(?:[€$£]|(?<![\p{L}])(?:eur|usd|gbp|chf|euros?|dollars?))\s?$/iu;
const UNIT_AFTER = /^\s?(?:(?:million|billion|trillion|thousand|mn|bn|tn|m|k)(?![\p{L}])|(?:eur|euros?|usd|dollars?|gbp)(?![\p{L}])|[€$£])/iu;
const PERCENT_AFTER = /^\s?(?:%|per\s?cent(?![\p{L}])|percent(?![\p{L}])|percentage\s+points?(?![\p{L}])|pp(?![\p{L}]))/iu;
const DURATION_AFTER =
  /^(?:(?:,|\s+and|\s+or|\s+to|-|–)\s?\d+(?:[.,]\d+)?)*(?:\s|-)?(?:working\s|calendar\s|business\s)?(?:days?|weeks?|months?|years?|hours?|minutes?|hrs?)(?![\p{L}])/iu;
const FLOP_AFTER = /^\s?flops?(?![\p{L}])/iu;
const TOKEN_RE = /[\p{L}]+(?:-[\p{L}]+)*|\d+(?:[.,]\d+)*|\S/gu;
const WORD_AFTER = /^\s+(?:out\s+of\s+\d+\s+)?([\p{L}]+(?:-[\p{L}]+)*)/u;

function isUpperLetter(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLetter(c: string | undefined): boolean {
  return c !== undefined && c.toLowerCase() !== c.toUpperCase();
}

/** Year*12+month of the last month a date expression covers, or null when it names no year. */
function lastMonthOf(expr: string): number | null {
  const y = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(expr);
  if (!y) return null;
  const year = Number(y[1]);
  const lower = expr.toLowerCase();
  let month = 12;
  const q = /(?:^|[^\p{L}])q([1-4])/u.exec(lower);
  const h = /(?:^|[^\p{L}])h([12])/u.exec(lower);
  const m = /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.exec(lower);
  if (q) month = Number(q[1]) * 3;
  else if (h) month = Number(h[1]) * 6;
  else if (m) month = MONTH_INDEX[m[1]!]!;
  else if (/early/.test(lower)) month = 4;
  else if (/mid/.test(lower)) month = 8;
  else if (/spring/.test(lower)) month = 5;
  else if (/summer/.test(lower)) month = 8;
  else if (/autumn/.test(lower)) month = 11;
  else if (/first half/.test(lower)) month = 6;
  return year * 12 + month;
}

/** The last word before `pos` that is not a number, a connective or punctuation, within a short window. */
function wordBefore(text: string, pos: number): string | null {
  const window = text.slice(Math.max(0, pos - 48), pos);
  const tokens = window.match(TOKEN_RE) ?? [];
  for (let k = tokens.length - 1, seen = 0; k >= 0 && seen < 12; k--, seen++) {
    const t = tokens[k]!;
    if (/^\d/.test(t)) continue;
    if (t.length === 1 && !isLetter(t)) {
      if (t === '.' || t === ',' || t === '(' || t === ')' || t === '-' || t === '–' || t === '/') continue;
      return null;
    }
    const lower = t.toLowerCase();
    // "(b)" in "Article 53(1)(b)"
    if (t.length === 1 && tokens[k - 1] === '(' && tokens[k + 1] === ')') continue;
    if (SKIPPABLE_BEFORE.has(lower)) continue;
    return lower;
  }
  return null;
}

/**
 * Finds the triggers in `text` (folded; `lower` is the same lowered, for the word matchers).
 * `isSentenceStart(pos)` says whether a word at pos opens a sentence
 * (capitalised words inside a sentence before a number are product names: "Gemini 2.5").
 * `referenceMonth` (year*12+month) makes earlier dates public history.
 */
export function findTriggers(
  text: string,
  lower: string,
  isSentenceStart: (pos: number) => boolean,
  referenceMonth: number | null,
  exclude: readonly Span[] = [],
): Trigger[] {
  const out: Trigger[] = [];
  const claimed = new Uint8Array(text.length + 1);
  const claim = (s: number, e: number) => claimed.fill(1, s, e);
  for (const x of exclude) claim(x.start, x.end); // e-mail addresses and phone numbers are not figures

  for (const m of wordMatches(lower, DATE_RE)) {
    const s = m.index;
    const e = s + m[0].length;
    claim(s, e);
    const last = lastMonthOf(m[0]);
    if (referenceMonth !== null && last !== null && last < referenceMonth) continue; // past: history, not a plan
    out.push({ start: s, end: e, kind: 'date', strong: true, text: text.slice(s, e) });
  }

  for (const m of text.matchAll(NUMBER_RE)) {
    const s = m.index;
    let e = s + m[0].length;
    if (claimed[s]) continue;
    // "10^25"
    if (text[e] === '^' && /\d/.test(text[e + 1] ?? '')) {
      e += 2;
      while (/\d/.test(text[e] ?? '')) e++;
    }
    // "2 000 000"
    if (m[0].length <= 3 && !m[0].includes('.') && !m[0].includes(',')) {
      while (text[e] === ' ' && /^\d{3}(?!\d)/.test(text.slice(e + 1, e + 5))) e += 4;
    }
    const t = text.slice(s, e);
    const prev = text[s - 1];
    const before = text.slice(Math.max(0, s - 8), s);
    const after = text.slice(e, e + 48);
    const push = (kind: TriggerKind, strong: boolean, s2 = s, e2 = e) => {
      claim(s2, e2);
      out.push({ start: s2, end: e2, kind, strong, text: text.slice(s2, e2) });
    };
    // Identifiers and product names glued to letters: "GPT-5", "H100", "TF/2026/02", "2024/1689".
    if (isLetter(prev) || prev === '/' || prev === '_' || prev === '#' || (prev === '-' && isLetter(text[s - 2]))) continue;
    if (after.startsWith('/') && /\d/.test(after[1] ?? '')) continue;
    if (isLetter(after[0])) {
      const unit = GLUED_UNIT.exec(after);
      if (unit) push(/^x$/i.test(unit[0]) ? 'figure' : 'amount', true, s, e + unit[0].length);
      // ordinals ("3rd meeting") and anything else glued ("4o", "10B-parameter" aside) are not figures
      continue;
    }
    const time = TIME_AFTER.exec(after);
    if (time) {
      claim(s, e + time[0].length); // "10:30": the minutes are not a number either
      continue;
    }
    if (CURRENCY_BEFORE.test(before)) {
      const cur = CURRENCY_BEFORE.exec(before)!;
      const unit = UNIT_AFTER.exec(after);
      push('amount', true, s - cur[0].length, e + (unit ? unit[0].length : 0));
      continue;
    }
    const unit = UNIT_AFTER.exec(after);
    if (unit) {
      push('amount', true, s, e + unit[0].length);
      continue;
    }
    const pct = PERCENT_AFTER.exec(after);
    if (pct) {
      const around = text.slice(Math.max(0, s - 32), e + pct[0].length + 32);
      if (!PROCEDURAL_PERCENT.test(around)) push('percent', true, s, e + pct[0].length);
      else claim(s, e + pct[0].length);
      continue;
    }
    const dur = DURATION_AFTER.exec(after);
    if (dur) {
      push('duration', false, s, e + dur[0].length);
      continue;
    }
    const ref = wordBefore(text, s);
    if (ref !== null && REFERENCE_WORDS.has(ref)) {
      // "Article 53(1)(b)": claim the parenthesised parts too, so "(1)" is not scanned as a number
      let k = e;
      while (text[k] === '(' && /^\(\w{1,4}\)/u.test(text.slice(k, k + 6))) k = text.indexOf(')', k) + 1;
      claim(s, k);
      continue;
    }
    // "(1)" right after a reference's number, or "1." / "1)" opening a line: enumeration
    if (prev === '(' && /\d\s*$/.test(text.slice(Math.max(0, s - 6), s - 1)) && after[0] === ')') continue;
    const lineStart = s === 0 || /\n\s*$/.test(text.slice(Math.max(0, s - 8), s));
    if (lineStart && (after[0] === '.' || after[0] === ')')) continue;
    const nextWord = WORD_AFTER.exec(after);
    if (nextWord && COUNT_NOUNS.has(nextWord[1]!.toLowerCase())) continue;
    // A capitalised word (not opening the sentence) right before: a product or version, "Gemini 2.5", "Microsoft 365".
    if (prev === ' ') {
      let b = s - 1;
      while (b > 0 && isLetter(text[b - 1])) b--;
      const w = text.slice(b, s - 1);
      if (w.length > 0 && isUpperLetter(w[0]) && !isSentenceStart(b) && !/^(?:in|by|from|until|since|before|after|of|to|and|or|about|around)$/i.test(w)) continue;
    }
    if (/^(?:19|20)\d{2}$/.test(t)) {
      const y = Number(t);
      claim(s, e);
      if (referenceMonth !== null && y * 12 + 12 < referenceMonth) continue;
      // A bare year is a weak signal ("2026 is the first full year of application"); with a month or quarter it
      // is a date proper, matched above.
      push('date', false);
      continue;
    }
    // Compute in FLOP is mostly the regulatory thresholds (10^23, 10^25) in these meetings: weak on its own.
    push('figure', !FLOP_AFTER.test(after));
  }

  // Amounts in words, where no number already carries them: "a few million euros".
  for (const m of wordMatches(lower, AMOUNT_WORDS_RE)) {
    const s = m.index;
    if (claimed[s]) continue;
    claim(s, s + m[0].length);
    out.push({ start: s, end: s + m[0].length, kind: 'amount', strong: true, text: text.slice(s, s + m[0].length) });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}
