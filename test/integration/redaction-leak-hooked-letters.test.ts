import { describe } from 'vitest';
import { flaggedThenPrinted, itPublishesEach, itRefusesEach } from './redaction-check-helpers';

/**
 * Known since an audit (2026-12-07): Latin letters with a hook,
 * curl, stroke or bar that Unicode neither decomposes nor lists as confusable ("ƈ", "ʈ", "ⱥ", "ꞓ", "ꞩ", "ȡ"…), the
 * capitals with a hook TS #39 spells with an apostrophe ("Ɓ" as "ʽB"), "Ŀ"/"ŀ", the parenthesised letters and the
 * Arabic tatweel U+0640 hid a flagged name printed unflagged in another item. They read as their letter now
 * (shared/text/look-alikes-build.ts).
 */
describe('a flagged name printed with hooked / stroked Latin letters is refused', () => {
  itRefusesEach(
    [
      ['Beta Robotics', 'Beta Robo\u0288i\u0188s will bid.', 'Robo\u0288i\u0188s'],
      // "ⱥ" is an a with a stroke: "Bⱥta" reads "bata" (audit 1 printed it for a flagged "Beta", which it is not).
      ['Beta Robotics', 'Beta Roboti\uA793s will bid.', 'Roboti\uA793s'],
      ['Bata Robotics', 'B\u2C65ta Roboti\uA793s will bid.', 'B\u2C65ta'],
      ['Acme', 'A\u0188me will bid.', 'A\u0188me'],
      ['Gamma Vision', 'G\u2C65mma Vi\uA7A9ion will bid.', 'G\u2C65mma'],
      ['Beta Robotics', 'Be\u0640ta Robo\u0640tics will bid.', 'Robo\u0640tics'],
      ['Delta Works', '\u0221elta Works will bid.', '\u0221elta'],
      ['Beta Robotics', '\u0181ETA \u01A6OBOTI\u0187S will bid.', '\u0181ETA'],
      ['Kilo Tango', '\u0198ilo \u01ACango will bid.', '\u0198ilo'],
      ['Lima Holdings', '\u013Fima Holdings will bid.', '\u013Fima'],
      ['Acme', '\u249C\u249E\u24A8\u24A0 will bid.', '\u249C\u249E\u24A8\u24A0'],
      ['Core Labs', '\u0255ore Labs will bid.', '\u0255ore'],
      ['Beta Robotics', '\u1D80eta \u1D89obotics will bid.', '\u1D80eta'],
    ],
    flaggedThenPrinted,
  );

  itPublishesEach(
    [
      ['Beta Robotics', 'Soci\u00E9t\u00E9 G\u00E9n\u00E9rale will bid.'],
      ['Beta Robotics', '\u0141\u00F3d\u017A and Gda\u0144sk will bid.'],
      ['Beta Robotics', '\u0130stanbul and \u0110\u00E0 N\u1EB5ng will bid.'],
      ['Beta Robotics', 'Col\u00B7legi and co\u0140legi will bid.'],
      ['Acme', '\u0627\u0644\u0640\u0640\u0640\u0639\u0631\u0628\u064A\u0629 will bid.'],
    ],
    flaggedThenPrinted,
  );
});
