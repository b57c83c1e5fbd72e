import { bidiReadings, hasOverride } from './bidi';
import { asciiDigits, fractionsAsDecimals, INVISIBLE_OR_MARK, lowerPlain, separateWords } from './fold';
import { LOOK_ALIKES } from './look-alikes-data';

/**
 * Text as the redaction check reads it: `foldForReading` (shared/text/fold.ts) and, on top, letters of another script
 * that look like Latin ones (Cyrillic "а" for "a", Greek "Ο" for "O"…) read as the letter they look like. Used by the
 * check of every public file (shared/redaction/match-text.ts), by the flag states (a flag is not retired as
 * "text removed" while a look-alike copy of its text remains) and by the public summary's blockers, in the backend and
 * in the preview alike. Kept apart from fold.ts so that pages which only fold for reading do not load the table.
 */

const NON_ASCII = /[^\u0000-\u007F]/gu;
const HAS_NON_ASCII = /[^\u0000-\u007F]/u;

let table: Map<string, string> | null = null;
/**
 * The entries whose letter NFKD would spell otherwise ("\u0140" as "l\u00B7", "\u249C" as "(a)"): read before
 * decomposition (look-alikes-build.ts, READ_BEFORE_DECOMPOSITION).
 */
let beforeDecomposition: Map<string, string> | null = null;

/** The look-alike table (look-alikes-data.ts): a letter of another script → what it looks like, in lower case. */
export function lookAlikeTable(): ReadonlyMap<string, string> {
  if (table) return table;
  table = new Map<string, string>();
  for (const line of LOOK_ALIKES.split('\n')) {
    const key = String.fromCodePoint(line.codePointAt(0)!);
    table.set(key, line.slice(key.length));
  }
  return table;
}

function readBeforeDecomposition(): ReadonlyMap<string, string> {
  if (beforeDecomposition) return beforeDecomposition;
  beforeDecomposition = new Map([...lookAlikeTable()].filter(([k]) => k.normalize('NFKD') !== k));
  return beforeDecomposition;
}

/**
 * The form in which passages and text are compared by the redaction check: lower case, no accents, no invisible
 * characters, look-alikes of other scripts replaced by their prototype, words separated by single spaces. Idempotent.
 * Text under a right-to-left override reads twice, as shown and as stored (shared/text/bidi.ts): a passage found in
 * either is found; a flagged passage is searched for in each of its readings (match-text.ts, flag-state.ts).
 */
export function foldAsCheck(s: string): string {
  if (!HAS_NON_ASCII.test(s)) return separateWords(s.toLowerCase());
  if (hasOverride(s)) return bidiReadings(s).map(foldOne).filter((r) => r !== '').join(' ');
  return foldOne(s);
}

function foldOne(s: string): string {
  const t = lookAlikeTable();
  const map = (c: string) => t.get(c) ?? c;
  const before = readBeforeDecomposition();
  // Look-alikes first in their own case (Cyrillic "Н" looks like "H", its lower case "н" does not look like "h"),
  // then once more after case mapping for letters that only have an entry in lower case; the few that NFKD would
  // spell with punctuation before decomposition.
  const read = fractionsAsDecimals(s).replace(NON_ASCII, (c) => before.get(c) ?? c);
  const cased = asciiDigits(read.normalize('NFKD').replace(INVISIBLE_OR_MARK, '')).replace(NON_ASCII, map);
  return separateWords(lowerPlain(cased).replace(NON_ASCII, map));
}
