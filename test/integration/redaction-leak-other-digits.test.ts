import { describe, expect, it } from 'vitest';
import { asciiDigits } from '../../shared/text/fold';
import { foldAsCheck } from '../../shared/text/look-alikes';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach } from './redaction-check-helpers';

/**
 * An audit (2026-12-07): a flagged figure printed with the digits of another script (text pasted from an Arabic,
 * Persian or Hindi document) went out: NFKD leaves those digits as they are, and Unicode's confusables read "١" as
 * "l" and "٠" as ".". Digits of every script now read as their value, and the Arabic decimal and thousands separators
 * as "." and ",", before anything else (shared/text/fold.ts asciiDigits).
 */
describe('audit: a flagged figure printed with digits of another script', () => {
  itRefusesEach(
    [
      ['€480 million', 'The budget is €٤٨٠ million.', '€٤٨٠ million'],
      ['€480 million', 'The budget is €۴۸۰ million.', '€۴۸۰ million'],
      ['€480 million', 'The budget is €४८० million.', '€४८० million'],
      ['a 12% stake', 'They hold a ١٢٪ stake.', '١٢٪'],
      ['a 12.5% stake', 'They hold a ١٢٫٥٪ stake.', '١٢٫٥٪'],
    ],
    flaggedThenPrinted,
  );
  itPublishesEach(
    [
      ['€480 million', 'The budget is €٤٨١ million.'],
      ['a 12% stake', 'They hold a ١٣٪ stake.'],
    ],
    flaggedThenPrinted,
  );

  it('reads each script’s digits by their value', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۹ ०९ ০৯ ๐๙ 𝟘𝟡')).toBe('0123456789 09 09 09 09 09');
    expect(foldAsCheck('€٤٨٠ million')).toBe(foldAsCheck('€480 million'));
  });
});
