import { describe, expect, it } from 'vitest';
import { doc, flag, p, t } from '../fixtures/export-data';
import { makeBackend } from '../helpers/temp';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach } from './redaction-check-helpers';
import { exported, meeting, printed, save } from './redaction-leak-helpers';

/**
 * Readings still missing after the audit of 2026-12-07 (shared/redaction/figure-forms.ts): a whole amount with ".0"
 * before its scale ("€12.0 million"), a share with a trailing zero ("12.50%"), a trailing zero before a German scale
 * ("2,50 Mrd. Euro"), the French abbreviation of milliard ("2,5 Md€"), a half in words ("one and a half million
 * euros", "half a million euros"). Each test: flagged in one item, printed in another, each way round.
 */
const leaks = (flagged: string, printedAs: string, shown: string) => flaggedThenPrinted(flagged, printedAs, shown);

describe('a flagged figure written with a trailing zero, a French milliard or a half in words is refused', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['€12m', 'Acme will invest €12.0 million in the cluster.', '€12.0 million'],
    ['€12.0 million', 'Acme will invest 12 million euros in the cluster.', '12 million euros'],
    ['12.5%', 'Acme’s share stood at 12.50%.', '12.50%'],
    ['12.50%', 'Acme’s share stood at 12,5 per cent.', '12,5 per cent'],
    ['€2.5bn', 'Acme investiert 2,50 Mrd. Euro.', '2,50 Mrd. Euro'],
    ['2,50 Mrd. Euro', 'Acme raised 2.5 billion euros.', '2.5 billion euros'],
    ['€2.5bn', 'Acme investit 2,5 Md€.', '2,5 Md€'],
    ['2,5 Mds €', 'Acme raised €2.5bn.', '€2.5bn'],
    ['€1.5m', 'Acme will invest one and a half million euros.', 'one and a half million euros'],
    ['one and a half billion euros', 'Acme raised €1.5bn.', '€1.5bn'],
    ['half a million euros', 'Acme will pay €500,000 to the provider.', '€500,000'],
    ['€0.5m', 'Acme will pay half a million euros to the provider.', 'half a million euros'],
  ];
  itRefusesEach(cases, leaks);
});

describe('another figure, and ordinary text, is not refused', () => {
  const fine: Array<[flagged: string, printed: string]> = [
    ['€12m', 'Acme will invest €12.5m in the cluster.'],
    ['€12m', 'Acme will invest €120m in the cluster.'],
    ['€12m', 'Acme will invest $12m in the cluster.'],
    ['€12m', 'Acme will invest 12 million dollars in the cluster.'],
    ['€12m', 'Acme will invest €12bn in the cluster.'],
    ['12.5%', 'Its share stood at 12.55%.'],
    ['12.5%', 'Its share stood at 2.5%.'],
    ['€2.5bn', 'Acme investit 2,5 Md$.'],
    ['€1.5m', 'The session lasted one and a half hours.'],
    ['€1.5m', 'Acme raised €1.5bn.'],
    ['€1.5m', 'Acme will invest €15m.'],
    ['€1.5m', 'The rollout is planned for the 2nd half of the year.'],
    ['€0.5m', 'Members spent half a day on the chapter.'],
    ['€1.5m', 'The note runs to one and a half pages.'],
  ];
  itPublishesEach(fine, leaks);
});

describe('through the data lifecycle helpers: the public summary', () => {
  it('flagged “one and a half million euros”, printed “€1.5m” elsewhere: refused; printed “one and a half pages”: published', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Fifth plenary', '04-03');
    await save(b, x.m, x.a, doc(p(t('In confidence, Acme will invest '), flag(['F1'], t('one and a half million euros')), t('. Acme will invest €1.5m in the cluster.'))));
    const out = await exported(b, x.m);
    expect('refused' in out && out.refused).toMatch(/€1\.5m/);
    expect(printed(out, '€1.5m')).toBe(false);

    await save(b, x.m, x.a, doc(p(t('In confidence, Acme will invest '), flag(['F1'], t('one and a half million euros')), t('. The note runs to one and a half pages.'))));
    const fine = await exported(b, x.m);
    expect(printed(fine, 'The note runs to one and a half pages.')).toBe(true);
  });
});

/**
 * Still out after the fourth audit (zz-audit4-figures.test.ts): "EUR 12.0 mn", "€12.00 million", "a million and a half
 * euros", "a half million euros", a half above twenty; and a number in words read in part ("twenty-three" as 3).
 */
describe('the fourth audit: a figure written with ".0 mn", ".00", "a million and a half" or a half above twenty is refused', () => {
  itRefusesEach(
    [
      ['€12m', 'Acme will invest EUR 12.0 mn in the cluster.', 'EUR 12.0 mn'],
      ['€12m', 'Acme will invest EUR 12.0 mln in the cluster.', 'EUR 12.0 mln'],
      ['€12m', 'Acme will invest €12.00 million in the cluster.', '€12.00 million'],
      ['€1.5m', 'Acme will invest a million and a half euros.', 'a million and a half euros'],
      ['€500,000', 'Acme will pay a half million euros to the provider.', 'a half million euros'],
      ['€21.5m', 'Acme will invest twenty-one and a half million euros.', 'twenty-one and a half million euros'],
      ['a million and a half euros', 'Acme will invest €1.5m.', '€1.5m'],
      ['twenty-three million euros', 'Acme will invest €23m.', '€23m'],
    ],
    leaks,
  );
});

describe('the fourth audit: a number in words is read whole, so a part of it is not refused', () => {
  itPublishesEach(
    [
      ['€1.5m', 'Acme will invest twenty-one and a half million euros.'],
      ['€3m', 'Acme will invest twenty-three million euros.'],
      ['€3m', 'Acme will invest thirty-three million euros.'],
      ['€500,000', 'Acme will invest two and a half million euros.'],
      ['€20m', 'Acme will invest one hundred and twenty million euros.'],
      ['three million euros', 'Acme will invest twenty-three million euros.'],
      ['€12m', 'Acme will invest €12.00 billion.'],
      ['€1.5m', 'Acme will invest a billion and a half euros.'],
    ],
    leaks,
  );
});
