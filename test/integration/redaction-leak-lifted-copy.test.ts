import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FlagList } from '../../shared/domain/flags';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save } from './redaction-leak-helpers';

/**
 * Audit (2026-12-07): a part of a flagged passage copied, with its mark, into another item of the same meeting moves
 * the flag's record there (its passage becomes the copied words). Lifting that flag from the Flags panel removes the
 * mark in that item only; the first item keeps its mark (and its own summary still hides the passage), but another
 * meeting's check read a mark whose flags were all lifted as guarding nothing, so that meeting published the whole
 * passage. A mark that stands in an item on its meeting's agenda now guards its words in every other meeting whatever
 * its records say (fail-closed); only one left where nobody can edit it (an item removed, the trash) does not.
 */
const SECRET = 'Acme will close its Lyon plant in March';

describe('audit: a flag lifted where its copy was, while its mark stands in another item', () => {
  async function setup() {
    const b = makeBackend();
    const a = await meeting(b, 'Second plenary', '02-03');
    const [, second] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: a.m, title: 'Other business' });
    await save(b, a.m, a.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    // "Lyon plant" selected inside the flag, copied and pasted into the other item: the copy keeps F1's mark.
    await save(b, a.m, second!.id, doc(p(t('See '), flag(['F1'], t('Lyon plant')), t('.'))));
    // The Flags panel now shows F1 as "Lyon plant" in that item; the officer lifts it there.
    await call(b, 'flags.unflag', { id: 'F1' });
    await save(b, a.m, second!.id, doc(p(t('See Lyon plant.'))));
    expect((await call<FlagList>(b, 'flags.list', { meetingId: a.m })).flags.map((f) => [f.id, f.retiredReason])).toEqual([['F1', 'unflagged']]);
    const other = await meeting(b, 'Third plenary', '03-03');
    await save(b, other.m, other.a, doc(p(t(`Recalled: ${SECRET}.`))));
    return { b, a, other };
  }

  it('another meeting printing the passage still marked in the first item is refused', async () => {
    const { b, a, other } = await setup();
    expect(printed(await exported(b, a.m), SECRET)).toBe(false); // the first meeting hides it where it stands marked
    const out = await exported(b, other.m);
    expect(printed(out, SECRET)).toBe(false);
    expect('refused' in out ? out.refused : 'exported').toMatch(/^leak_detected: /);
  });

  it('control: the mark removed from the first item too (the passage no longer flagged anywhere), the other meeting may print it', async () => {
    const { b, a, other } = await setup();
    await save(b, a.m, a.a, doc(p(t(`Reported: ${SECRET}.`))));
    // The first item's save without the mark leaves F1 lifted (the officer lifted it): nothing guards the words now.
    expect(printed(await exported(b, other.m), SECRET)).toBe(true);
  });
});
