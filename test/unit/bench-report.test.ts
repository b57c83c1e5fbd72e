import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, medianRatioInterval, percentileDiffInterval } from '../bench/report';

/** The bench's intervals (test/bench/report.ts): what a reader of `npm run bench` trusts a borderline figure by. */
describe('bootstrap intervals of the bench', () => {
  it('hold the ratio of the medians, and are the same for the same data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 50, max: 1000, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.array(fc.double({ min: 50, max: 1000, noNaN: true }), { minLength: 3, maxLength: 40 }),
        (a, b) => {
          const r = median(a) / median(b);
          const i = medianRatioInterval(a, b, 400);
          expect(i.low).toBeLessThanOrEqual(r + 1e-9);
          expect(i.high).toBeGreaterThanOrEqual(r - 1e-9);
          expect(medianRatioInterval(a, b, 400)).toEqual(i);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is a single point when nothing varies, and widens with the noise', () => {
    expect(medianRatioInterval([300, 300, 300], [100, 100, 100])).toEqual({ low: 3, high: 3 });
    const quiet = medianRatioInterval([396, 400, 404, 398, 402, 400, 399, 401], [200, 201, 199, 200, 202, 198, 200, 200]);
    const noisy = medianRatioInterval([300, 500, 420, 350, 460, 380, 400, 440], [150, 260, 200, 170, 230, 190, 210, 220]);
    expect(quiet.low).toBeGreaterThan(1.95);
    expect(quiet.high).toBeLessThan(2.05);
    expect(noisy.high - noisy.low).toBeGreaterThan(quiet.high - quiet.low);
  });

  it('keeps the difference of percentiles as before', () => {
    expect(percentileDiffInterval([10, 10, 10], [4, 4, 4], 95)).toEqual({ low: 6, high: 6 });
  });
});
