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

/**
 * Audit (2026-12-08): readings that still went out. Cents and trailing zeros ("€500,000.00", "€2.50 billion"), a
 * fraction flagged ("€1½ million"), the scale in German or French ("480 Millionen Euro", "480 millions d'euros"), and a
 * figure flagged in words ("three million euros", "twelve per cent"); each way round.
 */
describe('a flagged figure with cents, a fraction, a German or French scale, or in words, written another way is refused', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['€500,000', 'Acme will pay €500,000.00 to the provider.', '€500,000.00'],
    ['€500,000', 'Acme zahlt 500.000,00 € an den Anbieter.', '500.000,00 €'],
    ['€500,000.00', 'Acme will pay €500,000 to the provider.', '€500,000'],
    ['€500,000.00', 'Acme will pay EUR 500k to the provider.', 'EUR 500k'],
    ['€2.5 billion', 'Acme raised €2.50 billion.', '€2.50 billion'],
    ['€2.5 billion', 'Acme raised EUR 2.50bn.', 'EUR 2.50bn'],
    ['€2.50 billion', 'Acme raised €2.5bn.', '€2.5bn'],
    ['€2.50 billion', 'Acme raised EUR 2,500 million.', 'EUR 2,500 million'],
    ['€1½ million', 'Acme will invest €1.5 million.', '€1.5 million'],
    ['€1 ½ million', 'Acme will invest EUR 1.5m.', 'EUR 1.5m'],
    ['€1½ million', 'Acme will invest EUR 1½ million.', 'EUR 1½ million'],
    ['€1½ million', 'Acme will invest 1½ million euros.', '1½ million euros'],
    ['€2¼ billion', 'Acme raised €2.25bn.', '€2.25bn'],
    ['€3¾ million', 'Acme will invest 3.75 million euros.', '3.75 million euros'],
    ['€480 million', 'Acme investiert 480 Millionen Euro.', '480 Millionen Euro'],
    ['€480 million', 'Acme investiert 480 Mio. Euro.', '480 Mio. Euro'],
    ['€480 million', 'Acme investiert 480 Mio. €.', '480 Mio. €'],
    ['€480 million', 'Acme investit 480 millions d’euros.', '480 millions d’euros'],
    ['€480 million', 'Acme investit 480 millions €.', '480 millions €'],
    ['€1.2 billion', 'Acme investiert 1,2 Milliarden Euro.', '1,2 Milliarden Euro'],
    ['€1.2 billion', 'Acme investit 1,2 milliard d’euros.', '1,2 milliard d’euros'],
    ['$480 million', 'Acme investiert 480 Millionen US-Dollar.', '480 Millionen US-Dollar'],
    ['480 Millionen Euro', 'Acme will invest €480 million.', '€480 million'],
    ['480 Mio. €', 'Acme will invest EUR 480m.', 'EUR 480m'],
    ['480 millions d’euros', 'Acme will invest €480 million.', '€480 million'],
    ['1,2 Milliarden Euro', 'Acme raised €1.2bn.', '€1.2bn'],
    ['1,2 milliard d’euros', 'Acme raised EUR 1.2 billion.', 'EUR 1.2 billion'],
    ['1,2 Milliarden Euro', 'Acme investit 1,2 milliard d’euros.', '1,2 milliard d’euros'],
    ['three million euros', 'Acme will invest €3 million.', '€3 million'],
    ['three million euros', 'Acme will invest €3m.', '€3m'],
    ['three million euros', 'Acme will invest EUR 3,000,000.', 'EUR 3,000,000'],
    ['twelve per cent', 'Acme’s share stood at 12%.', '12%'],
    ['12%', 'Acme’s share stood at twelve per cent.', 'twelve per cent'],
  ];
  itRefusesEach(cases, leaks);
});

/**
 * A flagged "€1.5 million" printed "€1½ million" or "€1 ½ million": reading made "1½" "11 2" (its compatibility form is
 * "1⁄2" after the "1"), another amount. A fraction sign after a number now reads as its decimal on both sides
 * (shared/text/fold.ts), so the flagged figure is found, and a flagged fraction reads as the figure it is.
 */
describe('a flagged amount printed with a fraction sign is refused', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['€1.5 million', 'Acme will invest €1½ million.', '€1½ million'],
    ['€1.5 million', 'Acme will invest €1 ½ million.', '€1 ½ million'],
    ['€1.25 million', 'Acme will invest €1¼ million.', '€1¼ million'],
    ['€1.75 million', 'Acme will invest €1¾ million.', '€1¾ million'],
    ['€1.5m', 'Acme will invest 1½ million euros.', '1½ million euros'],
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

describe('another figure is not refused: near the cents, fractions, German or French scales and words above', () => {
  const fine: Array<[flagged: string, printed: string]> = [
    ['€500,000', 'Acme will pay €500,000.50 to the provider.'],
    ['€500,000', 'Acme will pay €50,000.00 to the provider.'],
    ['€500,000.00', 'Acme will pay €5,000,000 to the provider.'],
    ['€2.5 billion', 'Acme raised €2.55 billion.'],
    ['€2.5 billion', 'Acme raised €25 billion.'],
    ['€2.5 billion', 'Acme raised €2.05 billion.'],
    ['€2.5 billion', 'Acme raised €250 billion.'],
    ['€2.50 billion', 'Acme raised €2.55 billion.'],
    ['€2.50 billion', 'Acme raised €250 billion.'],
    ['€12 million', 'Acme will invest €12.05 million in the cluster.'],
    ['€12 million', 'Acme will invest €120 million in the cluster.'],
    ['€1.5 million', 'Acme will invest €1 million.'],
    ['€1.5 million', 'Acme will invest €11.2 million.'],
    ['€1.5 million', 'Acme will invest €112 million.'],
    ['€1½ million', 'Acme will invest €1 million.'],
    ['€1½ million', 'Acme will invest €2.5 million.'],
    ['€1-2 million', 'Acme will invest €0.5 million.'],
    ['€3-4 million', 'Acme will invest €0.75 million.'],
    ['€480 million', 'Acme investiert 48 Millionen Euro.'],
    ['€480 million', 'Acme investiert 480 Millionen Dollar.'],
    ['€480 million', 'Acme investit 480 millions de dollars.'],
    ['€480 million', 'Acme investiert 480 Milliarden Euro.'],
    ['€1.2 billion', 'Acme investiert 1,2 Millionen Euro.'],
    ['€1.2 billion', 'Acme investiert 12 Milliarden Euro.'],
    ['€1.2 billion', 'Acme investiert 1,2 Billionen Euro.'],
    ['480 Millionen Euro', 'Acme will invest $480 million.'],
    ['480 Millionen Euro', 'Acme will invest €48 million.'],
    ['1,2 milliard d’euros', 'Acme raised €1.2 million.'],
    ['three million euros', 'Acme will invest €30 million.'],
    ['three million euros', 'Acme will invest €3 billion.'],
    ['three million euros', 'Acme will invest $3 million.'],
    ['three million euros', 'Acme will invest €13 million.'],
    ['three million euros', 'Acme will invest 13 million euros.'],
    ['twelve per cent', 'Its share stood at 12.5%.'],
    ['twelve per cent', 'Its share stood at 112%.'],
    ['12%', 'Its share stood at twenty per cent.'],
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
