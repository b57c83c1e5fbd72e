import { describe } from 'vitest';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach } from './redaction-check-helpers';

/**
 * Review (2026-12-05, evening): a summary writer keeps a flagged passage's words but not always their form. A flagged
 * "10,000 H100 GPUs" went out as "10,000 H100 GPU nodes", "the Bluebird models" as "the Bluebird model", a model's
 * version "Bluebird v2.1" as "Bluebird 2.1" or "Bluebird version 2.1". The flagged side is now also searched with its
 * last word in the singular and its version written the other ways (shared/redaction/word-forms.ts). Each test:
 * flagged in one item, printed in another.
 */
const leaks = (flagged: string, printed: string, shown: string) => flaggedThenPrinted(flagged, printed, shown);

describe('a flagged passage with its last word in the singular, or its version written otherwise, is refused', () => {
  const cases: Array<[flagged: string, printed: string, shown: string]> = [
    ['10,000 H100 GPUs', 'Acme runs a cluster of 10,000 H100 GPU nodes.', '10,000 H100 GPU'],
    ['45 million users', 'Acme counts 45 million user accounts.', '45 million user'],
    ['the Bluebird models', 'Members discussed the Bluebird model.', 'the Bluebird model'],
    ['three pending acquisitions of start-ups', 'Acme reported three pending acquisitions of start-up companies.', 'acquisitions of start-up'],
    ['Bluebird v2.1', 'Acme will release Bluebird 2.1 in May.', 'Bluebird 2.1'],
    ['Bluebird v2.1', 'Acme will release Bluebird version 2.1 in May.', 'Bluebird version 2.1'],
    ['Bluebird version 3', 'Acme will release Bluebird v3 in May.', 'Bluebird v3'],
  ];
  itRefusesEach(cases, leaks);
});

describe('what is not the flagged passage is not refused', () => {
  const fine: Array<[flagged: string, printed: string]> = [
    ['10,000 H100 GPUs', 'Acme runs a cluster of 1,000 H100 GPU nodes.'],
    ['the Bluebird models', 'Members discussed the Blue model.'],
    ['Bluebird v2.1', 'Acme will release Bluebird 2.2 in May.'],
    ['Bluebird v2.1', 'The budget rose by 2.1 per cent.'],
    // A version alone is a number: not searched without the name before it.
    ['v2.1', 'The budget rose by 2.1 per cent.'],
  ];
  itPublishesEach(fine, leaks);
});
