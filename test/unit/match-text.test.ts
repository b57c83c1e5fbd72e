import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookAlikeTable } from '../../shared/text/look-alikes';
import { HONORIFIC, PARTICLE } from '../../shared/redaction/name-forms';
import {
  CHAR_WINDOWS,
  compact,
  MIN_COMPACT,
  MIN_PASSAGE,
  MIN_SPACED,
  normaliseForMatch,
  PassageMatcher,
  SEARCH_MODES,
  SHORT_PASSAGE,
  WHOLE,
  NAME_INITIALS,
  WHOLE_WITHOUT_SPACES,
  WINDOW_CHARS,
  WINDOW_WORDS,
  WORD_WINDOWS,
  type HitHow,
  type SearchMode,
} from '../../shared/redaction/match-text';

/**
 * The text matcher of the redaction check (match-text.ts): what counts as the same text, and the five search modes,
 * each proved by a leak that only it can find, at the boundaries of its thresholds.
 */

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** How a passage is found in a text, through the same normaliser as the check; [] when it is not found. */
function howFound(passage: string, text: string, modes: readonly SearchMode[] = SEARCH_MODES): HitHow[] {
  return new PassageMatcher([{ id: 'p', text: passage }], modes)
    .search(normaliseForMatch(text))
    .map((h) => h.how)
    .sort();
}

// ---- normalisation -----------------------------------------------------------------------------------------------

describe('normaliseForMatch', () => {
  const same: Array<[string, string, string]> = [
    ['case', 'MISTRAL AI Board', 'mistral ai board'],
    ['precomposed and decomposed accents', 'Soci\u00e9t\u00e9 G\u00e9n\u00e9rale', 'Socie\u0301te\u0301 Ge\u0301ne\u0301rale'],
    ['extra combining marks stacked on letters', 'Soci\u00e9t\u00e9 G\u00e9n\u00e9rale', 'S\u0308oc\u0303i\u00e9\u0330t\u00e9 G\u00e9\u0301n\u00e9rale\u0327'],
    ['accents removed', 'Soci\u00e9t\u00e9 G\u00e9n\u00e9rale', 'Societe Generale'],
    ['Cyrillic look-alikes in lower case', 'a copy of the report', '\u0430 \u0441\u043e\u0440\u0443 \u043ef th\u0435 r\u0435\u0440\u043ert'],
    ['Cyrillic and Greek look-alikes in upper case', 'HEAT MAP TOOLKIT', '\u041d\u0395\u0410\u03a4 \u041c\u0391\u0420 \u0422\u041e\u041e\u004c\u039a\u0406\u0422'],
    ['a Cyrillic capital I against a Latin I', 'INTERNAL', '\u0406NTERNAL'],
    ['mathematical and full-width letters', 'Hello World', '\u210d\ud835\udc1e\ud835\udd5d\ud835\udcc1\ud835\udc5c \uff37\uff4f\uff52\uff4c\uff44'],
    ['hyphens and dashes between words', 'ten per cent of the budget', 'ten-per\u2013cent\u2014of\u2010the\u2212budget'],
    ['other punctuation and symbols between words', 'ten per cent of the budget', 'ten_per/cent.of\u00b7the\u2022budget'],
    ['emoji and arrows between words', 'ten per cent', 'ten\u{1F525}per\u2192cent'],
    ['white space of every kind', 'ten per cent', '  ten\u00a0\u2003per\n\tcent '],
    ['invisible characters inside words', 'threshold', 'thr\u200be\u200dsh\u00adold\u2060\ufeff'],
    // Embeddings and isolates; an override also reads as shown (test/unit/bidi.test.ts).
    ['bidi controls', 'threshold', '\u202bthre\u2067shold\u2069\u202c'],
    ['ligatures and sharp s', 'final strasse', '\ufb01nal stra\u00dfe'],
  ];
  for (const [name, a, b] of same)
    it(`reads as the same text: ${name}`, () => {
      expect(normaliseForMatch(b)).toBe(normaliseForMatch(a));
    });

  it('keeps what tells texts apart: ASCII letters and digits are never remapped, currency signs stay', () => {
    expect(normaliseForMatch('modern')).not.toBe(normaliseForMatch('rnodern'));
    expect(normaliseForMatch('2010')).toBe('2010');
    expect(normaliseForMatch('Bill 1')).not.toBe(normaliseForMatch('BiII l'));
    expect(normaliseForMatch('EUR 12 million')).toBe('eur 12 million');
    expect(normaliseForMatch('\u20ac12')).toBe('\u20ac12');
  });

  it('is idempotent on every code point and on random strings', () => {
    // Under `npm run mutate` (instrumented code, once per mutant) every code point below U+3000 and one in 7 above it.
    const step = (cp: number) => (process.env.MUTATE_GROUP !== undefined && cp >= 0x3000 ? 7 : 1);
    for (let cp = 0; cp < 0x30000; cp += step(cp)) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const c = String.fromCodePoint(cp);
      const once = normaliseForMatch(c);
      if (normaliseForMatch(once) !== once) throw new Error(`U+${cp.toString(16)}: ${JSON.stringify(once)} → ${JSON.stringify(normaliseForMatch(once))}`);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => normaliseForMatch(normaliseForMatch(s)) === normaliseForMatch(s)),
      { numRuns: RUNS * 5 },
    );
  });

  it('derives its look-alike table from UTS #39 data: non-ASCII letters and digits only, no entry maps to itself', () => {
    // The table normaliseForMatch uses (shared/text/look-alikes-data.ts; test/unit/look-alikes.test.ts checks it is
    // what the rules make of the data), closed under itself.
    const table = lookAlikeTable();
    for (const [k, v] of table) {
      expect(v, k).toBe(v.normalize('NFKD').toLowerCase());
      for (const c of v) expect(table.has(c), `${k} → ${v}: ${c} is itself mapped`).toBe(false);
    }
    expect(table.size).toBeGreaterThan(1000);
    for (const [k, v] of table) {
      expect(k.codePointAt(0)!).toBeGreaterThan(0x7f);
      expect(v).not.toContain(k);
    }
    expect(table.get('\u0430')).toBe('a'); // Cyrillic a
    expect(table.get('\u041d')).toBe('h'); // Cyrillic capital En looks like H
    expect(table.get('\u0406')).toBe('i'); // Cyrillic capital I: "l" in TS #39, read as I
  });
});

// ---- the five modes, each proved alone ---------------------------------------------------------------------------

/**
 * One leak per mode that no other mode finds. The passage and the text go through the same normaliser as in the
 * check; the text is what a careless or hostile edit of the public file could contain.
 */
const DEDICATED: Record<HitHow, { passage: string; text: string }> = {
  // 10 letters without spaces (< MIN_COMPACT), 2 words, found as a whole.
  whole: { passage: 'Zephyr Nine', text: 'The codename Zephyr Nine was agreed.' },
  // 5 words, 22 letters: neither windowed nor found with its spaces; only with every space removed.
  whole_without_spaces: { passage: 'EUR 12 million budget 2027', text: 'The line EUR12millionbudget2027 was in the annex.' },
  // 8 consecutive words (23 letters: shorter than a character window) of a 15-word passage.
  word_window: {
    passage: 'The provider said that it will pay a fee of ten per cent to the fund',
    text: 'In public it was only said that someone will pay a fee of ten per cent, nothing more.',
  },
  // 47 consecutive letters of a long passage with its spaces removed: no whole word of it, no whole passage.
  char_window: {
    passage: 'During the closed session the delegation explained that its internal evaluation of systemic risks found several unresolved issues',
    text: `x${'the delegation explained that its internal evaluation'.replace(/ /g, '')}y`,
  },
  // A flagged person's name with a middle initial the flag does not hold.
  name_with_initials: { passage: 'Dr Jane Roe', text: 'Present: Jane M. Roe (independent expert).' },
};
const MODE_OF: Record<HitHow, SearchMode> = {
  whole: WHOLE,
  whole_without_spaces: WHOLE_WITHOUT_SPACES,
  word_window: WORD_WINDOWS,
  char_window: CHAR_WINDOWS,
  name_with_initials: NAME_INITIALS,
};

describe('search modes', () => {
  it('production searches with exactly the five modes, and the list cannot be changed', () => {
    expect(SEARCH_MODES.map((m) => m.how).sort()).toEqual(['char_window', 'name_with_initials', 'whole', 'whole_without_spaces', 'word_window']);
    expect(Object.isFrozen(SEARCH_MODES)).toBe(true);
    expect(new PassageMatcher([{ id: 'p', text: DEDICATED.word_window.passage }]).search(normaliseForMatch(DEDICATED.word_window.text))).toHaveLength(1);
  });

  for (const how of Object.keys(DEDICATED) as HitHow[]) {
    const { passage, text } = DEDICATED[how];
    it(`${how}: its dedicated leak is found by this mode and by no other`, () => {
      expect(howFound(passage, text)).toEqual([how]);
      expect(howFound(passage, text, [MODE_OF[how]])).toEqual([how]);
    });
    it(`${how}: without this mode, its dedicated leak is missed (and every other mode's is still caught)`, () => {
      const without = SEARCH_MODES.filter((m) => m.how !== how);
      expect(without).toHaveLength(SEARCH_MODES.length - 1);
      expect(howFound(passage, text, without)).toEqual([]);
      for (const other of Object.keys(DEDICATED) as HitHow[]) if (other !== how) expect(howFound(DEDICATED[other].passage, DEDICATED[other].text, without)).toEqual([other]);
    });
  }
});

// ---- thresholds at their boundaries ------------------------------------------------------------------------------

/** n distinct lower-case "words" of `len` letters, none an ASCII letter remapped by anything (there is none). */
const words = (n: number, len = 3, seed = 0) =>
  Array.from({ length: n }, (_, i) => {
    const k = i + seed * 100;
    return Array.from({ length: len }, (_, j) => String.fromCharCode(97 + ((k * 7 + j * 3 + Math.floor(k / 26)) % 26))).join('');
  });

describe('thresholds', () => {
  it(`under ${MIN_PASSAGE} characters only three with a letter, or a figure with its sign, are searched (as whole words)`, () => {
    expect(MIN_PASSAGE).toBe(4);
    expect(howFound('qzxv', 'the qzxv plan')).toEqual(['whole']);
    // Three letters only as written as an acronym or a mixed-case name: two capitals or more.
    expect(howFound('QZX', 'the qzx plan')).toEqual(['whole']);
    expect(howFound('QZX', 'the qzxv plan')).toEqual([]);
    expect(howFound('xAI', 'Talks with xAI.')).toEqual(['whole']);
    for (const text of ['qzx', 'Qzx', 'May']) expect(new PassageMatcher([{ id: 'p', text }]).size, text).toBe(0);
    expect(howFound('12%', 'a share of 12% and')).toEqual(['whole']);
    expect(howFound('12%', 'a share of 12 % and')).toEqual(['whole']); // French spacing: the sign stays with its number
    expect(howFound('5%', 'up 5%')).toEqual(['whole']);
    expect(howFound('€12', 'a fee of €12')).toEqual(['whole']);
    expect(howFound('€12', 'a fee of € 12')).toEqual(['whole']); // the currency sign stays with its number too
    expect(howFound('12%', 'a share of 12\u066A')).toEqual(['whole']); // the Arabic percent sign
    expect(howFound('12%', 'a share of 0.12%')).toEqual([]); // a decimal part makes another number
    // A figure's sign is part of it: a bare "12" (a date, an item number) is not the flagged share.
    expect(howFound('12%', 'on 12 March, item 12')).toEqual([]);
    expect(howFound('12%', 'a share of 112%')).toEqual([]);
    // Never searched: one or two letters, a bare number under 4 digits.
    for (const text of ['Q-z', 'EU', 'x', '12', '7', '%'])
      expect(new PassageMatcher([{ id: 'p', text }]).size, text).toBe(0);
  });

  it(`below ${SHORT_PASSAGE} characters a passage matches as whole words only; from ${SHORT_PASSAGE} anywhere`, () => {
    expect(SHORT_PASSAGE).toBe(8);
    expect(howFound('qzxvjkw', 'the qzxvjkw plan')).toEqual(['whole']); // 7
    expect(howFound('qzxvjkw', 'the qzxvjkwish plan')).toEqual([]); // 7, inside a word
    expect(howFound('qzxvjkw', 'the aqzxvjkw plan')).toEqual([]);
    expect(howFound('qzxvjkwy', 'the aqzxvjkwyish plan')).toEqual(['whole']); // 8, inside a word
    expect(howFound('qz xv jk', 'the qz-xv-jk plan')).toEqual(['whole']); // 8 with its spaces, as dashes
    const hits = new PassageMatcher([{ id: 'p', text: 'qzxvjkw' }]).search('the qzxvjkw plan');
    expect(hits.map((h) => [h.how, h.short])).toEqual([['whole', true]]);
  });

  it(`the space-free match anywhere needs ${MIN_COMPACT} characters; from ${MIN_SPACED}, on word edges only`, () => {
    expect(MIN_COMPACT).toBe(12);
    expect(MIN_SPACED).toBe(4);
    expect(howFound('abcde fghijkl', 'see abcdefghijkl here')).toEqual(['whole_without_spaces']); // 12 letters
    expect(howFound('abcde fghijkl', 'seeabcdefghijklhere')).toEqual(['whole_without_spaces']); // inside other letters
    expect(howFound('abcde fghijk', 'see abcdefghijk here')).toEqual(['whole_without_spaces']); // 11 letters, a whole word
    expect(howFound('abcde fghijk', 'seeabcdefghijkhere')).toEqual([]); // 11 letters inside other letters
    expect(howFound('abcde fghijk', 'see abcdefghijkhere')).toEqual([]); // a word edge at its start only
    expect(howFound('OpenAI', 'talks with Open AI on')).toEqual(['whole_without_spaces']);
    expect(howFound('Open AI', 'talks with OpenAI on')).toEqual(['whole_without_spaces']);
    expect(howFound('DeepMind', 'Deep-Mind and')).toEqual(['whole_without_spaces']);
    expect(howFound('Bluebird', 'the Blue Bird fund')).toEqual(['whole_without_spaces']);
    expect(howFound('Meta', 'the meta data')).toEqual(['whole']);
    expect(howFound('Meta', 'the metadata')).toEqual([]);
    expect(howFound('Meta', 'the me tadata')).toEqual([]);
    // Spaced as flagged, the passage is WHOLE's hit only; three letters are not searched spacing aside ("is a").
    expect(howFound('Open AI', 'talks with Open-AI on')).toEqual(['whole']);
    expect(howFound('ISA', 'this is a plan')).toEqual([]);
  });

  describe(`word windows of ${WINDOW_WORDS} words`, () => {
    it('the constant is what the tests assume', () => expect(WINDOW_WORDS).toBe(8));
    const nine = words(9); // 9 words of 3 letters: 27 letters, shorter than a character window
    it('the test passage has 9 distinct words', () => expect(new Set(nine).size).toBe(9));
    it('a 9-word passage: its first and its last 8 words are found, each only as a word window', () => {
      expect(howFound(nine.join(' '), `before ${nine.slice(0, 8).join(' ')} after`)).toEqual(['word_window']);
      expect(howFound(nine.join(' '), `before ${nine.slice(1).join(' ')} after`)).toEqual(['word_window']);
    });
    it('a window at the very start and at the very end of the text is found', () => {
      expect(howFound(nine.join(' '), nine.slice(0, 8).join(' '))).toEqual(['word_window']);
      expect(howFound(nine.join(' '), `zzzz yyyy ${nine.slice(1).join(' ')}`)).toEqual(['word_window']);
    });
    it('7 consecutive words of a 9-word passage are not enough', () => {
      expect(howFound(nine.join(' '), `before ${nine.slice(1, 8).join(' ')} after`)).toEqual([]);
      expect(howFound(nine.join(' '), `${nine.slice(0, 4).join(' ')} and ${nine.slice(4, 8).join(' ')}`)).toEqual([]);
    });
    it('an 8-word passage has no windows: it is found whole, never as a window', () => {
      const eight = words(8);
      expect(howFound(eight.join(' '), `before ${eight.join(' ')} after`)).toEqual(['whole', 'whole_without_spaces']);
      expect(howFound(eight.join(' '), `before ${eight.slice(0, 7).join(' ')} after`)).toEqual([]);
    });
    it('a hash collision is never a hit: the words are compared', () => {
      // 2,000 distinct words; these 8 (not a window of the passage) have the rolling hash of its window at word 404,
      // given word ids in order of first appearance (found by a random search over 8-word sequences).
      const many = Array.from({ length: 2000 }, (_, i) => `w${i}`);
      const colliding = [811, 561, 1672, 1815, 532, 1598, 1862, 823].map((i) => `w${i}`);
      expect(howFound(many.join(' '), `zz ${many.slice(404, 412).join(' ')} zz`)).toEqual(['word_window']);
      expect(howFound(many.join(' '), `zz ${colliding.join(' ')} zz`)).toEqual([]);
    });
    it('words must match whole: a window inside longer words is not a word window', () => {
      expect(howFound(nine.join(' '), `x${nine.slice(0, 8).join(' ')}x`)).toEqual([]);
    });
  });

  describe(`character windows of ${WINDOW_CHARS} characters`, () => {
    it('the constant is what the tests assume', () => expect(WINDOW_CHARS).toBe(40));
    // 45 letters in 5 words of 9: long enough for windows, too few words for word windows.
    const long = words(5, 9, 1);
    const letters = long.join('');
    it('the test passage has 45 letters in 5 distinct words', () => {
      expect(letters).toHaveLength(45);
      expect(new Set(long).size).toBe(5);
    });
    it('40 consecutive letters are found (first, last, and at the very ends of the text); 39 are not', () => {
      expect(howFound(long.join(' '), `zz${letters.slice(0, 40)}zz`)).toEqual(['char_window']);
      expect(howFound(long.join(' '), `zz${letters.slice(5)}zz`)).toEqual(['char_window']);
      expect(howFound(long.join(' '), letters.slice(0, 40))).toEqual(['char_window']);
      expect(howFound(long.join(' '), `zz ${letters.slice(5)}`)).toEqual(['char_window']);
      expect(howFound(long.join(' '), `zz${letters.slice(0, 39)}zz`)).toEqual([]);
      expect(howFound(long.join(' '), `zz${letters.slice(6)}zz`)).toEqual([]);
    });
    it('a passage of exactly 40 letters has no windows; one of 41 has', () => {
      const forty = letters.slice(0, 40);
      const p40 = `${forty.slice(0, 20)} ${forty.slice(20)}`;
      expect(howFound(p40, `zz${forty}zz`)).toEqual(['whole_without_spaces']);
      expect(howFound(p40, `zz${forty.slice(0, 39)}zz`)).toEqual([]);
      const p41 = `${letters.slice(0, 20)} ${letters.slice(20, 41)}`;
      expect(howFound(p41, `zz${letters.slice(1, 41)}zz`)).toEqual(['char_window']);
      expect(howFound(p41, `zz${letters.slice(0, 40)}zz`)).toEqual(['char_window']);
    });
    it('a hash collision is never a hit: the characters are compared', () => {
      // Two 40-letter strings with the same 32-bit rolling hash (found by a birthday search over random strings).
      const [a, b] = ['mdfebskrciuzhnjbghqwygcoedgpxgtvazuuptvy', 'jweakluapwgyfvtskiootxuiqtroxiyxlobewluc'];
      expect(howFound(`${a.slice(0, 20)} ${a.slice(20)}q`, `zz ${a} zz`)).toEqual(['char_window']);
      expect(howFound(`${a.slice(0, 20)} ${a.slice(20)}q`, `zz ${b} zz`)).toEqual([]);
      expect(new PassageMatcher([{ id: 'p', text: long.join(' ') }]).search(normaliseForMatch('q'.repeat(5000)))).toEqual([]);
    });
  });
});

// ---- random passages, random disguises ---------------------------------------------------------------------------

/** Latin letters and look-alikes from other scripts (an oracle written by hand, not taken from the table). */
const LOOKALIKE: Record<string, string[]> = {
  a: ['\u0430', '\u03b1'],
  c: ['\u0441'],
  e: ['\u0435'],
  i: ['\u0456', '\u03b9'],
  j: ['\u0458'],
  o: ['\u043e', '\u03bf', '\u0585'],
  p: ['\u0440'],
  s: ['\u0455'],
  x: ['\u0445'],
  y: ['\u0443'],
  A: ['\u0410', '\u0391'],
  B: ['\u0412', '\u0392'],
  E: ['\u0415', '\u0395'],
  H: ['\u041d', '\u0397'],
  I: ['\u0406', '\u0399'],
  K: ['\u041a', '\u039a'],
  M: ['\u041c', '\u039c'],
  O: ['\u041e', '\u039f'],
  P: ['\u0420', '\u03a1'],
  T: ['\u0422', '\u03a4'],
  X: ['\u0425', '\u03a7'],
};
const SEPARATOR = ['-', '\u2013', '\u2014', '_', '/', '.', ', ', ' \u00b7 ', '\u00a0', '  ', '\n', '\u2010', '\u2212', '+', '|'];
const MARKS = ['\u0301', '\u0300', '\u0308', '\u0303', '\u0327', '\u030c'];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\u202e', '\u202c', '\ufeff'];

const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIKMOPTX'), minLength: 1, maxLength: 9 });

/** A disguise applied character by character: look-alike, accent, invisible, case; separators between words. */
const disguise = (passage: string) =>
  fc.array(fc.tuple(fc.nat(9), fc.nat(20), fc.nat(20), fc.boolean()), { minLength: passage.length, maxLength: passage.length }).chain((perChar) =>
    fc.array(fc.constantFrom(...SEPARATOR), { minLength: passage.length, maxLength: passage.length }).map((seps) => {
      let out = '';
      [...passage].forEach((c, i) => {
        const [kind, pick, pick2, upper] = perChar[i]!;
        if (c === ' ') {
          out += seps[i]!;
          return;
        }
        let ch = upper ? c.toUpperCase() : c.toLowerCase();
        const alikes = LOOKALIKE[ch];
        if (kind <= 3 && alikes) ch = alikes[pick % alikes.length]!;
        if (kind === 4 || kind === 5) ch += MARKS[pick2 % MARKS.length]!;
        if (kind === 6) ch += INVISIBLES[pick2 % INVISIBLES.length]!;
        if (kind === 7) ch = ch.normalize('NFD');
        out += ch;
      });
      return out;
    }),
  );

describe('property: a disguised passage is still found', () => {
  it('any passage, disguised at random and put in other text, is found', () => {
    const cases = fc
      .tuple(
        fc.array(word, { minLength: 1, maxLength: 14 }).filter((ws) => normaliseForMatch(ws.join(' ')).length >= MIN_PASSAGE),
        fc.array(word, { maxLength: 6 }),
        fc.array(word, { maxLength: 6 }),
      )
      .chain(([ws, before, after]) => disguise(ws.join(' ')).map((disguised) => ({ passage: ws.join(' '), text: `${before.join(' ')} ${disguised} ${after.join(' ')}` })));
    fc.assert(
      fc.property(cases, ({ passage, text }) => {
        const hits = new PassageMatcher([{ id: 'p', text: passage }]).search(normaliseForMatch(text));
        expect(hits.length, `${JSON.stringify(passage)} in ${JSON.stringify(text)}`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('any window of a long passage, disguised and without its spaces, is found', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 9 }), { minLength: 12, maxLength: 30 }), fc.nat(), (ws, start) => {
        const passage = ws.join(' ');
        const c = compact(normaliseForMatch(passage));
        fc.pre(c.length > WINDOW_CHARS);
        const at = start % (c.length - WINDOW_CHARS + 1);
        const leaked = [...c.slice(at, at + WINDOW_CHARS)].map((ch, i) => (i % 3 === 0 && LOOKALIKE[ch] ? LOOKALIKE[ch][0]! : ch.toUpperCase())).join('\u200b');
        const hits = new PassageMatcher([{ id: 'p', text: passage }]).search(normaliseForMatch(`zz${leaked}zz`));
        expect(hits.map((h) => h.how)).toContain('char_window');
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- a name with initials, a short name split ---------------------------------------------------------------------

describe('a flagged name printed with initials between its words (NAME_INITIALS)', () => {
  const found = (flagged: string, printed: string) => howFound(flagged, printed).length > 0;
  it.each([
    ['Dr Jane Roe', 'Jane M. Roe'],
    ['Dr Jane Roe', 'Jane M Roe'],
    ['Dr Jane Roe', 'Dr Jane M. Roe'],
    ['Dr Jane Roe', 'Jane M. K. Roe'],
    ['Jane Roe', 'ROE Jane M.'],
    ['Jane Roe', 'Roe, Jane M. K.'],
    ['Dr María García López', 'María J. García López'],
    ['Dr María García López', 'GARCÍA LÓPEZ María J.'],
    ['Jan Van den Bossche', 'Jan P. Van den Bossche'],
    // Titles and a surname alone (fast-check found "Dr Ing Aaa" printed "Ing A Aaa" not found).
    ['Dr Ing Aaa', 'Ing A Aaa'],
    ['Dr Ing Aaa', 'Dr A. Aaa'],
    ['Mr Smith', 'Mr J. Smith'],
  ])('flagged "%s", printed "%s": found', (flagged, printed) => {
    expect(found(flagged, `Present: ${printed}, independent expert.`)).toBe(true);
  });

  it.each([
    // A word between them that is not an initial: another person, or ordinary words.
    ['Dr Jane Roe', 'Jane Mary Roe'],
    ['Dr Jane Roe', 'Jane and Roe'],
    // Three initials in one gap: beyond what a name carries.
    ['Dr Jane Roe', 'Jane A. B. C. Roe'],
    // Not a name (lower-case words): never read as one.
    ['ten per cent', 'ten a per cent'],
    // An initial at the start, not between the words.
    ['Jane Roe', 'M. Jane'],
  ])('flagged "%s", printed "%s": not found', (flagged, printed) => {
    expect(found(flagged, `Present: ${printed}, independent expert.`)).toBe(false);
  });

  it('the hit is where the name is, initials included', () => {
    const norm = normaliseForMatch('Present: Jane M. K. Roe, expert.');
    const hits = new PassageMatcher([{ id: 'p', text: 'Jane Roe' }]).search(norm);
    expect(hits.map((h) => [h.how, norm.slice(h.at, h.at + h.length)])).toEqual([['name_with_initials', 'jane m k roe']]);
  });

  it('any name and any initials between its words: found', () => {
    // Not an honorific or a particle ("Mme", "Van"): those are not words of a name (name-forms.ts).
    const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/).filter((w) => !HONORIFIC.test(w) && !PARTICLE.test(w));
    const initial = fc.stringMatching(/^[A-Z]\.?$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 4 }), fc.nat(), fc.array(initial, { minLength: 1, maxLength: 2 }), (name, at, initials) => {
        const gap = 1 + (at % (name.length - 1));
        const printed = [...name.slice(0, gap), ...initials, ...name.slice(gap)].join(' ');
        expect(found(`Dr ${name.join(' ')}`, `List: ${printed} (expert).`)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a short flagged name printed split between its letters', () => {
  const found = (flagged: string, printed: string) => howFound(flagged, printed).length > 0;
  it.each([
    ['xAI', 'x.AI will present.'],
    ['xAI', 'X AI will present.'],
    ['xAI', 'x-AI will present.'],
    ['IBM', 'I.B.M. will present.'],
    ['A4x', 'A4 x will present.'],
  ])('flagged "%s", printed "%s": found', (flagged, printed) => {
    expect(found(flagged, printed)).toBe(true);
  });

  it.each([
    ['xAI', 'Tax AI rules were presented.'],
    ['xAI', 'The x axis shows AI uptake.'],
    ['IBM', 'I BMW'],
    // Split where the flag does not change case: ordinary words ("is a"), not the name.
    ['ISA', 'This is a plan.'],
    // A word of three letters that is not searched at all ("May") is not searched split either.
    ['May', 'M ay'],
  ])('flagged "%s", printed "%s": not found', (flagged, printed) => {
    expect(found(flagged, printed)).toBe(false);
  });
});
