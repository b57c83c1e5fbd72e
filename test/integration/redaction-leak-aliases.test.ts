import { describe } from 'vitest';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach } from './redaction-check-helpers';

/**
 * Review (2026-12-05, evening): minutes define an abbreviation at a name's first mention and use it after ("Northfield
 * Analytics (NFA) … NFA's model"), and an officer flags the first mention; a flagged address typed as text goes out
 * without its scheme ("https://dataroom.northfield.eu/deal" printed "dataroom.northfield.eu/deal"). Both went out:
 * the check searched the passage as flagged. The flagged side is now also searched under the other name
 * (shared/redaction/alias-forms.ts). Each test: flagged in one item, printed in another.
 */
const leaks = (flagged: string, printed: string, shown: string) => flaggedThenPrinted(flagged, printed, shown, 'Market developments (public)');

describe('a flagged name is refused under the abbreviation it defines, and an address without its scheme', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['Northfield Analytics (NFA)', 'NFA presented its model to members.', 'NFA presented'],
    ['the European Compute Alliance (ECA)', 'The ECA will report in May.', 'ECA will report'],
    ['Frontier Safety Framework (FSF)', 'Members discussed the FSF.', 'the FSF'],
    ['NFA (Northfield Analytics)', 'Northfield Analytics presented its model.', 'Northfield Analytics presented'],
    ['https://dataroom.northfield.eu/deal', 'Documents: dataroom.northfield.eu/deal', 'dataroom.northfield.eu/deal'],
    ['the plan at https://www.northfield.eu/plans/2027', 'See northfield.eu/plans/2027 for the plan.', 'northfield.eu/plans/2027'],
  ];
  itRefusesEach(cases, leaks);
});

describe('what the flagged passage does not name is not refused', () => {
  const fine: Array<[flagged: string, printed: string]> = [
    // In brackets after a person: the organisation, not another name for the person.
    ['Jane Roe (NFA)', 'NFA presented its model to members.'],
    // Not an abbreviation of what it follows.
    ['Northfield Analytics (UK)', 'The UK delegation presented its model.'],
    ['Northfield Analytics (NFA)', 'The NFB presented its model.'],
    // Another address on the same site.
    ['https://dataroom.northfield.eu/deal', 'Documents: dataroom.northfield.eu/public'],
  ];
  itPublishesEach(fine, leaks);
});
