/**
 * Sentence splitting for minutes: a line break always ends a sentence; ".", "!", "?" and "…" end one when followed
 * by white space (or the end), except after abbreviations (e.g., i.e., Art. 5, No. 3, Dr Okafor, J. Weber) and
 * inside numbers (3.5, robots.txt, example.org have no space after the dot). One pass, linear in the text.
 */
export interface Span {
  start: number;
  end: number;
}

/** Never end a sentence: titles before names, Latin abbreviations that are followed by more of the sentence. */
const NEVER = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'mme', 'mlle', 'messrs', 'hon', 'gen', 'rev', 'st',
  'e.g', 'eg', 'i.e', 'ie', 'cf', 'viz', 'vs', 'approx', 'ca', 'incl', 'excl', 'esp', 'resp', 'al', 'ibid', 'op',
]);
/** Abbreviations that precede a number: "Art. 53", "No. 3", "p. 12", "Jan. 2026". */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'art', 'arts', 'para', 'paras', 'p', 'pp', 'fig', 'vol', 'ch', 'sec', 'ref', 'doc', 'pt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const TERMINATORS = '.!?…';
const CLOSERS = '"\')]}';

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}
function isLower(c: string | undefined): boolean {
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}
function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLetter(c: string | undefined): boolean {
  return c !== undefined && c.toLowerCase() !== c.toUpperCase();
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Whether a single "." at `dot` (followed by white space) ends the sentence; `next` is the next visible character. */
function dotEndsSentence(text: string, dot: number, next: string | undefined): boolean {
  let b = dot;
  while (b > 0 && (isLetter(text[b - 1]) || (text[b - 1] === '.' && isLetter(text[b - 2])))) b--;
  const word = text.slice(b, dot);
  if (word.length === 0) return true; // "item 3." or "(see above)."
  const lower = word.toLowerCase();
  if (NEVER.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && (isDigit(next) || next === '(')) return false;
  if (word.length === 1 && isUpper(word)) return false; // an initial: "J. Weber"
  if (word.includes('.')) return isUpper(next); // "U.S." ends a sentence only before a capital
  if (isLower(next)) return word.length >= 5; // an unknown short abbreviation goes on ("approx. five")
  return true;
}

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = -1; // first visible character of the current sentence
  let lastVisibleEnd = 0;
  const close = (end: number) => {
    if (start >= 0) out.push({ start, end });
    start = -1;
  };
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      close(lastVisibleEnd);
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (TERMINATORS.includes(c)) {
      let j = i;
      while (j < n && TERMINATORS.includes(text[j]!)) j++;
      const runIsOneDot = j === i + 1 && c === '.';
      while (j < n && CLOSERS.includes(text[j]!)) j++;
      if (j >= n || isSpace(text[j])) {
        let k = j;
        while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
        const next = text[k];
        const ends = runIsOneDot ? dotEndsSentence(text, i, next) : !(j - i > 1 && c === '.' && isLower(next));
        if (ends) {
          lastVisibleEnd = j;
          close(j);
          i = j;
          continue;
        }
      }
      lastVisibleEnd = j;
      i = j;
      continue;
    }
    i++;
    lastVisibleEnd = i;
  }
  close(lastVisibleEnd);
  return out;
}

/** Clauses of a sentence: parts separated by ";" (trimmed). A sentence without ";" is one clause. */
export function splitClauses(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  let s = sentence.start;
  const push = (a: number, b: number) => {
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = sentence.start; i < sentence.end; i++) {
    if (text[i] === ';') {
      push(s, i + 1);
      s = i + 1;
    }
  }
  push(s, sentence.end);
  return out;
}
