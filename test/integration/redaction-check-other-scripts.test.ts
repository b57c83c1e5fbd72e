import { describe } from 'vitest';
import { flaggedThenPrinted, itRefusesEach } from './redaction-check-helpers';

/**
 * Readings an audit (2026-12-07) tried and found holding, kept as regression tests: case mappings of other scripts
 * (Greek final sigma, Turkish dotted and dotless i, German ß), compatibility forms (full-width letters, the "ﬁ"
 * ligature, a superscript digit) and invisible characters inside a word, and Cyrillic look-alikes.
 */
describe('Redaction check: other scripts, case mappings, compatibility forms and invisibles', () => {
  itRefusesEach(
    [
      ['ΟΔΥΣΣΕΑΣ ΠΑΠΠΑΣ', 'Ο Οδυσσέας Παππάς είπε.', 'Οδυσσέας Παππάς'],
      ['Οδυσσέας Παππάς', 'ΟΔΥΣΣΕΑΣ ΠΑΠΠΑΣ said so.', 'ΟΔΥΣΣΕΑΣ ΠΑΠΠΑΣ'],
      ['Işık Holding', 'ISIK HOLDING will bid.', 'ISIK HOLDING'],
      ['İstanbul Kargo', 'ISTANBUL KARGO will bid.', 'ISTANBUL KARGO'],
      ['Großmann Werke', 'GROSSMANN WERKE will bid.', 'GROSSMANN WERKE'],
      ['Beta Robotics', 'Ｂｅｔａ Ｒｏｂｏｔｉｃｓ will bid.', 'Ｂｅｔａ'],
      ['Fiducia Partners', 'ﬁducia Partners will bid.', 'ﬁducia'],
      ['Beta Robotics', 'Be\u200Dta Ro\u00ADbo\u2060tics will bid.', 'tics'],
      ['Beta Robotics', 'Веtа Rоbоtісs will bid.', 'Rоbоtісs'],
      ['€40 million', 'A price of €4⁰ million was cited.', '⁰ million'],
    ],
    flaggedThenPrinted,
  );
});
