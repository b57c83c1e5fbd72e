import { describe } from 'vitest';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach } from './redaction-check-helpers';

/**
 * Audit (helper session, 2026-12-07): a flagged passage typed unflagged in another item, written another usual way,
 * went out with no blocker in the preview:
 * - a date as a spreadsheet writes it, the month abbreviated and the year in two digits ("15-Mar-27", "Mar-27"), and a
 *   date flagged so and printed in full;
 * - a phone number with or without the trunk "(0)" after the country code ("+49 (0)30 1234567" for "+49 30 1234567",
 *   and the other way), or dialled from inside the country ("030 1234567");
 * - an e-mail address written so that robots do not read it ("jane dot doe at acme dot com", "jane.doe [at]
 *   acme.com"), and an address flagged so and printed plain.
 * Each is now refused by the export and blocked by the preview (one matcher). The controls are near misses: another
 * day, month or year, a phone number one digit off or of another country, an address at another domain, and
 * ordinary sentences with "at" and "dot" in them.
 */
describe('audit: a flagged date written as a spreadsheet writes it', () => {
  itRefusesEach(
    [
      ['15 March 2027', 'Acme will launch the model on 15-Mar-27.', '15-Mar-27'],
      ['15 March 2027', 'Acme will launch the model on 15-Mar-2027.', '15-Mar-2027'],
      ['15 March 2027', 'Acme will launch the model on 15 Mar 27.', '15 Mar 27'],
      ['5 March 2027', 'Acme will launch the model on 05-Mar-27.', '05-Mar-27'],
      ['30 September 2027', 'Acme will launch the model on 30-Sep-27.', '30-Sep-27'],
      ['March 2027', 'Acme plans its launch for Mar-27.', 'Mar-27'],
      ['launch in March 2027', 'Acme plans its launch in Mar-27.', 'Mar-27'],
      ['15-Mar-27', 'Acme will launch the model on 15 March 2027.', '15 March 2027'],
      ['15-Mar-27', 'Acme will launch the model on 15/03/2027.', '15/03/2027'],
      ['15 Mar 27', 'Acme will launch the model on March 15, 2027.', 'March 15, 2027'],
    ],
    flaggedThenPrinted,
  );
  itPublishesEach(
    [
      ['15 March 2027', 'The next plenary is on 15-Mar-26.'],
      ['15 March 2027', 'The next plenary is on 16-Mar-27.'],
      ['15 March 2027', 'The next plenary is on 15-Apr-27.'],
      ['15 March 2027', 'On 15 March 27 members voted.'],
      ['March 2027', 'Acme plans its launch for Mar-28.'],
      ['March 2027', 'Acme plans its launch for Apr-27.'],
      ['March 2027', 'The call is on Mar 27, 2026.'],
      ['15-Mar-27', 'The next plenary is on 15 March 2026.'],
      ['15-Mar-27', 'The next plenary is on 16 March 2027.'],
    ],
    flaggedThenPrinted,
  );
});

describe('audit: a flagged phone number written with or without its trunk "(0)"', () => {
  itRefusesEach(
    [
      ['+49 30 1234567', 'Call +49 (0)30 1234567 for access.', '+49 (0)30 1234567'],
      ['+49 30 1234567', 'Call +49 (0) 30 123 45 67 for access.', '+49 (0) 30 123 45 67'],
      ['+49 30 1234567', 'Call 030 1234567 for access.', '030 1234567'],
      ['+49 30 1234567', 'Call (030) 123 45 67 for access.', '(030) 123 45 67'],
      ['+49 (0)30 1234567', 'Call +49 30 1234567 for access.', '+49 30 1234567'],
      ['+49 (0)30 1234567', 'Call 030 1234567 for access.', '030 1234567'],
      ['+49 (0)30 1234567', 'Call 0049 30 1234567 for access.', '0049 30 1234567'],
      ['her line, +44 (0)20 7946 0958', 'Her line, +44 20 7946 0958, is open.', '+44 20 7946 0958'],
      ['+39 06 1234 5678', 'Call 06 1234 5678 for access.', '06 1234 5678'],
    ],
    flaggedThenPrinted,
  );
  itPublishesEach(
    [
      ['+49 30 1234567', 'Call +49 (0)30 1234568 for access.'],
      ['+49 30 1234567', 'Call 030 1234568 for access.'],
      ['+49 30 1234567', 'Call +49 (0)40 1234567 for access.'],
      ['+49 30 1234567', 'Call +43 (0)30 1234567 for access.'],
      ['+49 (0)30 1234567', 'Call +49 30 1234568 for access.'],
      ['+49 (0)30 1234567', 'Call 030 1234576 for access.'],
      ['+49 (0)30 1234567', 'Call +48 30 1234567 for access.'],
    ],
    flaggedThenPrinted,
  );
});

describe('audit: a flagged e-mail address written so that robots do not read it', () => {
  itRefusesEach(
    [
      ['jane.doe@acme.com', 'Write to jane dot doe at acme dot com.', 'jane dot doe at acme dot com'],
      ['jane.doe@acme.com', 'Write to jane.doe [at] acme.com.', 'jane.doe [at] acme.com'],
      ['jane.doe@acme.com', 'Write to jane.doe(at)acme(dot)com.', 'jane.doe(at)acme(dot)com'],
      ['jane.doe@acme.com', 'Write to jane.doe AT acme DOT com.', 'jane.doe AT acme DOT com'],
      ['jane.doe@acme.com', 'Write to jane.doe at acme.com.', 'jane.doe at acme.com'],
      ['j.doe@mail.acme.co.uk', 'Write to j.doe [at] mail.acme.co.uk.', 'j.doe [at] mail.acme.co.uk'],
      ['jane dot doe at acme dot com', 'Write to jane.doe@acme.com.', 'jane.doe@acme.com'],
      ['jane.doe [at] acme.com', 'Write to jane.doe@acme.com.', 'jane.doe@acme.com'],
      ['jane.doe(at)acme(dot)com', 'Write to jane.doe@acme.com.', 'jane.doe@acme.com'],
      ['jane.doe AT acme DOT com', 'Write to jane dot doe at acme dot com.', 'jane dot doe at acme dot com'],
    ],
    flaggedThenPrinted,
  );
  itPublishesEach(
    [
      ['jane.doe@acme.com', 'Write to john dot doe at acme dot com.'],
      ['jane.doe@acme.com', 'Write to jane.doe [at] acme.org.'],
      ['jane.doe@acme.com', 'Jane Doe met us at the Acme stand.'],
      ['jane dot doe at acme dot com', 'Write to jane.doe@acme.org.'],
      ['jane.doe [at] acme.com', 'Write to jane.roe@acme.com.'],
      // "at" and "dot" in sentences that are not addresses: nothing is read into them.
      ['the board met at noon', 'The board met noon and night.'],
      ['the plots dot the annex', 'The plots the annex shows.'],
      ['staff at acme', 'Staff acme outreach.'],
    ],
    flaggedThenPrinted,
  );
});
