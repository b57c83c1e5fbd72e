import { describe, expect, it } from 'vitest';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach, REFUSED } from './redaction-check-helpers';

/**
 * Known since the audits of 2026-12-07, fixed 2026-12-08: a flagged passage typed unflagged in another item in letters
 * that read as the same words but are other characters was published with no blocker in the preview:
 * - small capitals ("ʙᴇᴛᴀ ʀᴏʙᴏᴛɪᴄꜱ": Latin letters of their own, which Unicode does not decompose and its
 *   confusables list mostly leaves out);
 * - letters drawn as symbols: negative circled and negative squared capitals ("🅑🅔🅣🅐", "🅱🅴🆃🅰");
 * - words stored backwards under a right-to-left override (U+202E … U+202C), which every viewer shows the right way
 *   round: the check read them as stored. It now reads such text both ways: as shown, and as stored (what a copy out
 *   of the file gives).
 * Each is now refused by the export and blocked by the preview (one reading: foldAsCheck).
 */
const RLO = '\u202E';
const PDF = '\u202C';

describe('audit: a flagged passage printed in letters that only look the same', () => {
  itRefusesEach(
    [
      ['Beta Robotics', 'ʙᴇᴛᴀ ʀᴏʙᴏᴛɪᴄꜱ will bid.', 'ʙᴇᴛᴀ ʀᴏʙᴏᴛɪᴄꜱ'],
      ['Lyon plant', 'The ʟʏᴏɴ ᴘʟᴀɴᴛ closes.', 'ʟʏᴏɴ ᴘʟᴀɴᴛ'],
      ['Beta Robotics', '🅑🅔🅣🅐 Robotics will bid.', '🅑🅔🅣🅐'],
      ['Beta Robotics', '🅱🅴🆃🅰 🆁🅾🅱🅾🆃🅸🅲🆂 will bid.', '🅱🅴🆃🅰'],
      ['Beta Robotics', `They said ${RLO}scitoboR ateB${PDF} will bid.`, 'scitoboR ateB'],
      // An override left open runs to the end of its paragraph.
      ['Beta Robotics', `They said ${RLO}dib lliw scitoboR ateB`, 'scitoboR ateB'],
      // Stored the right way round under an override: shown backwards, but a copy out of the file reads it.
      ['Beta Robotics', `They said ${RLO}Beta Robotics${PDF} will bid.`, 'Beta Robotics'],
    ],
    flaggedThenPrinted,
  );
  // Controls: the same letters spelling other words are published.
  itPublishesEach(
    [
      ['Beta Robotics', 'ʙᴇᴛᴀ ᴍᴀx will bid.'],
      ['Beta Robotics', '🅱🅴🆃🅰 Max will bid.'],
      ['Beta Robotics', `They said ${RLO}xaM ateB${PDF} will bid.`],
    ],
    flaggedThenPrinted,
  );

  it('a passage flagged under an override is read the way it shows, and found typed plainly elsewhere', async () => {
    expect(await flaggedThenPrinted(`${RLO}scitoboR ateB${PDF}`, 'Beta Robotics will bid.', 'Beta Robotics')).toEqual(REFUSED);
  });
});
