/**
 * E-mail addresses and phone numbers, found by hand-written scanners rather than regexes: a regex such as
 * `[\w.]+@…` retries from every start position and goes quadratic on a long run of near-misses; these scanners
 * visit each character a bounded number of times.
 */
import type { Span } from './sentences';

function isLocalChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39 || c > 0x7f && c < 0xd800
  );
}
function isDomainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45 || (c > 0x7f && c < 0xd800);
}
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0x7f && c < 0xd800);
}

export function findEmails(text: string): Span[] {
  const out: Span[] = [];
  let at = text.indexOf('@');
  let floor = 0; // never scan left of the previous address's end
  while (at >= 0) {
    let a = at;
    while (a > floor && isLocalChar(text.charCodeAt(a - 1))) a--;
    while (a < at && (text[a] === '.' || text[a] === "'")) a++;
    let b = at + 1;
    while (b < text.length && isDomainChar(text.charCodeAt(b))) b++;
    while (b > at + 1 && (text[b - 1] === '.' || text[b - 1] === '-')) b--;
    const domain = text.slice(at + 1, b);
    const lastDot = domain.lastIndexOf('.');
    const tld = lastDot >= 0 ? domain.slice(lastDot + 1) : '';
    if (a < at && lastDot > 0 && tld.length >= 2 && /^[\p{L}]+$/u.test(tld) && !domain.includes('..')) {
      out.push({ start: a, end: b });
      floor = b;
    } else {
      floor = Math.max(floor, at + 1);
    }
    at = text.indexOf('@', Math.max(at + 1, floor));
  }
  return out;
}

const PHONE_CUE = /(?:tel|telephone|phone|mobile|mob|cell|fax|call|number|hotline|line|reached)\b[^\n]{0,12}$/iu;
const DATE_SHAPE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/u;

/**
 * Phone numbers in international and national formats: +32 2 299 11 11, 0032 2 299 11 11, (02) 299 11 11,
 * 02/299.11.11, +44 (0)20 7946 0958. Without a leading +, 00, ( or 0 only when a cue ("tel.", "phone", "call")
 * precedes. Dates (01.02.2026) and long plain numbers with thousands separators are not phones.
 */
export function findPhones(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const startsPlus = c === 43 && isDigitCode(text.charCodeAt(i + 1));
    const startsParen = c === 40 && (isDigitCode(text.charCodeAt(i + 1)) || (text[i + 1] === '+' && isDigitCode(text.charCodeAt(i + 2))));
    const startsDigit = isDigitCode(c);
    if (!startsPlus && !startsParen && !startsDigit) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (isLetterCode(prev) || isDigitCode(prev) || prev === 46 || prev === 44 || prev === 47 || prev === 45 || prev === 95) {
      // Inside a word, a decimal, an identifier: skip the whole digit run at once.
      i++;
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      continue;
    }
    // Consume digit groups separated by one separator (space, . - /) or parentheses, at most 20 digits.
    let j = i;
    let digits = 0;
    let groups = 0;
    let lastDigitEnd = i;
    let openParen = false;
    if (startsPlus) j++;
    while (j < n && digits <= 20) {
      const d = text.charCodeAt(j);
      if (isDigitCode(d)) {
        groups++;
        while (j < n && isDigitCode(text.charCodeAt(j))) {
          j++;
          digits++;
        }
        lastDigitEnd = j;
        if (openParen && text[j] === ')') {
          openParen = false;
          j++;
          if (isDigitCode(text.charCodeAt(j))) continue; // "(0)20"
        }
        // One separator, then a digit or an opening parenthesis, or we are done.
        const s = text[j];
        if ((s === ' ' || s === '.' || s === '-' || s === '/' || s === '\u00A0') && j + 1 < n) {
          const t = text.charCodeAt(j + 1);
          if (isDigitCode(t)) {
            j++;
            continue;
          }
          if (t === 40 && !openParen) {
            j += 1;
            continue;
          }
        }
        if (s === '(' && !openParen) continue;
        break;
      } else if (d === 40 && !openParen) {
        openParen = true;
        j++;
        if (text[j] === '+') j++;
      } else break;
    }
    const span = text.slice(i, lastDigitEnd);
    const after = text.charCodeAt(lastDigitEnd);
    const glued = isLetterCode(after) || text[lastDigitEnd] === '%' || (text[lastDigitEnd] === ',' && isDigitCode(text.charCodeAt(lastDigitEnd + 1)));
    const compact = span.replace(/[^\d+]/g, '');
    let ok = false;
    if (!glued && digits >= 7 && digits <= 15 && !DATE_SHAPE.test(span)) {
      if (startsPlus || compact.startsWith('00')) ok = digits >= 8;
      else if (startsParen) ok = digits >= 8;
      else if (span.startsWith('0')) ok = digits >= 9 && (groups >= 2 || digits === 10);
      if (!ok) ok = PHONE_CUE.test(text.slice(Math.max(0, i - 24), i));
    }
    if (ok) out.push({ start: i, end: lastDigitEnd });
    i = Math.max(lastDigitEnd, i + 1);
  }
  return out;
}
