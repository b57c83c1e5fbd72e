import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FutureTopic } from '../../shared/procedure/records';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { call } from '../helpers/temp';
import { makeBackend } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save, type B } from './redaction-leak-helpers';

/**
 * Audit (2026-12-05): the agenda (convening notice) is a public file since today (checked like the public summary),
 * but its builder printed every agenda item, withheld ones included, and the check only searches for flagged passages.
 * So the content of an item marked not for publication — and words copied out of a withheld item's minutes by the
 * app itself (a future topic, the follow-up of actions) — went out in the agenda. Now the agenda prints a withheld
 * item as the meeting's display of withheld items says (its title marked "Not published.", or not even that), never
 * its description, presenter or documents; and the follow-up's words of an action withheld since are refused.
 */
const publicFile = exported;
const holds = printed;

const PLAIN = 'Secretariat to circulate the revised terms of reference';
const WITHHELD_MINUTES = 'Beta Robotics is preparing a takeover bid for Gamma Vision';

describe('audit: withheld content reaches the agenda document', () => {
  async function topicFromWithheld(display: 'title_only' | 'omit') {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    await call(b, 'agenda.update', { id: first.a, forPublication: false });
    await save(b, first.m, first.a, doc(p(t(`In confidence, the member reported that ${WITHHELD_MINUTES}.`))));
    // The officer selects the words in the withheld item's minutes and raises them as a future topic (its title is
    // often the text selected in the minutes, as procedure-service.ts says).
    const topic = await call<FutureTopic>(b, 'topics.raise', { title: WITHHELD_MINUTES, meetingId: first.m, sectionKey: first.a });
    const second = await meeting(b, 'Third plenary', '03-03', display);
    // The app asks, the officer confirms: the item comes onto the agenda withheld (forPublication false).
    const agenda = await call<AgendaItem[]>(b, 'topics.pick', { topicId: topic.id, meetingId: second.m, confirmWithheld: true });
    expect(agenda.find((i) => i.title === WITHHELD_MINUTES)?.forPublication).toBe(false);
    return { b, m: second.m };
  }

  // Not changed, a decision: the officer adds such a topic only after a question that says its title is printed unless
  // the meeting leaves unpublished items out, and to change the title if its words must not be public
  // (TopicsBacklog.tsx). The title is the officer's to choose.
  it.skip('a future topic raised from a withheld item (added "as not for publication" after the question) is not printed in the next public summary', async () => {
    const { b, m } = await topicFromWithheld('title_only');
    // withheldDisplay 'title_only' (the default): the withheld item's title — the withheld minutes' words — is a heading.
    expect(holds(await publicFile(b, m, 'public_summary'), WITHHELD_MINUTES)).toBe(false);
  });

  it('a future topic raised from a withheld item (added "as not for publication" after the question) is not printed in the next agenda of a meeting that leaves withheld items out (omit)', async () => {
    const { b, m } = await topicFromWithheld('omit');
    // Control: the public summary keeps it out, as the fifth audit's fix intends.
    expect(holds(await publicFile(b, m, 'public_summary'), WITHHELD_MINUTES)).toBe(false);
    const agenda = await publicFile(b, m, 'agenda');
    // Produced (not refused), and without the words.
    expect('text' in agenda).toBe(true);
    expect(holds(agenda, WITHHELD_MINUTES)).toBe(false);
  });

  it('the description of an item marked not for publication is not printed in the agenda', async () => {
    const b = makeBackend();
    const { m } = await meeting(b, 'Fourth plenary', '04-03');
    const DESCRIPTION = 'Confidential briefing on the Delta Systems merger talks';
    await call(b, 'agenda.add', { meetingId: m, title: 'Closed session', description: DESCRIPTION, forPublication: false });
    expect(holds(await publicFile(b, m, 'public_summary'), DESCRIPTION)).toBe(false);
    const agenda = await publicFile(b, m, 'agenda');
    // Produced (not refused), and without the words.
    expect('text' in agenda).toBe(true);
    expect(holds(agenda, DESCRIPTION)).toBe(false);
  });

  it("with withheldDisplay 'omit' (not even the title is published), the withheld item's title is not printed in the agenda", async () => {
    const b = makeBackend();
    const { m } = await meeting(b, 'Fifth plenary', '05-03', 'omit');
    const TITLE = 'Delta Systems merger talks';
    await call(b, 'agenda.add', { meetingId: m, title: TITLE, forPublication: false });
    expect(holds(await publicFile(b, m, 'public_summary'), TITLE)).toBe(false);
    const agenda = await publicFile(b, m, 'agenda');
    // Produced (not refused), and without the words.
    expect('text' in agenda).toBe(true);
    expect(holds(agenda, TITLE)).toBe(false);
  });

  it('an action followed up on the next agenda, whose item is withheld afterwards: the agenda is refused, naming the action', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    const ACTION = 'Beta Robotics to share its due diligence file on Gamma Vision';
    await call(b, 'actions.create', { meetingId: first.m, sectionKey: first.a, text: ACTION, owner: 'Beta Robotics' });
    const second = await meeting(b, 'Third plenary', '03-03');
    await call(b, 'followup.addItem', { meetingId: second.m });
    // After the follow-up item was made, the officer withholds the item the action was raised in.
    await call(b, 'agenda.update', { id: first.a, forPublication: false });
    // Made now, the follow-up would list it "not for publication" (confidentialActions); the item made before keeps it.
    const out = await publicFile(b, second.m, 'agenda');
    expect(holds(out, ACTION)).toBe(false);
    expect('refused' in out ? out.refused : 'exported').toMatch(
      /^leak_detected: The agenda was not produced: item 1 “Follow-up of actions” still lists the words of an action that is not for publication now — “Beta Robotics to share/,
    );
    expect('refused' in out && out.refused).toContain('(minutes of “Second plenary” of 3 February 2026)');
    // Control: made again now, the follow-up lists it without its words, and the agenda goes out.
    const items = await call<AgendaItem[]>(b, 'meetings.get', { id: second.m }).then((d) => (d as unknown as { agenda: AgendaItem[] }).agenda);
    await call(b, 'agenda.remove', { id: items.find((i) => i.title === 'Follow-up of actions')!.id });
    await call(b, 'followup.addItem', { meetingId: second.m });
    const again = await publicFile(b, second.m, 'agenda');
    expect('text' in again && again.text.includes('An action not for publication')).toBe(true);
  });

  it('…and still refused once the action is reworded, deleted, or its meeting moved to the trash: the words it was listed with are kept', async () => {
    // Audit (2026-12-07): the check read the actions as they are now, so each of these let the listed words out.
    const ACTION = 'Gamma Widgets to send its unreleased incident figures to the chair';
    const cases: Array<[string, (b: B, ids: { action: string; first: string }) => Promise<unknown>]> = [
      ['reworded', (b, ids) => call(b, 'actions.update', { id: ids.action, text: 'A member to send figures to the chair' })],
      ['deleted', (b, ids) => call(b, 'actions.delete', { id: ids.action })],
      ['meeting in the trash', (b, ids) => call(b, 'meetings.delete', { id: ids.first })],
    ];
    for (const [label, change] of cases) {
      const b = makeBackend();
      const first = await meeting(b, 'Second plenary', '02-03');
      const a = await call<{ id: string }>(b, 'actions.create', { meetingId: first.m, sectionKey: first.a, text: ACTION });
      const second = await meeting(b, 'Third plenary', '03-03');
      await call(b, 'followup.addItem', { meetingId: second.m });
      await call(b, 'agenda.update', { id: first.a, forPublication: false });
      await change(b, { action: a.id, first: first.m });
      const out = await publicFile(b, second.m, 'agenda');
      expect(holds(out, ACTION), label).toBe(false);
      expect('refused' in out ? out.refused : 'exported', label).toMatch(/^leak_detected: The agenda was not produced: item 1 “Follow-up of actions” still lists the words of an action that is not for publication now — “Gamma Widgets to send/);
      expect('refused' in out && out.refused, label).toContain('(minutes of “Second plenary” of 3 February 2026)');
      if (label !== 'reworded') expect('refused' in out && out.refused, label).toContain('or the action or its meeting deleted');
    }
  });

  it('an action deleted while its item is published: the follow-up still lists its words, and is refused until the officer decides (fail-closed)', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    const a = await call<{ id: string }>(b, 'actions.create', { meetingId: first.m, sectionKey: first.a, text: PLAIN });
    const second = await meeting(b, 'Third plenary', '03-03');
    await call(b, 'followup.addItem', { meetingId: second.m });
    expect(holds(await publicFile(b, second.m, 'agenda'), PLAIN)).toBe(true);
    await call(b, 'actions.delete', { id: a.id });
    expect(await publicFile(b, second.m, 'agenda')).toEqual({ refused: expect.stringMatching(/^leak_detected: .*“Secretariat to circulate.*or the action or its meeting deleted/) });
  });

  it('prints a withheld item and its sub-items with their number and time only: the title marked "Not published.", or not even that', async () => {
    for (const display of ['title_only', 'omit'] as const) {
      const b = makeBackend();
      const { m } = await meeting(b, 'Sixth plenary', '06-03', display);
      const [, closed] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Closed session', presenter: 'Delta Systems', plannedMinutes: 20, forPublication: false });
      await call(b, 'agenda.add', { meetingId: m, parentId: closed!.id, title: 'Terms of the deal', description: 'The draft terms', documents: [{ title: 'Term sheet', reference: 'DS-7' }] });
      await call(b, 'agenda.add', { meetingId: m, title: 'Any other business' });
      const out = await publicFile(b, m, 'agenda');
      if (!('text' in out)) throw new Error(out.refused);
      const text = normaliseForMatch(out.text);
      for (const gone of ['Delta Systems', 'The draft terms', 'Term sheet', 'DS-7']) expect(text.includes(normaliseForMatch(gone)), gone).toBe(false);
      expect(text.includes(normaliseForMatch('Closed session'))).toBe(display === 'title_only');
      expect(text.includes(normaliseForMatch('Terms of the deal'))).toBe(display === 'title_only');
      expect(text.includes(normaliseForMatch('2. Item not for publication'))).toBe(display === 'omit');
      expect(text.includes(normaliseForMatch('2.1 Item not for publication'))).toBe(display === 'omit');
      // Once per withheld item shown by its title (the text read here is the visible text, then the raw XML: each holds
      // it once); under the heading "Item not for publication" it would only say the same again.
      expect(text.match(/not published/g)?.length ?? 0).toBe(display === 'title_only' ? 2 * 2 : 0);
      // The timetable stays right: the next item still starts after the withheld ones' planned time.
      expect(text.includes(normaliseForMatch('Any other business'))).toBe(true);
    }
  });
});
