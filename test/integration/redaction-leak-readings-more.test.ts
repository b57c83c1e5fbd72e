import { describe, expect, it } from 'vitest';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach, PUBLISHED } from './redaction-check-helpers';

/**
 * An audit of the check's readings (helper session, 2026-12-07) published a flagged passage typed elsewhere as:
 * - the name with its letter where it was flagged spelt out, as an e-mail address writes it ("Mueller" flagged,
 *   "Müller" printed; "Soeren"/"Søren", "Djordjevic"/"Đorđević", "Aarhus"/"Århus"): only the other way was read;
 * - a Greek or Cyrillic name in capitals, or flagged in capitals and printed in small letters (the look-alike table
 *   reads each letter in its own case: "Σ" and "σ" look like different Latin letters);
 * - words inside an address pasted as text, where "%20" stands for each space (only a link's target was decoded).
 * And it refused a passage that is not there: a flagged "Bluebird v2" found in "Bluebird 2.1" of the next item, once
 * the window across a heading cut "2.1" to "2".
 */
describe('audit: more ways a flagged passage is written elsewhere', () => {
  itRefusesEach(
    [
      ['Mueller Robotics', 'Müller Robotics will bid.', 'Müller Robotics'],
      ['Juergen Mueller', 'Jürgen Müller attended.', 'Jürgen Müller'],
      ['Soeren Kierkegaard', 'Søren Kierkegaard attended.', 'Søren Kierkegaard'],
      ['Djordje Djordjevic', 'Đorđe Đorđević attended.', 'Đorđe Đorđević'],
      ['Aarhus Robotics', 'Århus Robotics will bid.', 'Århus Robotics'],
      ['Ольга Соколова', 'ОЛЬГА СОКОЛОВА attended.', 'ОЛЬГА СОКОЛОВА'],
      ['Γιώργος Παπαδόπουλος', 'ΓΙΩΡΓΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ attended.', 'ΓΙΩΡΓΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ'],
      ['ΣΤΕΦΑΝΟΣ ΣΤΑΥΡΙΔΗΣ', 'Στέφανος Σταυρίδης attended.', 'Στέφανος Σταυρίδης'],
      ['Project Bluebird Merger', 'Draft at https://acme.sharepoint.com/sites/tf/Project%20Bluebird%20Merger.docx for comment.', 'Project%20Bluebird%20Merger'],
      ['Nightingale Capital', 'Filed as /docs/Nightingale%20Capital.pdf today.', 'Nightingale%20Capital'],
    ],
    flaggedThenPrinted,
  );
  itPublishesEach(
    [
      ['Ольга Соколова', 'ОЛЬГА СМИРНОВА attended.'],
      ['Γιώργος Παπαδόπουλος', 'ΓΙΩΡΓΟΣ ΠΑΠΑΔΑΚΗΣ attended.'],
      ['Mueller Robotics', 'Mahler Robotics will bid.'],
      ['Juergen Mueller', 'Jürgen Möller attended.'],
      ['Aarhus Robotics', 'Aars Robotics will bid.'],
      ['Project Bluebird Merger', 'Draft at https://acme.sharepoint.com/sites/tf/Project%20Bluejay%20Merger.docx for comment.'],
    ],
    flaggedThenPrinted,
  );

  it('no false blocker across a heading: a flagged “Bluebird v2” is not found in “Bluebird 2.1” of the next item', async () => {
    expect(await flaggedThenPrinted('Bluebird v2', 'Bluebird 2.1 is ready.', 'Bluebird 2.1 is ready.')).toEqual(PUBLISHED);
  });
});
