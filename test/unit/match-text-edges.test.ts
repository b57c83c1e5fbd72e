import { describe, expect, it } from 'vitest';
import { buildLookAlikeTable } from '../../shared/text/look-alikes-build';
import { lookAlikeTable } from '../../shared/text/look-alikes';
import {
  compact,
  decodeLoosely,
  normaliseForMatch,
  PassageMatcher,
  SEARCH_MODES,
  type Hit,
  type HitHow,
} from '../../shared/redaction/match-text';

/**
 * The text matcher's edges that match-text.test.ts leaves open (written for the survivors of `npm run mutate --
 * check-match`, docs/mutation.md): the rules of the look-alike table, where a hit says the leak is, passages that
 * share a beginning or words, a currency sign in a short passage, and thresholds that hold whatever the text hashes to.
 */

function found(passages: Array<[string, string]>, text: string): Array<[string, HitHow]> {
  return new PassageMatcher(passages.map(([id, t]) => ({ id, text: t })))
    .search(normaliseForMatch(text))
    .map((h): [string, HitHow] => [h.passageId, h.how])
    .sort();
}
const howFound = (passage: string, text: string) => found([['p', passage]], text).map(([, how]) => how);

// ---- the look-alike table ----------------------------------------------------------------------------------------

describe('the look-alike table the app reads text with (made from the UTS #39 data)', () => {
  const table = lookAlikeTable();
  const cases: Array<[string, string | undefined, string]> = [
    ['\u0627', 'l', "Arabic alef reads as l: a letter's own entry wins over its accented forms (\u0623 \u2192 l\u0674)"],
    ['\u064a', '\u0649', "Arabic yeh reads as alef maksura: its own entry wins over hamza forms (\u0626 \u2192 \u0649\u0674)"],
    ['\u03c2', 'c', 'Greek final sigma reads as c, an entry that only its compatibility form (lunate sigma \u03f2) gives'],
    ['\u05d5', 'l', 'Hebrew vav, an uncased look-alike of l, stays l (only capitals such as Cyrillic \u0406 read as I)'],
    // Decimal digits are not in the table: read as their value before it (fold.ts asciiDigits; "١" reads "1").
    ['\u0661', undefined, 'Arabic-Indic one is not in the table (a digit, read as 1 before the table)'],
    ['\u04d8', '\u01dd', 'Cyrillic capital schwa follows its chain of prototypes (\u04d8 \u2192 \u018f \u2192 \u01dd)'],
    ['\u01bb', '2', "Latin two with stroke reads as 2: the prototype's combining stroke is dropped"],
    ['\u03c9', '\uabbf', 'Greek omega reads as Cherokee \uabbf, through its accented form \u1ff6 (its only entry in the data)'],
  ];
  for (const [c, reads, why] of cases) it(why, () => expect(table.get(c)).toBe(reads));

  it('maps a letter and its look-alike of the same case to the same prototype', () => {
    expect(table.get('\u04d9')).toBe(table.get('\u04d8')); // Cyrillic schwa, small and capital
    expect(table.get('\ua7b7')).toBe(table.get('\u03c9')); // Latin small omega and Greek omega
  });
});

describe('the look-alike table: its rules, on data of their own', () => {
  const build = (data: Record<string, string>) => Object.fromEntries(buildLookAlikeTable(data));

  it("a letter's own entry wins over its accented forms, before or after it", () => {
    expect(build({ '\u04d1': 'q', '\u0430': 'a', '\u04d3': 'z' })).toEqual({ '\u0430': 'a' });
  });

  it('ASCII sources, punctuation and symbols are never keys; upper-case look-alikes of l read as I', () => {
    expect(build({ '0': 'O', '1': 'l', m: 'rn', '\u2014': '\u30fc', '\u2192': '-' })).toEqual({});
    expect(build({ '\u0406': 'l', '\u05d5': 'l' })).toEqual({ '\u0406': 'i', '\u05d5': 'l' });
  });

  it('follows a chain of prototypes to its end, whatever the order of the data', () => {
    const closed = { '\u0436': 'x', '\u0444': 'x', '\u0446': 'x' };
    expect(build({ '\u0436': '\u0444', '\u0444': '\u0446', '\u0446': 'x' })).toEqual(closed);
    expect(build({ '\u0446': 'x', '\u0444': '\u0446', '\u0436': '\u0444' })).toEqual(closed);
    expect(build({ '\u0436': '\u0444\u0444', '\u0444': '\u0446y', '\u0446': 'x' })).toEqual({ '\u0436': 'xyxy', '\u0444': 'xy', '\u0446': 'x' });
  });

  it('drops an entry caught in a cycle instead of letting it grow', () => {
    const table = build({ '\u0436': 'x\u0444', '\u0444': 'y\u0436' });
    for (const [k, v] of Object.entries(table)) expect(v).not.toContain(k);
    expect(table).toEqual({ '\u0444': 'y\u0436' });
    expect(build({ '\u0436': '\u0436x' })).toEqual({}); // a prototype containing its own source
  });
});

// ---- normalisation of plain ASCII --------------------------------------------------------------------------------

describe('normaliseForMatch on ASCII text', () => {
  it('drops separators at both ends', () => {
    expect(normaliseForMatch(' ("Zephyr Nine"). ')).toBe('zephyr nine');
    expect(normaliseForMatch('-- x --')).toBe('x');
  });
  it('a passage flagged with its quotes and full stop is found at the very start and end of a text', () => {
    expect(howFound('"Zephyr Nine."', 'Zephyr Nine was agreed')).toEqual(['whole']);
    expect(howFound('"Zephyr Nine."', 'It was called Zephyr Nine')).toEqual(['whole']);
  });
});

// ---- what a hit says ---------------------------------------------------------------------------------------------

describe('a hit says where the leak is', () => {
  const cases: Array<{ how: HitHow; passage: string; text: string; leaked: string; short: boolean }> = [
    { how: 'whole', passage: 'qzxv', text: 'in the plan: qzxv, then more', leaked: 'qzxv', short: true },
    { how: 'whole', passage: 'Zephyr Nine', text: 'The codename Zephyr Nine was agreed.', leaked: 'zephyr nine', short: false },
    // Exactly SHORT_PASSAGE characters: not short, so the check reports it in every attribute, not only text ones.
    { how: 'whole', passage: 'Zephyr 9', text: 'The codename Zephyr 9 was agreed.', leaked: 'zephyr 9', short: false },
    {
      how: 'whole_without_spaces',
      passage: 'EUR 12 million budget 2027',
      text: 'The line EUR12millionbudget2027 was in the annex.',
      leaked: 'eur12millionbudget2027',
      short: false,
    },
    {
      how: 'word_window',
      passage: 'The provider said that it will pay a fee of ten per cent to the fund',
      text: 'In public it was only said that someone will pay a fee of ten per cent, nothing more.',
      leaked: 'will pay a fee of ten per cent',
      short: false,
    },
    {
      how: 'char_window',
      passage: 'During the closed session the delegation explained that its internal evaluation of systemic risks found issues',
      text: 'as noted, the delegation explained that its internal evaluation, nothing more',
      leaked: 'thedelegationexplainedthatitsinternaleva',
      short: false,
    },
  ];
  for (const { how, passage, text, leaked, short } of cases)
    it(`${how}, ${passage.length} characters: the offset and length in the text searched, and whether the passage is short`, () => {
      const norm = normaliseForMatch(text);
      const hits = new PassageMatcher([{ id: 'p', text: passage }]).search(norm);
      expect(hits.map((h) => h.how)).toEqual([how]);
      const hit: Hit = hits[0]!;
      const searched = how === 'whole' || how === 'word_window' ? norm : compact(norm);
      expect(searched.slice(hit.at, hit.at + hit.length)).toBe(leaked);
      expect(hit).toEqual({ passageId: 'p', how, at: searched.indexOf(leaked), length: leaked.length, short });
    });
});

// ---- several passages --------------------------------------------------------------------------------------------

describe('several passages', () => {
  it('passages that begin with the same words are each found', () => {
    const passages: Array<[string, string]> = [
      ['pricing', 'Confidential annex on pricing'],
      ['staffing', 'Confidential annex on staffing'],
      ['seats', 'Confidential annex on seats and votes'],
    ];
    for (const [id, text] of passages) {
      expect(found(passages, `Yesterday the ${text.toLowerCase()} was shared.`)).toEqual([
        [id, 'whole'],
        [id, 'whole_without_spaces'],
      ]);
    }
  });

  it('passages that share words (and repeat them) are each found by a window of their words', () => {
    const passages: Array<[string, string]> = [
      ['fee', 'the provider will pay a fee of ten per cent'],
      ['fund', 'the fund will receive ten per cent of the fee in the end'],
    ];
    expect(found(passages, 'so provider will pay a fee of ten per, said one')).toEqual([['fee', 'word_window']]);
    expect(found(passages, 'so will receive ten per cent of the fee, said one')).toEqual([['fund', 'word_window']]);
    expect(found(passages, 'so the fund will receive ten per cent of, said one')).toEqual([['fund', 'word_window']]);
  });

  it('a leak of words two passages share is reported once, under the passage listed first', () => {
    const eight = 'one two six ten red sun sea sky'; // 24 letters: no character window
    const byWords: Array<[string, string]> = [
      ['first', `${eight} india`],
      ['second', `zulu ${eight}`],
    ];
    expect(found(byWords, `so ${eight}, said one`)).toEqual([['first', 'word_window']]);
    const letters = 'thedelegationexplainedthatitsinternaleva';
    const byLetters: Array<[string, string]> = [
      ['first', `${letters}luation`],
      ['second', `wherever ${letters}`],
    ];
    expect(found(byLetters, `zz ${letters} zz`)).toEqual([['first', 'char_window']]);
  });

  it('a long document searched for many passages: exactly the planted leaks are found', () => {
    // Deterministic pseudo-random words: the passages use the letters a–m, the document n–z, so nothing but the
    // planted leaks can match; 40 passages fill the indexes enough that many positions pass the bit filter.
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const wordOf = (from: string) => Array.from({ length: 3 + Math.floor(next() * 6) }, () => from[Math.floor(next() * from.length)]).join('');
    const passages = Array.from({ length: 40 }, (_, i): [string, string] => [`p${i}`, Array.from({ length: 10 + (i % 7) }, () => wordOf('abcdefghijklm')).join(' ')]);
    const doc = Array.from({ length: 20_000 }, () => wordOf('nopqrstuvwxyz'));
    doc.splice(5_000, 0, passages[7]![1]);
    doc.splice(15_000, 0, passages[31]![1].split(' ').slice(1, 9).join(' '));
    const hits = found(passages, doc.join(' '));
    expect(hits.filter(([id]) => id !== 'p7')).toEqual([['p31', 'word_window']]);
    expect(hits.filter(([id]) => id === 'p7').map(([, how]) => how)).toContain('whole');
  });
});

// ---- a short passage with a currency sign ------------------------------------------------------------------------

describe('currency signs', () => {
  it('a short passage with a dollar sign is matched literally: found as $100, not in €100 or 100', () => {
    expect(howFound('$100', 'a fee of $100 was paid')).toEqual(['whole']);
    expect(howFound('$100', 'a fee of \u20ac100 was paid')).toEqual([]);
    expect(howFound('$100', 'a fee of 100 was paid')).toEqual([]);
  });
});

// ---- thresholds hold whatever the text hashes to -----------------------------------------------------------------

/**
 * The indexes compare a text with a passage only where their rolling hashes agree, and then compare the characters.
 * These texts are built so that a window of them has the hash 0 (found by a search over CJK letters, which
 * normalisation keeps as they are): a window that a shorter key would get if it were ever indexed. Below each
 * threshold nothing may be found there.
 */
describe('thresholds hold whatever the text hashes to', () => {
  it('a short passage inside a longer word is not found', () => {
    expect(howFound('qzxvj', 'the qzxvj\u4e01\u739f\u5a89 plan')).toEqual([]);
    expect(howFound('qzxvj', 'the qzxvj \u4e01\u739f\u5a89 plan')).toEqual(['whole']);
  });

  it('8 letters without their spaces are not found', () => {
    expect(howFound('qzxv jkwy', 'see qzxvjkwy\u4e2d\u4e07\u7551\u87dd here')).toEqual([]);
    expect(howFound('qzxv jkwy', 'see qzxv jkwy\u4e2d\u4e07\u7551\u87dd here')).toEqual(['whole']);
  });

  it('the last 39 letters of a long passage and one more character are not a window', () => {
    const passage = 'the delegation explained that its internal evaluation of risks uwztzwr';
    const letters = compact(normaliseForMatch(passage));
    expect(letters.slice(-40)).toBe('dthatitsinternalevaluationofrisksuwztzwr');
    expect(howFound(passage, `zz ${letters.slice(-39)}\u7412 zz`)).toEqual([]);
    expect(howFound(passage, `zz ${letters.slice(-40)}\u7412 zz`)).toEqual(['char_window']);
  });

  it('every mode is among those searched here', () => expect(SEARCH_MODES).toHaveLength(5));
});

describe('short passages in scripts written without spaces between words', () => {
  // A short passage must stand as a whole word ("AI" is not found in "said"); Chinese, Japanese, Thai… put no spaces
  // between words, so a copy inside a sentence always touches letters: found by an audit (2026-12-04), a 7-character
  // company deal in Chinese was published when it stood inside a sentence.
  it('is found inside a sentence when its edge is a letter of such a script, on that side only', () => {
    expect(howFound('阿尔法收购贝塔', '主席回顾了阿尔法收购贝塔的计划。')).toEqual(['whole']);
    expect(howFound('アルファ社', '議長はアルファ社の計画を説明した')).toEqual(['whole']);
    expect(howFound('บริษัทเอ', 'ประธานกล่าวถึงบริษัทเอในที่ประชุม')).toEqual(['whole']);
    expect(howFound('삼성전자', '삼성전자가 발표했다')).toEqual(['whole']);
    expect(howFound('阿尔法收购贝塔', 'Then 阿尔法收购贝塔x plan')).toEqual(['whole']); // its edge decides, not its neighbour
    // An edge in another script keeps its boundary, whatever touches it.
    expect(howFound('Acme', 'meeting Acmex plan')).toEqual([]);
    expect(howFound('Acme', '会议Acme计划')).toEqual([]);
    expect(howFound('Acme', '会议 Acme 计划')).toEqual(['whole']);
  });
});

describe('unassigned default-ignorable code points (render as nothing) do not split a word', () => {
  // An audit found "Night\u2065ingale" and "Night\u{E0002}ingale" published past a flag on "Nightingale": these code
  // points are unassigned (Cn), so \p{Cf} missed them and they read as a space (2026-12-04).
  it.each(['2065', 'FFF0', 'FFF8', 'E0000', 'E0002', 'E0080', 'E0FFF'])('U+%s inside a short passage', (hex) => {
    const ch = String.fromCodePoint(parseInt(hex, 16));
    const m = new PassageMatcher([{ id: 'n', text: 'Nightingale' }]);
    expect(m.search(normaliseForMatch(`Codename Night${ch}ingale here`)).map((h) => h.passageId)).toEqual(['n']);
  });
});

describe('decodeLoosely: a link address read as its words', () => {
  it('decodes an address encoded twice or three times (Outlook safe links), "+" as a space, and never throws', () => {
    expect(decodeLoosely('https%3A%2F%2Fteams.example.eu%2FProject%2520Bluebird%2520Merger')).toBe('https://teams.example.eu/Project Bluebird Merger');
    expect(decodeLoosely('Project%252520Bluebird')).toBe('Project Bluebird');
    expect(decodeLoosely('Project+Bluebird%2BMerger')).toBe('Project Bluebird Merger');
    expect(decodeLoosely('broken %E0%A4%A and %41')).toBe('broken \u00E0\u00A4%A and A');
    expect(decodeLoosely('plain text')).toBe('plain text');
  });
});

describe('a flagged phone number with or without its trunk "(0)", and dialled at home', () => {
  const isFound = (flagged: string, printed: string) => howFound(flagged, `Call ${printed} today.`).length > 0;

  it('is found written the other ways', () => {
    for (const printed of ['+49 (0)30 1234567', '+49 (0) 30 123 45 67', '+49 030 1234567', '030 1234567', '(030) 123 45 67', '0049 (0)30 1234567'])
      expect(isFound('+49 30 1234567', printed), printed).toBe(true);
    for (const printed of ['+49 30 1234567', '030 1234567', '0049 30 1234567', '+49 30 123 45 67']) expect(isFound('+49 (0)30 1234567', printed), printed).toBe(true);
    expect(isFound('0049 30 1234567', '+49 (0)30 1234567')).toBe(true);
    // After other figures than a country code, as in a table's row, the number at home is the flagged one.
    expect(howFound('+49 30 1234567', 'Desk 12 030 1234567 today.')).not.toEqual([]);
    // A number whose area code keeps its 0 abroad (Italy) is dialled at home as it is written after the country code.
    expect(isFound('+39 06 1234 5678', '06 1234 5678')).toBe(true);
  });

  it('is not found one digit off, nor with another country code before the same digits', () => {
    for (const printed of ['+49 (0)30 1234568', '030 1234568', '+49 (0)40 1234567', '+43 (0)30 1234567', '+43 030 1234567', '+48 30 1234567'])
      expect(isFound('+49 30 1234567', printed), printed).toBe(false);
    for (const printed of ['+49 30 1234568', '030 1234576', '+43 (0)30 1234567']) expect(isFound('+49 (0)30 1234567', printed), printed).toBe(false);
  });

  it('gives no phone forms to other figures with a plus sign or a leading 00', () => {
    const m = (text: string) => new PassageMatcher([{ id: 'p', text }]).size;
    expect(m('a rise of +12 500 000 euros')).toBe(m('a rise of 12 500 000 euros'));
    expect(m('up +5%')).toBe(m('up 5%'));
  });
});

describe('a flagged e-mail address written so that robots do not read it', () => {
  const isFound = (flagged: string, printed: string) => howFound(flagged, `Write to ${printed} today.`).length > 0;
  const written = ['jane.doe@acme.com', 'jane dot doe at acme dot com', 'jane.doe [at] acme.com', 'jane.doe(at)acme(dot)com', 'jane.doe AT acme DOT com', 'jane.doe at acme.com', 'jane.doe {at} acme [dot] com', 'jane [dot] doe [at] acme [dot] com'];

  it('is found whichever way it was flagged and whichever way it is printed', () => {
    for (const flagged of written) for (const printed of written) expect(isFound(flagged, printed), `${flagged} → ${printed}`).toBe(true);
    expect(isFound('j.doe@mail.acme.co.uk', 'j dot doe at mail dot acme dot co dot uk')).toBe(true);
    // Inside a flagged sentence, with the words around it.
    expect(howFound('For the data room write to jane.doe@acme.com by Friday', 'For the data room write to jane (at) acme (dot) com by Friday.')).toEqual([]);
    expect(howFound('For the data room write to jane.doe@acme.com by Friday', 'For the data room write to jane.doe (at) acme (dot) com by Friday.')).not.toEqual([]);
  });

  it('is not found at another domain or for another person', () => {
    for (const printed of ['john dot doe at acme dot com', 'jane.doe [at] acme.org', 'jane.roe(at)acme(dot)com', 'jane at acme dot com']) expect(isFound('jane.doe@acme.com', printed), printed).toBe(false);
    expect(isFound('jane dot doe at acme dot com', 'jane.doe@acme.org')).toBe(false);
  });

  it('reads nothing into "at" and "dot" in ordinary sentences', () => {
    const size = (text: string) => new PassageMatcher([{ id: 'p', text }]).size;
    const sentences: Array<[withWords: string, without: string]> = [
      ['the board met at noon in Brussels', 'the board met in noon in Brussels'],
      ['red dots dot the map at the annex', 'red dots on the map in the annex'],
      ['we met at 10.30 at Acme', 'we met on 10.30 on Acme'],
    ];
    for (const [withWords, without] of sentences) expect(size(withWords), withWords).toBe(size(without));
    expect(howFound('the board met at noon', 'The board met noon and night.')).toEqual([]);
    expect(howFound('jane.doe@acme.com', 'Jane Doe met us at the Acme stand.')).toEqual([]);
  });

  it('gives a bounded number of forms to a passage of many addresses, and reads a long run of them in linear time', () => {
    const many = Array.from({ length: 40 }, (_, i) => `user${i}.name@acme${i}.example.com`).join(', ');
    expect(new PassageMatcher([{ id: 'p', text: many }]).size).toBeLessThan(200);
    const start = performance.now();
    new PassageMatcher([{ id: 'p', text: `${'a dot '.repeat(20_000)}b` }]);
    new PassageMatcher([{ id: 'p', text: `${'a.'.repeat(20_000)}b at c` }]);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
