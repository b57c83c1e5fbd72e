import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/domain/agenda';
import { ExportService, publicSummaryOf } from '../../electron/backend/services/export-service';
import { call, makeBackend } from '../helpers/temp';
import { br, doc, flag, h, li, p, t, table, td, tr, ul } from '../fixtures/export-data';
import { exported, meeting, printed, save, withheldAndAob, type B } from './redaction-leak-helpers';

/**
 * A withheld item's minutes are not published, and neither are its words typed again in a published item of the same
 * meeting (issue 8: "no text of a withheld item appears in any zip part of the public DOCX"). An audit (2026-12-07)
 * found the words of a withheld item typed again under "AOB" printed with no question: withholding only left out the
 * item's own section. Now a line of a withheld item (6 words or more) printed whole, or any 8 of its words in a row,
 * blocks the preview and stops the export, naming the item; shorter lines and fewer words in a row are ordinary
 * minutes' language ("Members took note.") and publish.
 */
const W = 'Beta Robotics prepares a takeover bid for Gamma Vision';


const blockers = (b: B, m: string) => publicSummaryOf(new ExportService(b.ctx, b.services.meetings, b.services.members).gather(m)).blockers;

describe('Words of a withheld item typed again in a published item', () => {
  it('8 words in a row of a withheld line, in a published item: the preview names the item, the export is refused', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`In confidence: ${W}.`))));
    await save(b, m, aob, doc(p(t(`As said, ${W}.`))));
    const out = await exported(b, m);
    expect(printed(out, W)).toBe(false);
    expect('refused' in out && out.refused).toMatch(/leak_detected: .*withheld item “1\. Market developments”/);
    const found = blockers(b, m);
    expect(found.map((x) => [x.kind, x.where, x.withheldIn])).toEqual([['withheld', '2. AOB', '1. Market developments']]);
  });

  it('a whole withheld line of 6 words, typed again: refused', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b, 'omit');
    await save(b, m, withheld, doc(p(t('Acme will close its Lyon plant.'))));
    await save(b, m, aob, doc(ul(li(t('Acme will close its Lyon plant')))));
    expect(printed(await exported(b, m), 'Acme will close its Lyon plant')).toBe(false);
  });

  it('a withheld sub-item, a heading and a list item of it count as the item', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, parentId: withheld, title: 'Details' });
    const child = agenda.find((i) => i.parentId === withheld)!.id;
    await save(b, m, child, doc(h('h2', t('Plans')), ul(li(t(W)))));
    await save(b, m, aob, doc(p(t(`${W}, it seems.`))));
    expect(printed(await exported(b, m), W)).toBe(false);
    expect(blockers(b, m).map((x) => x.withheldIn)).toEqual(['1.1 Details']);
  });

  it('ordinary minutes language shared with a withheld item publishes: lines under 6 words, 7 words in a row', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t('Members took note.')), p(t('The Chair invited members to comment on the draft from Beta.'))));
    await save(b, m, aob, doc(p(t('Members took note.')), p(t('The Chair invited members to comment on any other business.'))));
    const out = await exported(b, m);
    expect(out).toHaveProperty('text');
    expect(blockers(b, m)).toEqual([]);
  });

  it('a withheld item whose minutes repeat its own title, printed as the title only: publishes', async () => {
    const b = makeBackend();
    const { m, a } = await meeting(b, 'Plenary', '02-03', 'title_only', 'Market developments in the general purpose AI sector');
    await call(b, 'agenda.update', { id: a, forPublication: false });
    await save(b, m, a, doc(h('h2', t('Market developments in the general purpose AI sector')), p(t(W))));
    const out = await exported(b, m);
    expect(out).toHaveProperty('text');
    expect(printed(out, 'Market developments in the general purpose AI sector')).toBe(true);
  });

  it('the words of a published item are not blamed on anything: the same meeting without the withheld item publishes', async () => {
    const b = makeBackend();
    const { m, a } = await meeting(b, 'Plenary', '02-03');
    await save(b, m, a, doc(p(t(W))));
    expect(printed(await exported(b, m), W)).toBe(true);
  });

  it('a withheld item published again: its words in another item publish', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(W))));
    await save(b, m, aob, doc(p(t(`As said, ${W}.`))));
    await call(b, 'agenda.update', { id: withheld, forPublication: true });
    expect(printed(await exported(b, m), W)).toBe(true);
  });
});

describe('A flag whose text a line break cuts inside a word', () => {
  it('guards the word whole: "Blue⏎bird" flagged, "Bluebird" printed elsewhere is refused', async () => {
    const b = makeBackend();
    const { m, a } = await meeting(b, 'Plenary', '02-03');
    const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'AOB' });
    await save(b, m, a, doc(p(t('Code name '), flag(['F1'], t('Blue'), br(), t('bird')), t('.'))));
    await save(b, m, agenda[1]!.id, doc(p(t('Project Bluebird goes ahead.'))));
    expect(printed(await exported(b, m), 'Bluebird')).toBe(false);
  });

  it('a hyphen before the break ("Blue-⏎bird"): "Bluebird" printed elsewhere is refused', async () => {
    const b = makeBackend();
    const { m, a } = await meeting(b, 'Plenary', '02-03');
    const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'AOB' });
    await save(b, m, a, doc(p(t('Code name '), flag(['F1'], t('Blue-'), br(), t('bird')), t('.'))));
    await save(b, m, agenda[1]!.id, doc(p(t('Project Bluebird goes ahead.'))));
    expect(printed(await exported(b, m), 'Bluebird')).toBe(false);
  });
});

describe('What the officer is told of a withheld item’s words printed elsewhere', () => {
  it('the words the two share in a row, not only the first 8', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`In confidence: ${W}, and Delta follows.`))));
    await save(b, m, aob, doc(p(t(`As said, ${W}, and Delta follows suit.`))));
    expect(blockers(b, m).map((x) => x.printedAs)).toEqual([`${W}, and Delta follows`]); // as typed in the withheld line
  });
});

describe('Withheld words cut otherwise, and what the file prints anyway', () => {
  it('a line break inside the withheld sentence: its words are still found printed whole', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t('Beta Robotics prepares a takeover'), br(), t('bid for Gamma Vision.'))));
    await save(b, m, aob, doc(p(t(`${W}.`))));
    expect(printed(await exported(b, m), W)).toBe(false);
  });

  it('a withheld table of short cells, its row printed as one sentence', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(table(tr(td(p(t('Beta Robotics'))), td(p(t('takeover bid for Gamma Vision'))), td(p(t('EUR 2bn, closing in June')))))));
    await save(b, m, aob, doc(p(t('Beta Robotics takeover bid for Gamma Vision EUR 2bn, closing in June.'))));
    expect(printed(await exported(b, m), 'takeover bid for Gamma Vision')).toBe(false);
  });

  it('withheld short points of a list, printed as one sentence', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(ul(li(t('Beta Robotics')), li(t('takeover bid')), li(t('for Gamma Vision')), li(t('before the summer')))));
    await save(b, m, aob, doc(p(t('Beta Robotics takeover bid for Gamma Vision before the summer.'))));
    expect(printed(await exported(b, m), 'takeover bid for Gamma Vision')).toBe(false);
  });

  it('what the file prints anyway, quoted in the withheld item and in a published one, publishes: the title, the organisations', async () => {
    const b = makeBackend();
    const TITLE = 'Second plenary meeting of the Signatory Taskforce on the Code of Practice';
    const { m, a } = await meeting(b, TITLE, '02-03');
    await call(b, 'agenda.update', { id: a, forPublication: false });
    const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'AOB' });
    const aob = agenda.find((i) => i.title === 'AOB')!.id;
    await save(b, m, a, doc(p(t(`Under ${TITLE}, Beta Robotics raised its takeover bid.`))));
    await save(b, m, aob, doc(p(t(`The ${TITLE} closed at noon.`))));
    const out = await exported(b, m);
    expect(blockers(b, m)).toEqual([]);
    expect(out).toHaveProperty('text');
  });
});

describe('Withheld words in the minutes’ own headings', () => {
  it('a heading of a published item’s minutes is minutes: a withheld sentence there is refused', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`${W}.`))));
    await save(b, m, aob, doc(h('h3', t(W)), p(t('Discussed.'))));
    expect(printed(await exported(b, m), W)).toBe(false);
  });
});

describe('A withheld item’s words typed again with a hyphen more or less', () => {
  for (const [kept, typed] of [
    [`${W}.`, 'Beta Robotics prepares a take-over bid for Gamma Vision.'],
    ['Beta Robotics prepares a take-over bid for Gamma Vision.', `${W}.`],
  ] as const)
    it(`withheld “${kept}”, printed “${typed}”: refused`, async () => {
      const b = makeBackend();
      const { m, withheld, aob } = await withheldAndAob(b);
      await save(b, m, withheld, doc(p(t(kept))));
      await save(b, m, aob, doc(p(t(typed))));
      expect('refused' in (await exported(b, m))).toBe(true);
    });
});

describe('A withheld item’s words typed as the title of another item', () => {
  const item = async (b: B, m: string, title: string, parentId?: string) => {
    const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title, ...(parentId ? { parentId } : {}) });
    return agenda.find((i) => i.title === title)!.id;
  };

  it('8 words of a withheld sentence as a published item’s title: refused, naming the item, the words and the title', async () => {
    const b = makeBackend();
    const { m, withheld } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`In confidence, members heard that ${W} before the summer.`))));
    await item(b, m, `Outlook: ${W}`);
    const out = await exported(b, m);
    expect(printed(out, W)).toBe(false);
    expect('refused' in out && out.refused).toMatch(/leak_detected: .*under "the title of item 3", from the withheld item “1\. Market developments”/);
    expect(blockers(b, m).map((x) => [x.kind, x.where, x.withheldIn, x.printedAs])).toEqual([['withheld', 'the title of item 3', '1. Market developments', W]]);
  });

  it('a whole withheld line of 6 words as a published item’s title: refused', async () => {
    const b = makeBackend();
    const { m, withheld } = await withheldAndAob(b, 'omit');
    await save(b, m, withheld, doc(p(t('Acme will close its Lyon plant.')), p(t('Members took note.'))));
    await item(b, m, 'Acme will close its Lyon plant');
    expect(printed(await exported(b, m), 'Acme will close its Lyon plant')).toBe(false);
    expect(blockers(b, m).map((x) => [x.where, x.withheldIn])).toEqual([['the title of item 2', '1. Market developments']]);
  });

  it('a published sub-item’s title, written with a hyphen more: refused', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`${W}.`))));
    await item(b, m, 'Beta Robotics prepares a take-over bid for Gamma Vision', aob);
    expect('refused' in (await exported(b, m))).toBe(true);
    expect(blockers(b, m).map((x) => x.where)).toEqual(['the title of item 2.1']);
  });

  it('as the title of another withheld item, printed by its title only: refused; left out of the summary: publishes', async () => {
    for (const display of ['title_only', 'omit'] as const) {
      const b = makeBackend();
      const { m, withheld } = await withheldAndAob(b, display);
      await save(b, m, withheld, doc(p(t(`${W}.`))));
      const other = await item(b, m, W);
      await call(b, 'agenda.update', { id: other, forPublication: false });
      const out = await exported(b, m);
      expect(printed(out, W)).toBe(false);
      expect('refused' in out).toBe(display === 'title_only');
    }
  });

  it('a withheld item quoting a published item’s short title (under 6 words) publishes', async () => {
    const b = makeBackend();
    const { m, withheld } = await withheldAndAob(b);
    await item(b, m, 'Review of the Lyon plant');
    await save(b, m, withheld, doc(p(t('Review of the Lyon plant')), p(t(`Under review of the Lyon plant, ${W}.`))));
    const out = await exported(b, m);
    expect(blockers(b, m)).toEqual([]);
    expect(printed(out, '3. Review of the Lyon plant')).toBe(true);
  });

  it('a withheld sub-item quoting its own item’s title publishes', async () => {
    const b = makeBackend();
    const TITLE = 'Market developments in the general purpose AI sector';
    const { m, a } = await meeting(b, 'Plenary', '02-03', 'title_only', TITLE);
    const child = await item(b, m, 'Details', a);
    await call(b, 'agenda.update', { id: child, forPublication: false });
    await save(b, m, child, doc(p(t(TITLE)), p(t(`Further to the ${TITLE} debate, ${W}.`))));
    await save(b, m, a, doc(p(t('Discussed.'))));
    const out = await exported(b, m);
    expect(blockers(b, m)).toEqual([]);
    expect(out).toHaveProperty('text');
  });

  it('the agenda description is not printed in the public summary: a withheld sentence there does not reach it', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`${W}.`))));
    await call(b, 'agenda.update', { id: aob, description: `${W}.` });
    const out = await exported(b, m);
    expect(out).toHaveProperty('text');
    expect(printed(out, W)).toBe(false);
  });
});
