import { describe, expect, it } from 'vitest';
import type { PublicSummaryOptions } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import { publicSummary } from '../../shared/redaction/public-summary';
import { call, makeBackend } from '../helpers/temp';
import { doc, link, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save, withheldAndAob } from './redaction-leak-helpers';

/**
 * A withheld item's text beyond its minutes and beyond the public summary (an audit, 2026-12-07): its description, its
 * title where withheld items are left out, the agenda document, and the item removed to the trash. Each refusal here
 * failed before (the words were printed).
 */
const W = 'Beta Robotics prepares a takeover bid for Gamma Vision';


const refusal = (out: { text: string } | { refused: string }) => ('refused' in out ? out.refused : '');

describe('A withheld item’s text is not printed beyond its minutes', () => {
  it('agenda: its minutes typed in a published item’s description refuse the agenda, naming the words, the place and the item', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`In confidence: ${W}.`))));
    await call(b, 'agenda.update', { id: aob, description: `Background: ${W}.` });
    const out = await exported(b, m, 'agenda');
    expect(printed(out, W)).toBe(false);
    expect(refusal(out)).toMatch(/^leak_detected: The agenda was not produced: words of a withheld item are in what it prints/);
    expect(refusal(out)).toContain('the description of item 2 “AOB”');
    expect(refusal(out)).toContain('from the withheld item “1. Market developments”');
    expect(refusal(out)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/); // no internal id
  });

  it('agenda: its minutes typed as a published item’s title, presenter or document refuse the agenda', async () => {
    for (const fields of [{ title: W }, { presenter: `${W} (DG CNECT)` }, { documents: [{ title: `Note: ${W}`, reference: 'AI-2026-04' }] }]) {
      const b = makeBackend();
      const { m, withheld, aob } = await withheldAndAob(b);
      await save(b, m, withheld, doc(p(t(`In confidence: ${W}.`))));
      await call(b, 'agenda.update', { id: aob, ...fields });
      expect(printed(await exported(b, m, 'agenda'), W), JSON.stringify(fields)).toBe(false);
    }
  });

  it('public summary: its description typed in a published item’s minutes is a blocker', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await call(b, 'agenda.update', { id: withheld, description: `Confidential briefing: ${W}.` });
    await save(b, m, aob, doc(p(t(`The chair recalled that ${W}.`))));
    const out = await exported(b, m);
    expect(printed(out, W)).toBe(false);
    expect(refusal(out)).toContain('from the withheld item “1. Market developments”');
  });

  it('public summary (withheld items left out): its title typed in a published item’s minutes is a blocker', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b, 'omit');
    await call(b, 'agenda.update', { id: withheld, title: W });
    await save(b, m, aob, doc(p(t(`Members returned briefly to ${W}.`))));
    expect(printed(await exported(b, m), W)).toBe(false);
  });

  it('near miss: its title, printed when withheld items show their title, may be typed in the minutes', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await call(b, 'agenda.update', { id: withheld, title: W });
    await save(b, m, aob, doc(p(t(`Members returned briefly to ${W}.`))));
    expect(printed(await exported(b, m), `Members returned briefly to ${W}`)).toBe(true);
  });

  it('the trash: a withheld item removed from the agenda still refuses its words in the summary and in the agenda', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`In confidence: ${W}.`))));
    await save(b, m, aob, doc(p(t(`As said, ${W}.`))));
    await call(b, 'agenda.update', { id: aob, description: `Background: ${W}.` });
    expect(printed(await exported(b, m), W)).toBe(false); // refused while the item is on the agenda
    await call(b, 'agenda.remove', { id: withheld });
    const summary = await exported(b, m);
    expect(printed(summary, W)).toBe(false);
    expect(refusal(summary)).toContain('Market developments (removed from the agenda, in the trash)');
    expect(printed(await exported(b, m, 'agenda'), W)).toBe(false);
  });

  it('the trash: the live preview gets the removed item’s text and shows the same blocker', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`In confidence: ${W}.`))));
    await call(b, 'agenda.remove', { id: withheld });
    const options = await call<PublicSummaryOptions>(b, 'exports.publicOptions', { meetingId: m });
    expect(options.withheldElsewhere).toEqual([{ name: 'Market developments (removed from the agenda, in the trash)', groups: [[`In confidence: ${W}.`]], urls: [] }]);
    const summary = publicSummary({
      bodyName: 'Signatory Taskforce',
      meeting: { title: 'Plenary', startsAt: '2026-02-03T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
      agenda: [{ id: aob, number: '1', title: 'AOB', parentId: null, forPublication: true }],
      sections: [{ key: aob, content: doc(p(t(`As said, ${W}.`))) }],
      attendance: [],
      withheldElsewhere: options.withheldElsewhere,
    });
    expect(summary.blockers.map((x) => [x.kind, x.withheldIn])).toEqual([['withheld', 'Market developments (removed from the agenda, in the trash)']]);
  });

  it('near miss: a PUBLISHED item removed to the trash does not refuse its words typed elsewhere', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await call(b, 'agenda.update', { id: withheld, forPublication: true });
    await save(b, m, withheld, doc(p(t(`Moved: ${W}.`))));
    await save(b, m, aob, doc(p(t(`As said, ${W}.`))));
    await call(b, 'agenda.remove', { id: withheld });
    expect(printed(await exported(b, m), `As said, ${W}`)).toBe(true);
  });

  it('near miss: the agenda publishes when a withheld item quotes the meeting’s title, which the agenda prints anyway', async () => {
    const b = makeBackend();
    const title = 'Third plenary meeting of the Signatory Taskforce on the Code of Practice';
    const { m, a } = await meeting(b, title, '02-03');
    await call(b, 'agenda.update', { id: a, forPublication: false });
    const [, aob] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'AOB' });
    await call(b, 'agenda.update', { id: aob!.id, description: `Points raised at the ${title}.` });
    await save(b, m, a, doc(p(t(`The ${title} took note of the bid.`))));
    expect(refusal(await exported(b, m, 'agenda'))).toBe('');
  });

  it('its presenter and its documents’ titles, typed in a published item’s minutes, are blockers (second round)', async () => {
    for (const fields of [{ presenter: `Jane Roe, counsel to ${W}` }, { documents: [{ title: `Term sheet: ${W}`, reference: 'CONF-2026-07' }] }]) {
      const b = makeBackend();
      const { m, withheld, aob } = await withheldAndAob(b);
      await call(b, 'agenda.update', { id: withheld, ...fields });
      await save(b, m, aob, doc(p(t(`The chair recalled that ${W}.`))));
      expect(printed(await exported(b, m), W), JSON.stringify(fields)).toBe(false);
    }
  });

  it('the trash: a removed withheld item’s link address, linked again in a published item, is not a link target', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    const url = 'https://dataroom.example.com/acme-acquisition-of-beta-term-sheet';
    await save(b, m, withheld, doc(p(t('The bid is in '), link(url, t('the data room')), t('.'))));
    await save(b, m, aob, doc(p(t('Papers are '), link(url, t('here')), t('.'))));
    await call(b, 'agenda.remove', { id: withheld });
    const out = await exported(b, m);
    expect('text' in out && out.text.includes('acme-acquisition-of-beta')).toBe(false);
    expect(printed(out, 'Papers are here.')).toBe(true);
  });

  it('the trash emptied: the removed withheld item’s minutes, still kept under the meeting, still refuse its words', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    await save(b, m, withheld, doc(p(t(`In confidence: ${W}.`))));
    await save(b, m, aob, doc(p(t(`As said, ${W}.`))));
    await call(b, 'agenda.remove', { id: withheld });
    const [entry] = await call<Array<{ id: string }>>(b, 'trash.list', {});
    await call(b, 'trash.purge', { id: entry!.id });
    const out = await exported(b, m);
    expect(printed(out, W)).toBe(false);
    expect(refusal(out)).toContain('from the withheld item “an item removed from the agenda (its minutes kept)”');
  });

  it('agenda (withheld items left out): a withheld item’s title typed in a published item’s description refuses the agenda', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b, 'omit');
    await call(b, 'agenda.update', { id: withheld, title: W });
    await call(b, 'agenda.update', { id: aob, description: `Follow-up: ${W}.` });
    expect(printed(await exported(b, m, 'agenda'), W)).toBe(false);
    await call(b, 'agenda.remove', { id: withheld });
    expect(printed(await exported(b, m, 'agenda'), W)).toBe(false);
  });

  it('near miss: a description a withheld and a published item share word for word is the body’s wording: the agenda and summary publish', async () => {
    const b = makeBackend();
    const { m, withheld, aob } = await withheldAndAob(b);
    const D = 'Presentation by the Commission services followed by an exchange of views.';
    await call(b, 'agenda.update', { id: withheld, description: D });
    await call(b, 'agenda.update', { id: aob, description: D });
    await save(b, m, aob, doc(p(t(D))));
    expect(refusal(await exported(b, m, 'agenda'))).toBe('');
    expect(refusal(await exported(b, m))).toBe('');
  });
});
