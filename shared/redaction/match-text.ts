import { bidiReadings } from '../text/bidi';
import { foldAsCheck } from '../text/look-alikes';
import { boundedEdges, SHORT_PASSAGE, wholeWord } from './whole-word';
import { contactForms, isCountryCode } from './contact-forms';
import { datesWritten } from './date-forms';
import { figuresWritten, numberInWordsGoesOn, SCALE_AFTER } from './figure-forms';
import { powerForms } from './power-forms';
import { wordForms } from './word-forms';
import { listedNames, nameForms, shortForms } from './name-forms';
import { orgForms } from './org-forms';
import { aliasForms } from './alias-forms';

/**
 * Text normalisation and passage search for the redaction check.
 *
 * Both sides (the flagged passage and the text found in the file) go through `normaliseForMatch`, so a passage is
 * found whatever
 * - its case and Unicode compatibility form (full-width letters, ligatures, mathematical letters: NFKD);
 * - its accents: every combining mark is dropped, so "Société" = "Societe" = "Société" with extra marks stacked on;
 * - invisible characters slipped into it (zero-width joiners, bidi controls, soft hyphens, variation selectors);
 * - letters of another script that look the same: Cyrillic "а" for Latin "a", Greek "Ο" for "O"… (the confusable
 *   skeletons of Unicode TS #39: shared/text/look-alikes.ts);
 * - what stands between its words: any run of white space, punctuation or symbols (hyphens, dashes, slashes,
 *   underscores, dots, emoji…) reads as one space; currency signs are kept as they are text, and so is a percent
 *   sign after a number ("12 %" and "12٪" read "12%"); a currency sign is joined to its number ("€ 12" reads "€12"),
 *   and a decimal mark between two digits stays in the number as a point ("12,5" and "12.5" read "12.5").
 * A second, space-free form catches a passage whose spaces were removed, or added inside a word ("Open AI").
 *
 * The search is a list of independent modes (`SEARCH_MODES`): the whole passage, the whole passage spacing aside,
 * every window of WINDOW_WORDS words and every window of WINDOW_CHARS characters of a long passage, and a person's
 * name with initials between its words. Each catches a leak the others miss; the redaction check always runs all of them.
 */

// ---- normalisation -----------------------------------------------------------------------------------------------

/**
 * The form in which passages and document text are compared: lower case, no accents, look-alikes of other scripts
 * replaced by their Latin (or other) prototype, words separated by single spaces. Idempotent. It is
 * shared/text/look-alikes.ts's `foldAsCheck`, which the flag states and the public summary's blockers read text with too.
 */
export const normaliseForMatch = foldAsCheck;

export const compact = (normalised: string) => normalised.replace(/ /g, '');

/**
 * Percent-decoding that never throws ("%E0%A4%A" stays as it is), with '+' read as a space as in query strings, done
 * again while it changes something (a few rounds): an address wrapped in another's query is encoded twice, as Outlook's
 * safe links write every link of a mail ("Project%2520Bluebird" is "Project Bluebird"; an audit found one published,
 * 2026-12-07).
 */
export function decodeLoosely(s: string): string {
  let out = s;
  for (let round = 0; round < 4; round++) {
    const next = decodeOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

function decodeOnce(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}


// ---- thresholds --------------------------------------------------------------------------------------------------

/** Long passages are also searched by every window of WINDOW_WORDS words and of WINDOW_CHARS characters. */
export const WINDOW_WORDS = 8;
export const WINDOW_CHARS = 40;
/** Shorter passages match only as whole words (so "AI" is not found inside "said"): whole-word.ts. */
export { SHORT_PASSAGE };
/** Passages shorter than this (after normalisation) are searched only if `searchedShort` says so. */
export const MIN_PASSAGE = 4;

/**
 * Whether a passage under MIN_PASSAGE characters is searched (as a whole word, as every passage under SHORT_PASSAGE).
 * One word of three characters with a letter is when, as flagged (`asFlagged`, before folding), it reads as an acronym
 * or a mixed-case name: two capital letters or more, or a digit ("xAI", "IBM", "SAP", "A4x"). That name printed anywhere
 * else is what the flag keeps out. A word of three letters written otherwise ("May", "Max", "Art", "may") is too often
 * an ordinary word, a month or a first name: searching it made every summary of a meeting held in May unexportable.
 * A figure with its sign is searched ("12%", "5%", "€12"). Not one or two letters ("EU", "UK", "no", "A-Z": every
 * summary uses them for other things) nor a bare number ("12": every date holds one): searching those would block
 * every export.
 */
function searchedShort(norm: string, asFlagged: string): boolean {
  if (/\p{N}/u.test(norm) && /[%\p{Sc}]/u.test(norm)) return true;
  if (norm.length !== 3 || norm.includes(' ') || !/\p{L}/u.test(norm)) return false;
  return (asFlagged.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || /\p{N}/u.test(asFlagged);
}

/** The space-free comparison anywhere only from this length (short space-free strings match too much). */
export const MIN_COMPACT = 12;
/**
 * Below MIN_COMPACT, the space-free comparison from this length, on word edges only. Three letters split in two are
 * too often two ordinary words ("is a" for a flagged "ISA").
 */
export const MIN_SPACED = 4;

// ---- search ------------------------------------------------------------------------------------------------------

export interface Passage {
  id: string;
  text: string;
}

/** A passage as the modes see it: normalised once. */
export interface PreparedPassage {
  id: string;
  /** Normalised: at least MIN_PASSAGE characters, or a short one that `searchedShort` keeps. */
  norm: string;
  /** `norm` without its spaces. */
  compact: string;
  /** `norm` split at its spaces. */
  words: readonly string[];
  /** Its spaces between digits stand for a decimal point or group mark (`numberGroupings`): see `anotherNumber`. */
  pointsSpaced?: boolean;
  /** A form of a person's name (name-forms.ts): also found with initials between its words (`NAME_INITIALS`). */
  name?: boolean;
  /**
   * A figure or date of the passage written another way (figure-forms.ts, date-forms.ts): not cut into CHAR_WINDOWS,
   * whose windows of the passage as flagged already cover the words around it (dozens of copies of a long passage
   * made the matcher ten times slower to build).
   */
  rewritten?: boolean;
  /** What may not stand right beside a hit of this form (`Apart`). */
  apart?: Apart;
}

/**
 * What may not stand right beside a hit of a form written otherwise, across a space, for it to be the flagged thing
 * (date-forms.ts, figure-forms.ts, contact-forms.ts): a year or a time after it ('year_after': "mar 27", a flagged
 * "March 2027" as a spreadsheet writes it, is a day in "Mar 27, 2026" and "Mar 27, 10:00" (an audit of false
 * refusals); other figures after it, as in a table's row, "Mar-27 450", keep it); a scale after it ('scale_after':
 * "€2.5", a flagged price "€2.50" read without its zero, is another amount in "€2.5 billion"); or a country code
 * before it ('country_code_before': "030 1234567", a flagged "+49 30 1234567" dialled at home, is another country's
 * in "+43 (0)30 1234567"). Whole and spacing aside only: a window holds words of the passage as flagged on that side.
 */
export type Apart = 'year_after' | 'scale_after' | 'country_code_before';

/** Whether the hit `from`–`to` in `text` has beside it what its form's `apart` keeps away. */
function besideNumber(text: string, from: number, to: number, apart: Apart | undefined): boolean {
  if (apart === 'year_after') return YEAR_AFTER.test(text.slice(to, to + 12));
  if (apart === 'scale_after') return SCALE_AFTER.test(text.slice(to, to + 16));
  if (apart !== 'country_code_before') return false;
  const code = CODE_BEFORE.exec(text.slice(Math.max(0, from - 7), from));
  return code !== null && isCountryCode(code[1]!);
}
/** A year ("2026"), or a time ("10:00", "at 10:00": read "10 00"). */
const YEAR_AFTER = /^ (?:(?:19|20)\p{N}{2}(?!\p{N}|\.\p{N})|(?:at )?\p{N}{1,2} \p{N}{2}(?!\p{N}))/u;
const CODE_BEFORE = /(?:^|[^\p{N}.])(?:00)?(\p{N}{1,3}) $/u;

/** The text searched, as the modes see it. */
export interface PreparedText {
  norm: string;
  compact: string;
  /** UTF-16 code units of `norm` and `compact` (computed on first use). */
  normCodes(): Uint16Array;
  compactCodes(): Uint16Array;
  /** `norm` split at its spaces, and where each word starts in `norm` (computed on first use). */
  words(): { words: readonly string[]; starts: readonly number[] };
  /** Where each character of `compact` stands in `norm` (computed on first use). */
  normOffsets(): Uint32Array;
}

export type HitHow = 'whole' | 'whole_without_spaces' | 'word_window' | 'char_window' | 'name_with_initials';

export interface Hit {
  passageId: string;
  how: HitHow;
  /** Offset in the normalised text searched (spaced or compact form, per `how`). */
  at: number;
  length: number;
  /** Matched as whole words only: shorter than SHORT_PASSAGE, or below MIN_COMPACT spacing aside. */
  short: boolean;
}

/** One way of finding passages: it indexes the passages once and returns the search over a text. */
export interface SearchMode {
  readonly how: HitHow;
  /** Null when no passage is long enough for this mode. */
  index(passages: readonly PreparedPassage[]): ((text: PreparedText, add: (hit: Hit) => void) => void) | null;
}

/** The whole passage: as a whole word below SHORT_PASSAGE characters, anywhere from there on. */
export const WHOLE: SearchMode = {
  how: 'whole',
  index(passages) {
    // A form with a condition beside it is looked for past a hit that fails it ("mar 27 2026, mar 27"): global.
    const shortOnes = passages.filter((p) => p.norm.length < SHORT_PASSAGE).map((p) => ({ p, re: p.apart ? new RegExp(wholeWord(p.norm).source, 'gu') : wholeWord(p.norm) }));
    const long = new PrefixIndex<PreparedPassage>(SHORT_PASSAGE);
    for (const p of passages) if (p.norm.length >= SHORT_PASSAGE) long.add(p.norm, p);
    if (shortOnes.length === 0 && long.size === 0) return null;
    return (text, add) => {
      for (const { p, re } of shortOnes) {
        if (!p.apart) {
          const m = re.exec(text.norm);
          if (m) add({ passageId: p.id, how: 'whole', at: m.index, length: p.norm.length, short: true });
          continue;
        }
        for (const m of text.norm.matchAll(re))
          if (!besideNumber(text.norm, m.index, m.index + p.norm.length, p.apart)) {
            add({ passageId: p.id, how: 'whole', at: m.index, length: p.norm.length, short: true });
            break;
          }
      }
      long.search(text.normCodes(), (at, p) => {
        const to = at + p.norm.length;
        if (text.norm.startsWith(p.norm, at) && !insideNumber(text.norm, at, to) && !besideNumber(text.norm, at, to, p.apart)) add({ passageId: p.id, how: 'whole', at, length: p.norm.length, short: false });
      });
    };
  },
};

/**
 * Whether the hit `from`–`to` in `text` starts or ends with a digit that goes on there: "8 million euros" inside "998
 * million euros", "12.5%" inside "112.5%" is another number, not the flagged one (a decimal point or group mark between
 * digits stays in the number, and a space before a group of three digits after one: "€8 000 000" in "€8 000 000 000";
 * but not leading zeros: `afterLeadingZeros`). So in words: "three million euros" inside "twenty three million euros"
 * is 23 million (figure-forms.ts `numberInWordsGoesOn`; the fourth audit).
 */
function insideNumber(text: string, from: number, to: number): boolean {
  if (numberInWordsGoesOn(text, from)) return true;
  const goesOn = (i: number, step: number) => DIGIT.test(text[i] ?? '') || (text[i] === '.' && DIGIT.test(text[i + step] ?? ''));
  if (DIGIT.test(text[from] ?? '') && goesOn(from - 1, -1) && !afterLeadingZeros(text, from)) return true;
  if (!DIGIT.test(text[to - 1] ?? '')) return false;
  // Ending in a group of three digits, a space and three more digits go on with it: "€8 000 000" in "€8 000 000 000".
  return goesOn(to, 1) || (SPACED_GROUP_END.test(text.slice(Math.max(0, to - 4), to)) && SPACED_GROUP_NEXT.test(text.slice(to, to + 5)));
}
/**
 * Only zeros before `from`, as a number's first digits: they do not make another number ("044712290" is the flagged
 * "44712290"; "0032 2 …" is a flagged "+32 2 …", the international prefix written "00"). Zeros after a decimal point
 * do ("0.05" is not "5").
 */
function afterLeadingZeros(text: string, from: number): boolean {
  let i = from;
  while (text[i - 1] === '0') i--;
  return i < from && !DIGIT.test(text[i - 1] ?? '') && text[i - 1] !== '.';
}
const SPACED_GROUP_END = /[ .]\p{N}{3}$/u;
const SPACED_GROUP_NEXT = /^ \p{N}{3}(?!\p{N})/u;

/**
 * The whole passage with every space removed on both sides: anywhere from MIN_COMPACT characters
 * ("EUR12millionbudget2027"); from MIN_SPACED, only where it starts and ends at the edge of a word of the text (as
 * whole-word.ts reads edges) and is spaced otherwise than flagged (as flagged, it is WHOLE's hit). So "OpenAI" flagged
 * is found in "Open AI" (and "Open AI" in "OpenAI", "DeepMind" in "Deep-Mind", "Bluebird" in "Blue Bird"), but "Meta"
 * is not found in "metadata". A form whose spaces between digits stand for a decimal point ("€2 5 million" for a flagged
 * "€2.5 million") is not found where that space is gone before other than three digits ("€25 million"): `anotherNumber`.
 */
export const WHOLE_WITHOUT_SPACES: SearchMode = {
  how: 'whole_without_spaces',
  index(passages) {
    const long = new PrefixIndex<PreparedPassage>(MIN_COMPACT);
    const short = new PrefixIndex<{ p: PreparedPassage; start: boolean; end: boolean }>(MIN_SPACED);
    for (const p of passages) {
      if (p.compact.length >= MIN_COMPACT) long.add(p.compact, p);
      else if (p.compact.length >= MIN_SPACED) short.add(p.compact, { p, ...boundedEdges(p.compact) });
    }
    if (long.size === 0 && short.size === 0) return null;
    return (text, add) => {
      long.search(text.compactCodes(), (at, p) => {
        if (!text.compact.startsWith(p.compact, at)) return;
        const offsets = text.normOffsets();
        const from = offsets[at]!;
        const to = offsets[at + p.compact.length - 1]! + 1;
        if (insideNumber(text.norm, from, to) || besideNumber(text.norm, from, to, p.apart)) return;
        if (p.pointsSpaced && anotherNumber(text.norm.slice(from, to), p.norm)) return;
        add({ passageId: p.id, how: 'whole_without_spaces', at, length: p.compact.length, short: false });
      });
      short.search(text.compactCodes(), (at, { p, start, end }) => {
        if (!text.compact.startsWith(p.compact, at)) return;
        const offsets = text.normOffsets();
        const from = offsets[at]!;
        const to = offsets[at + p.compact.length - 1]! + 1;
        if (start && from > 0 && text.norm[from - 1] !== ' ' && !afterLeadingZeros(text.norm, from)) return;
        if (end && to < text.norm.length && text.norm[to] !== ' ') return;
        const printed = text.norm.slice(from, to);
        if (insideNumber(text.norm, from, to) || besideNumber(text.norm, from, to, p.apart)) return;
        if (printed !== p.norm && !(p.pointsSpaced && anotherNumber(printed, p.norm))) add({ passageId: p.id, how: 'whole_without_spaces', at, length: p.compact.length, short: true });
      });
    };
  },
};

/**
 * Whether a hit spaced as `printed` of a passage form whose spaces between digits stand for a decimal point or a group
 * mark (`numberGroupings`: "€2 5 million" for a flagged "€2.5 million") removes or inserts a space between two digits
 * before a run of other than three digits: that makes another number ("€25 million", "125%"), not the flagged one.
 * Before a run of three digits the space may be a group mark ("€12,500" printed "€12500"): that hit stays.
 */
function anotherNumber(printed: string, flagged: string): boolean {
  let i = 0;
  let j = 0;
  while (i < printed.length && j < flagged.length) {
    const spaceP = printed[i] === ' ';
    const spaceF = flagged[j] === ' ';
    if (spaceP !== spaceF) {
      const s = spaceP ? printed : flagged;
      const at = spaceP ? i : j;
      if (DIGIT.test(s[at - 1] ?? '') && DIGIT.test(s[at + 1] ?? '')) {
        let run = 0;
        while (DIGIT.test(s[at + 1 + run] ?? '')) run++;
        if (run !== 3) return true;
      }
    }
    if (spaceP) i++;
    if (spaceF) j++;
    if (!spaceP && !spaceF) {
      i++;
      j++;
    }
  }
  return false;
}
const DIGIT = /\p{N}/u;

/** Every WINDOW_WORDS consecutive words of a passage of more than WINDOW_WORDS words, as whole words of the text. */
export const WORD_WINDOWS: SearchMode = {
  how: 'word_window',
  index(passages) {
    const ids = new Map<string, number>();
    const idOf = (w: string) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size + 1));
      return id;
    };
    const windows = new Map<string, string>();
    const index = new PrefixIndex<string>(WINDOW_WORDS);
    for (const p of passages) {
      if (p.words.length <= WINDOW_WORDS) continue;
      const codes = p.words.map(idOf);
      rollingHashes(codes, WINDOW_WORDS, (i, h) => {
        const key = p.words.slice(i, i + WINDOW_WORDS).join(' ');
        if (windows.has(key)) return;
        windows.set(key, p.id);
        index.addHash(h, key);
      });
    }
    if (windows.size === 0) return null;
    return (text, add) => {
      const { words, starts } = text.words();
      // A word found in no passage gets 0: no window of a passage contains it.
      const codes = words.map((w) => ids.get(w) ?? 0);
      rollingHashes(codes, WINDOW_WORDS, (i, h) => {
        const keys = index.candidates(h);
        if (!keys) return;
        const key = words.slice(i, i + WINDOW_WORDS).join(' ');
        for (const k of keys) if (k === key) add({ passageId: windows.get(k)!, how: 'word_window', at: starts[i]!, length: key.length, short: false });
      });
    };
  },
};

/** Every WINDOW_CHARS consecutive characters of a passage longer than that, spacing aside. */
export const CHAR_WINDOWS: SearchMode = {
  how: 'char_window',
  index(passages) {
    const index = new PrefixIndex<{ key: string; id: string }>(WINDOW_CHARS);
    const seen = new Set<string>();
    for (const p of passages) {
      if (p.compact.length <= WINDOW_CHARS || p.rewritten) continue;
      rollingHashes(charCodes(p.compact), WINDOW_CHARS, (i, h) => {
        const key = p.compact.slice(i, i + WINDOW_CHARS);
        if (seen.has(key)) return;
        seen.add(key);
        index.addHash(h, { key, id: p.id });
      });
    }
    if (index.size === 0) return null;
    return (text, add) =>
      index.search(text.compactCodes(), (at, w) => {
        // A hash hit is only a candidate: compare the characters themselves.
        if (text.compact.startsWith(w.key, at)) add({ passageId: w.id, how: 'char_window', at, length: WINDOW_CHARS, short: false });
      });
  },
};

/** At most this many initials in one gap between two words of a name ("Jane M. K. Roe"). */
export const MAX_INITIALS = 2;
const INITIAL = /^\p{L}$/u;

/**
 * A person's name (a form from name-forms.ts) with one or two initials between its words that the flag does not hold:
 * a flagged "Dr Jane Roe" recorded "Jane M. Roe" or "Jane M. K. Roe" (an audit, 2026-12-05). Reading turns "M." into
 * the word "m", so an initial is a word of one letter; nothing else may stand between the name's words ("Jane Mary
 * Roe" is not found: a middle name could as well be another person's). Found as whole words.
 */
export const NAME_INITIALS: SearchMode = {
  how: 'name_with_initials',
  index(passages) {
    const byFirst = new Map<string, PreparedPassage[]>();
    for (const p of passages) {
      if (!p.name || p.words.length < 2) continue;
      const same = byFirst.get(p.words[0]!);
      if (same) same.push(p);
      else byFirst.set(p.words[0]!, [p]);
    }
    if (byFirst.size === 0) return null;
    return (text, add) => {
      const { words, starts } = text.words();
      for (let i = 0; i < words.length; i++) {
        const candidates = byFirst.get(words[i]!);
        if (!candidates) continue;
        for (const p of candidates) {
          const end = withInitials(words, i, p.words);
          if (end < 0) continue;
          const last = end - 1;
          add({ passageId: p.id, how: 'name_with_initials', at: starts[i]!, length: starts[last]! + words[last]!.length - starts[i]!, short: p.norm.length < SHORT_PASSAGE });
        }
      }
    };
  },
};

/**
 * Where `name` ends in `words` read from `from` (its first word is there), with at most MAX_INITIALS initials in each
 * gap and at least one in all: the index after its last word, else -1.
 */
function withInitials(words: readonly string[], from: number, name: readonly string[]): number {
  let j = from + 1;
  let skipped = 0;
  for (let k = 1; k < name.length; k++) {
    let gap = 0;
    while (j < words.length && words[j] !== name[k] && gap < MAX_INITIALS && INITIAL.test(words[j]!)) {
      j++;
      gap++;
    }
    if (words[j] !== name[k]) return -1;
    skipped += gap;
    j++;
  }
  return skipped > 0 ? j : -1;
}

/**
 * The text of `norm` (the normalised text searched) a hit covers: without its spaces for the ways that read it so. A
 * hit that ends inside a word (a form found as the start of a longer word: "euro" in "euros") is read to the word's
 * end, so the officer is told the words as they are written there.
 */
export function hitText(norm: string, h: Hit): string {
  if (h.how === 'whole_without_spaces' || h.how === 'char_window') return compact(norm).slice(h.at, h.at + h.length);
  let end = h.at + h.length;
  while (end < norm.length && /[\p{L}\p{N}]/u.test(norm[end]!)) end++;
  return norm.slice(h.at, end);
}

/**
 * Whether a hit's text (`hitText`) is the passage as flagged, case, accents and spacing aside: if not, it was found in
 * another form (a name shortened, a figure written otherwise) or in part (a window), and the officer is told how it is
 * written there, to find it (the preview's blockers, the export's refusal).
 */
export function writtenAsFlagged(flagged: string, found: string): boolean {
  const norm = normaliseForMatch(flagged);
  return norm === found || compact(norm) === found;
}

/** Every mode. The redaction check always searches with all of them; a subset is for tests that prove each one. */
export const SEARCH_MODES: readonly SearchMode[] = Object.freeze([WHOLE, WHOLE_WITHOUT_SPACES, WORD_WINDOWS, CHAR_WINDOWS, NAME_INITIALS]);

/**
 * Letters with a standard spelling without them: German "ä ö ü" as "ae oe ue" (DIN 5007-2, every e-mail address and
 * link of a German name), Danish and Norwegian "ø" as "oe" and "å" as "aa", Serbian and Croatian "đ" as "dj"
 * ("Đorđević", "Djordjevic"). Reading drops the accent ("Müller" reads "muller", "đ" reads "d"), so a flagged "Jürgen
 * Müller" printed "Juergen Mueller" would be missed: a passage with one of these is searched in that spelling too.
 * "æ" and "ß" already read "ae" and "ss"; Icelandic "ð" and "þ" read "d" and "th" (look-alikes-build.ts).
 */
const SPELT_OUT: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa', đ: 'dj' };
// Escaped: the bundled start must stay ASCII (test/packaging/start-loader.test.ts), and a regex literal is kept as written.
const SPELLABLE = /[\u00E4\u00F6\u00FC\u00F8\u00E5\u0111]/giu;

/**
 * The text as written and, if it differs, with SPELT_OUT letters spelt out; for a person's name, or each name of a
 * list of names, its other forms too (name-forms.ts: without the honorific, surname first, shortened), each marked as
 * a name; the name or abbreviation the passage defines and each address without its scheme (alias-forms.ts); for a
 * company or a project, its forms without the legal form or the code name's keyword (org-forms.ts). Only the flagged
 * side gets them.
 */
function spellings(text: string): Array<{ text: string; name: boolean }> {
  const out = new Map<string, boolean>();
  // Under a right-to-left override, the passage as shown and as stored (shared/text/bidi.ts); in Greek or Cyrillic,
  // also in capitals, small letters and with capital initials (the look-alike table reads each letter in its own case).
  for (const reading of bidiReadings(text)) for (const cased of casings(reading)) spellingsOf(cased, out);
  return [...out].map(([t, name]) => ({ text: t, name }));
}

const GREEK_OR_CYRILLIC = /[\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * A passage with Greek or Cyrillic letters, also as registers and lists write names: in capitals, in small letters,
 * and with capital initials. "Σ" and "σ" read as different Latin look-alikes, so "ΣΤΑΥΡΙΔΗΣ" was not found as
 * "Σταυρίδης" (an audit, 2026-12-07). Latin text is read in one case already.
 */
function casings(text: string): string[] {
  if (!GREEK_OR_CYRILLIC.test(text)) return [text];
  const lower = text.toLocaleLowerCase('und');
  const initials = lower.replace(/(^|[^\p{L}])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toLocaleUpperCase('und'));
  return [...new Set([text, text.toLocaleUpperCase('und'), lower, initials])];
}

/**
 * ASCII spellings of letters, read back: a name flagged as an e-mail address or a register writes it ("Mueller",
 * "Soeren", "Djordjevic", "Aarhus") is also searched without them, as the printed "Müller", "Søren", "Đorđević" and
 * "Århus" read once their accents are dropped (an audit, 2026-12-07). Only the flagged side gets it.
 */
const SPELT_BACK: Readonly<Record<string, string>> = { ae: 'a', oe: 'o', ue: 'u', aa: 'a', dj: 'd' };
const SPELLED_PAIRS = /ae|oe|ue|aa|dj/giu;
/** Beyond this many such pairs in one passage, only all of them read back (each on its own: 2^n spellings). */
const MAX_PAIRS = 4;

/** The passage with each combination of its spelt-out pairs read back ("Soeren Kierkegaard": "Soren Kierkegaard"…). */
function spokenBack(text: string): string[] {
  const pairs = [...text.matchAll(SPELLED_PAIRS)];
  if (pairs.length === 0) return [];
  const back = (pair: string) => {
    const letter = SPELT_BACK[pair.toLowerCase()]!;
    return pair[0] === pair[0]!.toUpperCase() ? letter.toUpperCase() : letter;
  };
  if (pairs.length > MAX_PAIRS) return [text.replace(SPELLED_PAIRS, back)];
  return Array.from({ length: 2 ** pairs.length - 1 }, (_, i) => i + 1).map((mask) => {
    let out = '';
    let at = 0;
    pairs.forEach((m, i) => {
      if (!(mask & (1 << i))) return;
      out += text.slice(at, m.index) + back(m[0]);
      at = m.index + m[0].length;
    });
    return out + text.slice(at);
  });
}

function spellingsOf(text: string, out: Map<string, boolean>): void {
  const nfc = text.normalize('NFC');
  const spelt = nfc.replace(SPELLABLE, (c) => SPELT_OUT[c.toLowerCase()]!);
  for (const w of new Set([text, spelt, ...spokenBack(nfc)])) {
    // A list of names: each name and its forms ("Jane Roe, John Doe and Ana Ruiz" guards "J. Doe").
    const names = listedNames(w);
    const forms = [...names, ...[w, ...names].flatMap((n) => [...nameForms(n), ...shortForms(n)])];
    out.set(w, (out.get(w) ?? false) || forms.length > 0);
    for (const f of forms) out.set(f, true);
    // The name or abbreviation the passage defines, an address without its scheme; a company's without its legal form.
    const aliases = aliasForms(w);
    for (const f of [...aliases, ...[w, ...aliases].flatMap(orgForms)]) if (!out.has(f)) out.set(f, false);
  }
}

/**
 * A short name searched on its own (`searchedShort`: "xAI", "IBM") also split as the company or a careless hand
 * writes it: between every letter ("I.B.M." reads "i b m"), and where the flagged form changes case or from letter to
 * digit ("x.AI", "X AI" read "x ai"). Not at any other place: "ISA" split as "is a" is in every other sentence. Each
 * split is searched as whole words, so "Tax AI" and "I BMW" are not found. Only the flagged side gets them.
 */
function splitShort(norm: string, asFlagged: string): string[] {
  if (norm.length !== 3 || !/^[\p{L}\p{N}]+$/u.test(norm)) return [];
  const chars = [...norm];
  const splits = [chars.join(' ')];
  const kind = (c: string) => (/\p{Lu}/u.test(c) ? 'upper' : /\p{N}/u.test(c) ? 'digit' : 'lower');
  const written = [...asFlagged.normalize('NFC')].filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (written.length === 3)
    for (let i = 1; i < 3; i++) if (kind(written[i - 1]!) !== kind(written[i]!)) splits.push(`${chars.slice(0, i).join('')} ${chars.slice(i).join('')}`);
  return splits;
}

const POINT_IN_NUMBER = /(?<=\p{N})\.(?=\p{N})/gu;
const SPACE_IN_NUMBER = /(?<=\p{N}) (?=\p{N})/gu;

/**
 * A normalised passage and, if they differ, its digit groups otherwise separated: reading keeps "12.5" and "12,500"
 * as one number ("12.5", "12.500"), where a space, a slash or a dash separates the groups ("12 500", "12/03/2026",
 * "12-03-2026" read "12 500", "12 03 2026"). A flagged "12,500" or "12.03.2026" is also searched as "12 500" and
 * "12 03 2026", and a flagged "12 500" or "12/03/2026" also as "12.500" and "12.03.2026". Only the flagged side gets
 * the other forms.
 */
function numberGroupings(norm: string): Array<{ norm: string; pointsSpaced: boolean }> {
  const spaced = norm.replace(POINT_IN_NUMBER, ' ');
  return [
    { norm, pointsSpaced: false },
    { norm: spaced, pointsSpaced: spaced !== norm },
    { norm: norm.replace(SPACE_IN_NUMBER, '.'), pointsSpaced: false },
  ];
}

/**
 * A normalised passage (of `asFlagged`) and its figures, dates and quarters, powers of ten, phone numbers and e-mail
 * addresses written the other ways, its last word in the singular and its versions written otherwise (figure-forms.ts,
 * date-forms.ts, power-forms.ts, contact-forms.ts, word-forms.ts), each with what may not stand beside it (`Apart`).
 */
const withFigures = (norm: string, asFlagged: string): Array<{ written: string; apart?: Apart }> => {
  const context = WINDOW_WORDS - 1;
  const plain = [norm, ...powerForms(norm, context), ...wordForms(norm, context)].map((written) => ({ written }));
  const beside = [...figuresWritten(norm, context), ...datesWritten(norm, context), ...contactForms(asFlagged, norm, context)].map(({ form, apart }) => ({ written: form, apart }));
  return [...plain, ...beside];
};

/** Prepares the passages once; `search` then runs in time linear in the text (one rolling hash per mode). */
export class PassageMatcher {
  private readonly passages: PreparedPassage[] = [];
  private readonly searches: Array<(text: PreparedText, add: (hit: Hit) => void) => void> = [];

  constructor(passages: readonly Passage[], modes: readonly SearchMode[] = SEARCH_MODES) {
    for (const p of passages) {
      // Every spelling under the passage's id: a hit on either is a hit on the passage.
      const forms = new Map<string, { pointsSpaced: boolean; name: boolean; rewritten: boolean; apart: Apart | undefined }>();
      for (const s of spellings(p.text)) {
        const norm = normaliseForMatch(s.text);
        for (const { written, apart } of withFigures(norm, s.text))
          for (const f of numberGroupings(written)) {
            const had = forms.get(f.norm);
            const rewritten = (had?.rewritten ?? true) && written !== norm;
            // A form given without a condition beside it is searched so, however else it is given.
            const beside = had && had.apart === undefined ? undefined : apart;
            forms.set(f.norm, { pointsSpaced: (had?.pointsSpaced ?? true) && f.pointsSpaced, name: (had?.name ?? false) || s.name, rewritten, apart: beside });
          }
      }
      for (const [norm, { pointsSpaced, name, rewritten, apart }] of forms) {
        if (norm.length < MIN_PASSAGE && !searchedShort(norm, p.text)) continue;
        this.passages.push({ id: p.id, norm, compact: compact(norm), words: norm.split(' '), pointsSpaced, name, ...(rewritten ? { rewritten } : {}), ...(apart ? { apart } : {}) });
        if (norm.length < MIN_PASSAGE)
          for (const split of splitShort(norm, p.text)) if (!forms.has(split)) this.passages.push({ id: p.id, norm: split, compact: norm, words: split.split(' ') });
      }
    }
    for (const mode of modes) {
      const search = mode.index(this.passages);
      if (search) this.searches.push(search);
    }
  }

  /** Forms of passages searched (see `searchedShort`, `spellings` and `numberGroupings`). */
  get size(): number {
    return this.passages.length;
  }

  /** The length of the longest form searched, normalised (0 if none). */
  get longest(): number {
    return this.passages.reduce((n, p) => Math.max(n, p.norm.length), 0);
  }

  /** Every passage found in `normalisedText` (already normalised), at most one hit per passage and way. */
  search(normalisedText: string): Hit[] {
    if (this.passages.length === 0) return [];
    const hits: Hit[] = [];
    const found = new Set<string>();
    const add = (h: Hit) => {
      // The hits of one passage in one mode are all short or all long: the passage and the way identify a hit.
      const key = `${h.passageId}\u0000${h.how}`;
      if (found.has(key)) return;
      found.add(key);
      hits.push(h);
    };
    let split: { words: string[]; starts: number[] } | null = null;
    let normCodes: Uint16Array | null = null;
    let compactCodes: Uint16Array | null = null;
    let offsets: Uint32Array | null = null;
    const text: PreparedText = {
      norm: normalisedText,
      compact: compact(normalisedText),
      normCodes: () => (normCodes ??= charCodes(text.norm)),
      compactCodes: () => (compactCodes ??= charCodes(text.compact)),
      words: () => {
        if (split) return split;
        const words = normalisedText.split(' ');
        const starts: number[] = [];
        let offset = 0;
        for (const w of words) {
          starts.push(offset);
          offset += w.length + 1;
        }
        return (split = { words, starts });
      },
      normOffsets: () => {
        if (offsets) return offsets;
        offsets = new Uint32Array(text.compact.length);
        let at = 0;
        for (let i = 0; i < normalisedText.length; i++) if (normalisedText.charCodeAt(i) !== 32) offsets[at++] = i;
        return offsets;
      },
    };
    for (const search of this.searches) search(text, add);
    return hits;
  }
}

// ---- multi-pattern search by rolling hash ------------------------------------------------------------------------

/** Polynomial hash modulo 2^32 (32-bit integer arithmetic): a hit is only a candidate, always verified. */
const HASH_BASE = 0x01000193;

function highPower(len: number): number {
  let high = 1; // BASE^(len-1), to take the leaving element out
  for (let i = 0; i < len - 1; i++) high = Math.imul(high, HASH_BASE);
  return high;
}

/** 16 well-mixed bits of a hash, for the bit filter. */
const filterSlot = (h: number) => Math.imul(h, 0x9e3779b1) >>> 16;

function charCodes(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Calls `fn(start, hash)` for every `len`-long window of `codes` with a Rabin–Karp rolling hash: linear in the
 * input and without a string per position.
 */
function rollingHashes(codes: ArrayLike<number>, len: number, fn: (start: number, hash: number) => void): void {
  if (codes.length < len) return;
  const high = highPower(len);
  let h = 0;
  for (let i = 0; i < len; i++) h = (Math.imul(h, HASH_BASE) + codes[i]!) | 0;
  fn(0, h);
  for (let i = len; i < codes.length; i++) {
    h = (Math.imul(h - Math.imul(codes[i - len]!, high), HASH_BASE) + codes[i]!) | 0;
    fn(i - len + 1, h);
  }
}

/** Items keyed by the hash of a fixed-length string (a passage's first `len` characters, or a window). */
class PrefixIndex<T> {
  private readonly buckets = new Map<number, T[]>();
  /** One bit per hash modulo 2^16: most positions of a text are ruled out without a map look-up. */
  private readonly filter = new Uint32Array(2048);

  constructor(private readonly len: number) {}

  get size(): number {
    return this.buckets.size;
  }

  /** Adds `item` under the hash of the first `len` characters of `s` (which has at least `len`). */
  add(s: string, item: T): void {
    let h = 0;
    for (let i = 0; i < this.len; i++) h = (Math.imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
    this.addHash(h, item);
  }

  addHash(h: number, item: T): void {
    const bucket = this.buckets.get(h);
    if (bucket) bucket.push(item);
    else this.buckets.set(h, [item]);
    const slot = filterSlot(h);
    this.filter[slot >>> 5]! |= 1 << (slot & 31);
  }

  candidates(h: number): T[] | undefined {
    const slot = filterSlot(h);
    if ((this.filter[slot >>> 5]! & (1 << (slot & 31))) === 0) return undefined;
    return this.buckets.get(h);
  }

  /** Calls `fn(at, item)` for every item whose hash equals that of the text's `len` code units at `at`. */
  search(codes: Uint16Array, fn: (at: number, item: T) => void): void {
    const len = this.len;
    if (this.buckets.size === 0 || codes.length < len) return;
    // rollingHashes inlined with the filter test: this loop runs once per character of the document.
    const high = highPower(len);
    const filter = this.filter;
    let h = 0;
    for (let i = 0; i < len; i++) h = (Math.imul(h, HASH_BASE) + codes[i]!) | 0;
    for (let i = len; ; i++) {
      const slot = Math.imul(h, 0x9e3779b1) >>> 16;
      if ((filter[slot >>> 5]! & (1 << (slot & 31))) !== 0) {
        const bucket = this.buckets.get(h);
        if (bucket) for (const item of bucket) fn(i - len, item);
      }
      if (i >= codes.length) break;
      h = (Math.imul(h - Math.imul(codes[i - len]!, high), HASH_BASE) + codes[i]!) | 0;
    }
  }
}
