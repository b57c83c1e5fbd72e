import { describe } from 'vitest';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach } from './redaction-check-helpers';

/**
 * Audit (2026-12-05): a company flagged with its legal form went out without it ("Northfield Analytics Ltd" printed
 * "Northfield Analytics", "Zephyr Labs, Inc." printed "Zephyr Labs"), and a project flagged by its code name went out
 * as the name alone ("Project Nightingale" printed "Nightingale"). The flagged side is now also searched in those
 * forms (shared/redaction/org-forms.ts). Each test: flagged in one item, printed in another.
 */
const leaks = (flagged: string, printed: string, shown: string) => flaggedThenPrinted(flagged, printed, shown, 'Market developments (public)');

describe('a flagged company or project written without its legal form or keyword is refused', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['Northfield Analytics Ltd', 'Northfield Analytics presented its plans.', 'Northfield Analytics'],
    ['Acme Holdings GmbH', 'Acme Holdings presented its plans.', 'Acme Holdings'],
    ['Gamma Vision S.p.A.', 'Gamma Vision presented its plans.', 'Gamma Vision'],
    ['Zephyr Labs, Inc.', 'Zephyr Labs presented its plans.', 'Zephyr Labs'],
    ['Beta Robotics plans to acquire Northfield Analytics Ltd', 'Beta Robotics plans to acquire Northfield Analytics, members heard.', 'acquire Northfield Analytics'],
    ['Project Nightingale', 'Nightingale will ship in May.', 'Nightingale'],
    ['Operation Bluebird', 'Bluebird will ship in May.', 'Bluebird'],
    ['codename “Falcon”', 'Falcon will ship in May.', 'Falcon'],
  ];
  itRefusesEach(cases, leaks);
});

describe('what is not the flagged company or project is not refused', () => {
  const fine: Array<[flagged: string, printed: string]> = [
    ['Northfield Analytics Ltd', 'Northfield Robotics presented its plans.'],
    ['Project Nightingale', 'The project was discussed.'],
    ['Acme Holdings GmbH', 'Members discussed holdings and GmbH law.'],
  ];
  itPublishesEach(fine, leaks);
});
