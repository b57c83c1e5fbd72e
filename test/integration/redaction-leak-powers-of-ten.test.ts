import { describe } from 'vitest';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach } from './redaction-check-helpers';

/**
 * Review (2026-12-05, evening): a model's training compute is the figure the Code's signatories report in confidence,
 * and it is written in powers of ten, several ways. A flagged "3×10^25 FLOP" went out in the public summary as
 * "3x10^25 FLOP", "3e25 FLOP", "3E+25 FLOP" and "3.0×10^25 FLOP"; a flagged "1e26 FLOP" as "10^26 FLOP". The flagged
 * side is now also searched in the other ways of writing the same power of ten (shared/redaction/power-forms.ts).
 * Each test: flagged in one item, printed in another.
 */
const leaks = (flagged: string, printed: string, shown: string) => flaggedThenPrinted(flagged, printed, shown);

describe('a flagged power of ten written another way is refused', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['3×10^25 FLOP', 'The model was trained with 3x10^25 FLOP.', '3x10^25'],
    ['3×10^25 FLOP', 'The model was trained with 3 x 10^25 FLOPs.', '3 x 10^25'],
    ['3×10^25 FLOP', 'The model was trained with 3e25 FLOP.', '3e25'],
    ['3×10^25 FLOP', 'The model was trained with 3E+25 FLOP.', '3E+25'],
    ['3×10^25 FLOP', 'The model was trained with 3.0×10^25 FLOP.', '3.0×10^25'],
    ['2.6e25 FLOP', 'The model was trained with 2.6 × 10²⁵ FLOP.', '2.6 × 10²⁵'],
    ['1e26 FLOP', 'The model was trained with 10^26 FLOP.', '10^26'],
    ['10^26 FLOP', 'The model was trained with 1E26 FLOP.', '1E26'],
  ];
  itRefusesEach(cases, leaks);
});

describe('another power of ten is not refused', () => {
  const fine: Array<[flagged: string, printed: string]> = [
    ['3×10^25 FLOP', 'The model was trained with 3×10^24 FLOP.'],
    ['3×10^25 FLOP', 'The model was trained with 2e25 FLOP.'],
    ['3×10^25 FLOP', 'The model was trained with 13e25 FLOP.'],
    ['1e26 FLOP', 'The threshold of 10^25 FLOP was discussed.'],
    ['3.2e25 FLOP', 'The model was trained with 3e25 FLOP.'],
  ];
  itPublishesEach(fine, leaks);
});
