import { describe, expect, it } from 'vitest';
import { publicSummary, type PublicMeetingInput } from '../../shared/redaction/public-summary';
import { doc, flag, p, t, ts } from '../fixtures/export-data';

/**
 * A passage another meeting's flag guards, typed in these minutes unflagged, is a blocker of the public summary (the
 * one function the export and the live preview share): the preview lists it as the export refuses it.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics for forty million euros';
const elsewhere = [{ id: 'F-other', excerpt: SECRET, meeting: '“Second plenary” of 3 February 2026' }];

function input(content: unknown, forPublication = true): PublicMeetingInput {
  return {
    bodyName: 'Signatory Taskforce',
    meeting: { title: 'Third plenary', startsAt: '2026-03-03T10:00', redactionMarker: '[redacted]', withheldDisplay: 'title_only' },
    agenda: [{ id: 'a1', number: '1', title: 'Market developments', parentId: null, forPublication }],
    sections: [{ key: 'a1', content: content as PublicMeetingInput['sections'][number]['content'] }],
    attendance: [],
    flagsInForce: [],
    flaggedElsewhere: elsewhere,
  };
}

describe('public summary: passages flagged in another meeting', () => {
  it('printed here unflagged: a blocker under its heading, naming the meeting whose flag it is', () => {
    const s = publicSummary(input(doc(p(t(`Recalled: ${SECRET}.`)))));
    expect(s.blockers).toEqual([{ kind: 'elsewhere', flagId: 'F-other', excerpt: SECRET, where: '1. Market developments', flaggedIn: '“Second plenary” of 3 February 2026' }]);
  });

  it('in other letters or spacing, as the check reads text: still a blocker', () => {
    const s = publicSummary(input(doc(p(t(`Recalled: ${SECRET.toUpperCase().replace(/ /g, '  ')}.`)))));
    expect(s.blockers.map((b) => b.flagId)).toEqual(['F-other']);
  });

  it('flagged here too: hidden, so no blocker', () => {
    const s = publicSummary({ ...input(doc(p(t('Recalled: '), flag(['F-here'], t(SECRET)), t('.')))), flagsInForce: [{ id: 'F-here', excerpt: SECRET }] });
    expect(s.blockers).toEqual([]);
  });

  it('in a withheld item: not printed, so no blocker', () => {
    expect(publicSummary(input(doc(p(t(`Recalled: ${SECRET}.`))), false)).blockers).toEqual([]);
  });

  it('written otherwise than flagged: the blocker says how it is written there, so the officer can find it', () => {
    const figure = (printed: string) =>
      publicSummary({ ...input(doc(p(t(printed)))), flaggedElsewhere: [{ id: 'F-fig', excerpt: '€12 million', meeting: '“A” of 1 March 2026' }] }).blockers;
    expect(figure('Acme will invest EUR 12m in the cluster.')).toEqual([expect.objectContaining({ flagId: 'F-fig', printedAs: 'eur 12m' })]);
    // As flagged (case and spacing aside): nothing to add.
    const asFlagged = figure('Acme will invest €12 MILLION in the cluster.');
    expect(asFlagged.map((b) => b.flagId)).toEqual(['F-fig']);
    expect(asFlagged[0]).not.toHaveProperty('printedAs');
    // Part of a long passage (here its last words, found in the singular and read to the word's end): those words as
    // they are written there.
    const s = publicSummary(input(doc(p(t('Rumour: Holdings will acquire Beta Robotics for forty million euros, maybe.')))));
    expect(s.blockers[0]).toMatchObject({ printedAs: 'will acquire beta robotics for forty million euros' });
  });

  it('8 words of it (a window, as the check of the export finds them): a blocker', () => {
    const s = publicSummary(input(doc(p(t('Rumour: Holdings will acquire Beta Robotics for forty million euros, maybe.')))));
    expect(s.blockers.map((b) => b.flagId)).toEqual(['F-other']);
  });

  it('a short flag is matched as the check matches it: never under 4 characters, whole words under 8', () => {
    const short = (excerpt: string, text: string) =>
      publicSummary({ ...input(doc(p(t(text)))), flaggedElsewhere: [{ id: 'F-short', excerpt, meeting: '“A” of 1 March 2026' }] }).blockers.map((b) => b.flagId);
    // "EU" flagged elsewhere: every summary prints "Europe/Brussels"; nothing confidential is printed.
    expect(short('EU', 'The EU and Europe agreed.')).toEqual([]);
    expect(short('Tomas', 'We meet tomorrow.')).toEqual([]);
    expect(short('Tomas', 'Tomas spoke.')).toEqual(['F-short']);
  });

  it('in the page header (the name of the body), or running across a heading: a blocker, as the file check finds it', () => {
    const header = publicSummary({ ...input(doc(p(t('Nothing of note.')))), bodyName: `${SECRET} Group` });
    expect(header.blockers.map((b) => b.where)).toEqual(['the page header']);
    // The heading "Closing" stands between the two halves, and is itself a word of the passage.
    const passage = 'the merger will be postponed until the closing session of the council in March';
    const across = publicSummary({
      ...input(doc(p(t('It said the merger will be postponed until the')))),
      sections: [
        { key: 'a1', content: doc(p(t('It said the merger will be postponed until the'))) },
        { key: 'closing', content: doc(p(t('session of the council in March was mentioned.'))) },
      ],
      flaggedElsewhere: [{ id: 'F-other', excerpt: passage, meeting: '“A” of 1 March 2026' }],
    });
    expect(across.blockers.map((b) => b.flagId)).toEqual(['F-other']);
  });

  it('not in these minutes: no blocker', () => {
    expect(publicSummary(input(doc(p(t('Nothing of note.'))))).blockers).toEqual([]);
  });
});

describe('public summary: what each part was found to hold is kept between builds (the live preview)', () => {
  it('rebuilt after an edit, the edited part is searched again: a copy typed appears, and goes when it is removed', () => {
    const clean = input(doc(p(t('Nothing of note.'))));
    expect(publicSummary(clean).blockers).toEqual([]);
    expect(publicSummary(input(doc(p(t(`Recalled: ${SECRET}.`))))).blockers.map((b) => b.kind)).toEqual(['elsewhere']);
    expect(publicSummary(clean).blockers).toEqual([]);
    // The same text with other passages guarded: searched again for those.
    expect(publicSummary({ ...clean, flaggedElsewhere: [{ id: 'F-2', excerpt: 'Nothing of note', meeting: '“A” of 1 March 2026' }] }).blockers.map((b) => b.flagId)).toEqual(['F-2']);
    expect(publicSummary(clean).blockers).toEqual([]);
  });
});

describe('public summary: a copy of this meeting’s flagged passage, printed otherwise than stored', () => {
  const base = (content: unknown): PublicMeetingInput => ({ ...input(content), flaggedElsewhere: [], document: { timeZone: 'Europe/Brussels' } });
  it('without the image a paste left in the flag, or with a timestamp shown in the body’s zone: the preview blocks it as the export refuses it', () => {
    const image = doc(p(flag(['F1'], t('Beta Robotics [image omitted] bids €480 million'))), p(t('Recalled: Beta Robotics bids €480 million.')));
    expect(publicSummary(base(image)).blockers.map((b) => [b.kind, b.flagId])).toEqual([['printed', 'F1']]);
    const stamp = ts('[09:02]', '2026-02-03T09:02:00Z');
    const zoned = doc(p(flag(['F2'], stamp, t(' Gamma bids'))), p(t('Recalled: '), stamp, t(' Gamma bids.')));
    expect(publicSummary(base(zoned)).blockers.map((b) => [b.kind, b.flagId])).toEqual([['printed', 'F2']]);
  });
});
