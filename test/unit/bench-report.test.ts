import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, medianRatioInterval, percentileDiffInterval } from '../bench/report';
import { breakdownRows } from '../bench/startup';

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

/** The start-up part's "where the time goes" table (test/bench/startup.ts, page-marks.ts). */
describe('the start-up breakdown rows', () => {
  const marks = (dcl: number, shown: number, click: number, done: number, scripts = dcl - 40, parsed = dcl - 30) => ({ scripts, parsed, dcl, shown, click, done });

  it('give each milestone median beside the peer, the difference, and click → result per load', () => {
    const app = [marks(150, 180, 330, 355, 95, 120), marks(160, 190, 320, 350, 100, 125), marks(170, 200, 340, 380, 105, 110)];
    const peer = [marks(130, 160, 260, 262, 80, 60), marks(140, 165, 270, 271, 85, 62), marks(135, 170, 268, 270, 90, 64)];
    expect(breakdownRows('List', 'shown (peer: button)', 'form shown (peer: updated)', app, peer)).toEqual([
      ['List: scripts arrived (the last one’s last byte)', '100', '85', '15'],
      ['List: HTML parsed (domInteractive)', '120', '62', '58'],
      ['List: scripts run (DOMContentLoaded)', '160', '135', '25'],
      ['List: shown (peer: button)', '190', '165', '25'],
      ['List: click received', '330', '268', '62'],
      ['List: form shown (peer: updated)', '355', '270', '85'],
      ['List: click → form shown', '30', '2', '28'],
    ]);
  });

  it('leave out a milestone that did not happen in a load, and show a dash when it never did', () => {
    const rows = breakdownRows('P', 'a', 'b', [marks(100, Number.NaN, 200, 210), marks(120, 150, 220, 260)], [marks(90, Number.NaN, Number.NaN, Number.NaN)]);
    expect(rows[3]).toEqual(['P: a', '150', '–', '–']);
    expect(rows[6]).toEqual(['P: click → b', '10', '–', '–']);
    const noScripts = breakdownRows('P', 'a', 'b', [marks(100, 150, 200, 210, Number.NaN)], [marks(90, 95, 100, 101, Number.NaN)]);
    expect(noScripts[0]).toEqual(['P: scripts arrived (the last one’s last byte)', '–', '–', '–']);
  });
});
