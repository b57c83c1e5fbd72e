import { describe, expect, it } from 'vitest';
import { makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { exportedBody, flaggedThenPrinted, itPublishesEach, itRefusesEach, save, twoItems } from './redaction-check-helpers';

/**
 * Audit (2026-12-05): the check looked for a flagged figure as written, and a figure is written many ways. A flagged
 * "€12 million" went out in the public summary as "EUR 12 million", "12 million euros", "€12m" and "€12,000,000";
 * a flagged "12.5%" as "12.5 per cent". The flagged side is now also searched in the other ways of writing the same
 * figure (shared/redaction/figure-forms.ts): currency as sign, code or word, before or after; the scale as a word,
 * an abbreviation or in full digits; a share with "%" or in words. Each test: flagged in one item, printed in another.
 */
const leaks = (flagged: string, printed: string, shown: string) => flaggedThenPrinted(flagged, printed, shown);

describe('a flagged figure written another way is refused', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['€12 million', 'Acme will invest EUR 12 million in the cluster.', 'EUR 12 million'],
    ['€12 million', 'Acme will invest 12 million euros in the cluster.', '12 million euros'],
    ['€12 million', 'Acme will invest €12m in the cluster.', '€12m'],
    ['€12 million', 'Acme will invest €12,000,000 in the cluster.', '€12,000,000'],
    ['€12,000,000', 'Acme will invest €12 million in the cluster.', '€12 million'],
    ['$2.5bn', 'Acme raised USD 2.5 billion.', 'USD 2.5 billion'],
    ['12.5%', 'Acme’s share stood at 12.5 per cent.', '12.5 per cent'],
    ['12.5 percent', 'Acme’s share stood at 12.5%.', '12.5%'],
    ['a budget of €40 million for compute', 'Acme set a budget of EUR 40m for compute.', 'EUR 40m'],
    ['€3 million', 'Acme will invest three million euros.', 'three million euros'],
    ['5 million users', 'Acme reached five million users.', 'five million users'],
    ['10,000 GPUs', 'Acme bought 10k GPUs.', '10k GPUs'],
    ['$2.5bn', 'Acme raised $2.5 bln.', '$2.5 bln'],
    ['€12 million', 'Acme will invest €12MM in the cluster.', '€12MM'],
    ['$2.5bn', 'Acme raised USD 2,500 million.', 'USD 2,500 million'],
    ['€2,500 million', 'Acme raised €2.5 billion.', '€2.5 billion'],
    ['€1.2 billion', 'Acme raised EUR 1 200 million.', 'EUR 1 200 million'],
    ['€450 thousand', 'Acme raised €0.45 million.', '€0.45 million'],
  ];
  itRefusesEach(cases, leaks);
});

describe('a flagged date or quarter written another way is refused', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['15 March 2027', 'Acme will launch the model on 15/03/2027.', '15/03/2027'],
    ['15 March 2027', 'Acme will launch the model on 2027-03-15.', '2027-03-15'],
    ['15 March 2027', 'Acme will launch the model on March 15, 2027.', 'March 15, 2027'],
    ['15 March 2027', 'Acme will launch the model on 15.3.2027.', '15.3.2027'],
    ['2027-03-15', 'Acme will launch the model on the 15th of March 2027.', '15th of March 2027'],
    ['Q3 2027', 'Acme will launch the model in the third quarter of 2027.', 'third quarter of 2027'],
    ['third quarter of 2027', "Acme will launch the model in Q3'27.", "Q3'27"],
    ['launch in H1 2027', 'Acme plans its launch in the first half of 2027.', 'first half of 2027'],
    ['15 March 2027', 'Acme will launch the model on 15/3/27.', '15/3/27'],
    ['Q3 2027', 'Acme will launch the model in 2027-Q3.', '2027-Q3'],
    ['launch in March 2027', 'Acme plans its launch in Mar 2027.', 'Mar 2027'],
    ['launch in March 2027', 'Acme plans its launch in 03/2027.', '03/2027'],
    ['launch in March 2027', 'Acme plans its launch in 2027-03.', '2027-03'],
  ];
  itRefusesEach(cases, leaks);
});

describe('another figure is not refused', () => {
  const fine: Array<[flagged: string, printed: string]> = [
    ['€12 million', 'Acme will invest EUR 120 million in the cluster.'],
    ['€12 million', 'Acme will invest 1.2 million euros in the cluster.'],
    ['€12 million', 'Acme will invest $12 million in the cluster.'],
    ['€2.5 million', 'The line rose to €25m.'],
    ['12.5%', 'Its share stood at 1.25 per cent.'],
    ['€3 million', 'Acme will invest thirty million euros.'],
    ['$2.5bn', 'Acme raised USD 2,600 million.'],
    ['€2.5 million', 'Acme raised €2,500 million.'],
    ['10,000 GPUs', 'Acme bought 100k GPUs.'],
    ['15 March 2027', 'The next plenary is on 16/03/2027.'],
    ['15 March 2027', 'The next plenary is on 15 March 2026.'],
    ['Q3 2027', 'The next review is in the third quarter of 2026.'],
    ['launch in March 2027', 'Acme plans its launch in Apr 2027.'],
    ['launch in March 2027', 'Acme plans its launch in 03/2028.'],
    ['15 March 2027', 'The next plenary is on 16/3/27.'],
  ];
  itPublishesEach(fine, leaks);
});

describe('the refusal says how the figure is written where it was found', () => {
  it('flagged “€12 million”, printed “EUR 12m”: the export’s refusal names the form found', async () => {
    const b = makeBackend();
    const x = await twoItems(b, undefined, 'Budget and work programme');
    await save(b, x.m, x.a, doc(p(t('In confidence, '), flag(['F1'], t('€12 million')), t('.'))));
    await save(b, x.m, x.c, doc(p(t('Acme will invest EUR 12m in the cluster.'))));
    const out = await exportedBody(b, x.m);
    expect('refused' in out && out.refused).toMatch(/the passage “€12 million” flagged .* written there as “eur 12m”/);
  });
});
