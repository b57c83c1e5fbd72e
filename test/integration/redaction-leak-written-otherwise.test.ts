import { describe, expect, it } from 'vitest';
import { makeBackend } from '../helpers/temp';
import { doc, flag, link, p, t } from '../fixtures/export-data';
import { exportedBody, flaggedThenPrinted, itPublishesEach, itRefusesEach, previewBlockers, REFUSED, save, twoItems } from './redaction-check-helpers';
import { exported, printed } from './redaction-leak-helpers';

/**
 * Audit (2026-12-07): a flagged passage typed unflagged in another item, written the other usual way, was published
 * with no blocker in the preview:
 * - "&" for "and" in a company's name, and the reverse;
 * - an Icelandic name spelt without "ð" or "þ" (registers and addresses write "d" and "th"; the check read "ð" as a
 *   space, after Unicode's confusables map it to a symbol), a Serbian or Croatian one without "đ" ("dj");
 * - the flagged words in the address of a link wrapped by Outlook's safe links, which encodes it twice
 *   ("Project%2520Bluebird%2520Merger"): the check decoded an address once.
 * Each is now refused by the export and blocked by the preview (one matcher).
 */
describe('audit: a flagged passage written otherwise elsewhere in the minutes', () => {
  itRefusesEach(
    [
      ['Smith & Wesson Robotics', 'Smith and Wesson Robotics will bid.', 'Smith and Wesson Robotics'],
      ['Smith and Wesson Robotics', 'Smith & Wesson Robotics will bid.', 'Smith & Wesson Robotics'],
      ['Sigríður Guðmundsdóttir', 'Sigridur Gudmundsdottir attended.', 'Gudmundsdottir'],
      ['Þórsson Capital', 'Thorsson Capital attended.', 'Thorsson Capital'],
      ['Đorđe Đorđević', 'Djordje Djordjevic attended.', 'Djordjevic'],
    ],
    flaggedThenPrinted,
  );
  // Controls: words that only share a part with the flagged name are published.
  itPublishesEach(
    [
      ['Smith & Wesson Robotics', 'Smith and the Wesson family attended.'],
      ['Sigríður Guðmundsdóttir', 'Sigrid Gudmundsen attended.'],
    ],
    flaggedThenPrinted,
  );

  it('the flagged words in the address of a link wrapped by Outlook’s safe links (encoded twice): refused, and the preview blocks', async () => {
    const b = makeBackend();
    const x = await twoItems(b);
    await save(b, x.m, x.a, doc(p(t('In confidence: '), flag(['F1'], t('Project Bluebird Merger')), t('.'))));
    const safe = 'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fteams.example.eu%2FShared%2520Documents%2FProject%2520Bluebird%2520Merger.docx&data=05';
    await save(b, x.m, x.c, doc(p(t('See '), link(safe, t('the document')), t('.'))));
    const out = await exported(b, x.m);
    expect(printed(out, 'Project Bluebird Merger') || ('text' in out && out.text.includes('Bluebird%2520Merger'))).toBe(false);
    expect({ previewBlocks: previewBlockers(b, x.m).length > 0, exportRefuses: 'refused' in (await exportedBody(b, x.m)) }).toEqual({ previewBlocks: true, exportRefuses: true });
  });

  it('control of the case above: flagged and typed the same way, refused as before', async () => {
    expect(await flaggedThenPrinted('Smith & Wesson Robotics', 'Smith & Wesson Robotics will bid.', 'Smith & Wesson Robotics')).toEqual(REFUSED);
  });
});
