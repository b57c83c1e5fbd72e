import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markedLatinFromUnicodeData, markedLatinSource } from '../../shared/text/look-alikes-build';
import { LATIN_LETTERS_WITH_MARKS } from '../../shared/text/look-alikes-marked-latin';
import { foldAsCheck } from '../../shared/text/look-alikes';

/**
 * Latin letters with a hook, stroke, curl, bar… that Unicode neither decomposes nor lists as confusable (an audit,
 * 2026-12-07: "Beta Roboʈiƈs", "Bⱥta Robotiꞓs", "Gⱥmma Viꞩion", "Aƈme" published past flagged names), the Arabic
 * tatweel drawn as a stroke inside a word, "Ŀ"/"ŀ" and the parenthesised letters read as letters.
 */
describe('foldAsCheck: Latin letters with a mark read as their base letter', () => {
  it('the kra and the dotless j read as k and j ("ĸappa", "ȷade": a second-round audit)', () => {
    expect(foldAsCheck('\u0138appa \u0237ade')).toBe(foldAsCheck('kappa jade'));
  });

  it('the open o and its capital read as o ("Rɔbotics", "ƆMEGA"), and so do the letters drawn like them', () => {
    expect(foldAsCheck('Beta R\u0254b\u0254tics \u0186MEGA')).toBe('beta robotics omega');
    // Unicode's confusables give the reversed c "ↄ", "Ↄ" and the small capital open o "ᴐ" as "ɔ": they read as it does.
    expect(foldAsCheck('R\u2184b\u1D10tics \u2183MEGA')).toBe('robotics omega');
  });

  it('reads the letters of the audit as their base letters', () => {
    expect(foldAsCheck('Beta Robo\u0288i\u0188s')).toBe('beta robotics');
    expect(foldAsCheck('B\u2C65ta Roboti\uA793s')).toBe('bata robotics');
    expect(foldAsCheck('G\u2C65mma Vi\uA7A9ion')).toBe('gamma vision');
    expect(foldAsCheck('A\u0188me')).toBe('acme');
    expect(foldAsCheck('\u023Acme \u0221elta \u0255ore \uA741ilo')).toBe('acme delta core kilo');
    expect(foldAsCheck('\u1D80eta \u1D81elta \u1D82ox \u1D83olf \u1D84ilo \u1D85ima \u1D86ike \u1D87ovember \u1D88apa \u1D89omeo \u1D8Aierra \u1D8Cictor \u1D8Dray \u1D8Eulu'))
      .toBe('beta delta fox golf kilo lima mike november papa romeo sierra victor xray zulu');
  });

  it('reads the capitals with a hook as their letter, with no space inside the word', () => {
    expect(foldAsCheck('\u0181ETA \u0187OLA \u018AELTA \u0198ILO \u01ACANGO')).toBe('beta cola delta kilo tango');
  });

  it('reads the Arabic tatweel as nothing', () => {
    expect(foldAsCheck('Be\u0640ta Robo\u0640tics')).toBe('beta robotics');
    expect(foldAsCheck('\u0640\u0640Acme\u0640')).toBe('acme');
  });

  it('reads "\u013F" and "\u0140" as "l", and the parenthesised letters as letters', () => {
    expect(foldAsCheck('co\u0140legi CO\u013FLEGI')).toBe('collegi collegi');
    expect(foldAsCheck('\u249C\u249E\u24A8\u24A0')).toBe('acme');
    expect(foldAsCheck('\u249C\u249D \u24B5')).toBe('ab z');
  });

  it('reads every letter of the committed list as its base letter', () => {
    expect(LATIN_LETTERS_WITH_MARKS.length).toBeGreaterThan(200);
    for (const [cp, base] of LATIN_LETTERS_WITH_MARKS) {
      const c = String.fromCodePoint(cp);
      expect(foldAsCheck(`x${c}x`), `U+${cp.toString(16)}`).toBe(`x${base}x`);
    }
  });

  it('does not make letters of other scripts that TS #39 likens to one of them read as its base letter', () => {
    // Greek ε, Cyrillic є and з are given as "ꞓ" (c with bar): they are no "c", and still read alike.
    const readings = ['\u03B5', '\u0454', '\u0437', '\u025B', '\u0404', '\u025C'].map(foldAsCheck);
    expect(new Set(readings).size).toBe(1);
    expect(readings[0]).not.toMatch(/^[a-z]$/);
    expect(foldAsCheck('\u1D90')).not.toBe('q'); // alpha with retroflex hook, given as "ɋ"
    expect(foldAsCheck('\u02A5 \u02A8')).toBe('dz tc'); // the dz and tc digraphs with curl
  });

  it('reads ordinary words of European languages as before', () => {
    expect(foldAsCheck('Soci\u00E9t\u00E9s g\u00E9n\u00E9rales \u00E0 No\u00EBl, gar\u00E7on, c\u0153ur')).toBe('societes generales a noel garcon coeur');
    expect(foldAsCheck('Stra\u00DFe Gr\u00F6\u00DFe M\u00FCller \u00C4rger')).toBe('strasse grosse muller arger');
    expect(foldAsCheck('\u0141\u00F3d\u017A Gda\u0144sk \u017Ad\u017Ab\u0142o \u017B\u00F3\u0142\u0107 Wroc\u0142aw')).toBe('lodz gdansk zdzblo zolc wroclaw');
    expect(foldAsCheck('P\u0159\u00EDli\u0161 \u017Elu\u0165ou\u010Dk\u00FD k\u016F\u0148 \u00FAp\u011Bl \u010F\u00E1belsk\u00E9 \u00F3dy')).toBe('prilis zlutoucky kun upel dabelske ody');
    expect(foldAsCheck('\u0130stanbul I\u011Fd\u0131r \u0131\u015F\u0131k \u015Ei\u015Fli \u00E7\u00F6rek')).toBe('istanbul igdir isik sisli corek');
    expect(foldAsCheck('Nguy\u1EC5n Th\u1ECB Minh Khai, \u0110\u00E0 N\u1EB5ng, H\u1ED3 Ch\u00ED Minh')).toBe('nguyen thi minh khai da nang ho chi minh');
  });
});

const UNICODE_DATA = '/usr/share/unicode/UnicodeData.txt';
describe('the list of Latin letters with a mark (shared/text/look-alikes-marked-latin.ts)', () => {
  it.skipIf(!fs.existsSync(UNICODE_DATA))('is what the names of UnicodeData.txt give (else: node scripts/look-alikes.mjs)', () => {
    const fromNames = markedLatinFromUnicodeData(fs.readFileSync(UNICODE_DATA, 'utf8'));
    expect(LATIN_LETTERS_WITH_MARKS.map(([cp, base]) => [cp, base])).toEqual(fromNames.map(([cp, base]) => [cp, base]));
    // And the committed file is exactly what the script writes from them (names in its comments included).
    const file = fs.readFileSync(new URL('../../shared/text/look-alikes-marked-latin.ts', import.meta.url), 'utf8');
    expect(file).toBe(markedLatinSource(fromNames));
  });

  it('takes only letters named a plain letter A-Z "WITH" a mark, that NFKD leaves as they are', () => {
    const data = [
      '0188;LATIN SMALL LETTER C WITH HOOK;Ll;0;L;;;;;N;LATIN SMALL LETTER C HOOK;;0187;;0187',
      '0181;LATIN CAPITAL LETTER B WITH HOOK;Lu;0;L;;;;;N;LATIN CAPITAL LETTER B HOOK;;;0253;',
      '00E9;LATIN SMALL LETTER E WITH ACUTE;Ll;0;L;0065 0301;;;;N;LATIN SMALL LETTER E ACUTE;;00C9;;00C9',
      '025A;LATIN SMALL LETTER SCHWA WITH HOOK;Ll;0;L;;;;;N;LATIN SMALL LETTER SCHWA HOOK;;;;',
      '0286;LATIN SMALL LETTER ESH WITH CURL;Ll;0;L;;;;;N;LATIN SMALL LETTER ESH CURL;;;;',
      '02A5;LATIN SMALL LETTER DZ DIGRAPH WITH CURL;Ll;0;L;;;;;N;LATIN SMALL LETTER DZ CURL;;;;',
      '1D91;LATIN SMALL LETTER D WITH HOOK AND TAIL;Ll;0;L;;;;;N;;;;;',
    ].join('\n');
    expect(markedLatinFromUnicodeData(data).map(([cp, base]) => [cp, base])).toEqual([[0x188, 'c'], [0x181, 'b'], [0x1d91, 'd']]);
  });
});
