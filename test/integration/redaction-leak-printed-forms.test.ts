import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/domain/agenda';
import { call } from '../helpers/temp';
import { makeBackend } from '../helpers/temp';
import { doc, flag, p, t, ts } from '../fixtures/export-data';
import { exported, meeting, printed, save } from './redaction-leak-helpers';

/**
 * Audit (2026-12-07): the public summary prints a passage otherwise than it is stored, in two ways, and the check
 * searched the file only for the stored form, so a short copy of a flagged passage elsewhere in the minutes went out:
 * - the "[image omitted]" a paste leaves where an image was is not printed (public-summary.ts clean), so a flagged
 *   "Beta Robotics [image omitted] bids …" was searched for with the placeholder's words, and its copy printed without
 *   them was never found;
 * - an inline timestamp is printed in the body's zone, from the instant it carries ("[10:02]" in Brussels for a clock
 *   that showed "[09:02]"), so a flagged passage that starts with one was searched for with the time as typed.
 * Each copy is now refused, by the file's check and by the preview alike (one list of forbidden passages).
 */
const WORDS = 'Beta Robotics bids €480 million for Gamma';
const IMG = '[image omitted]';

async function twoItems() {
  const b = makeBackend();
  const { m, a } = await meeting(b, 'Second plenary', '02-03');
  const [, second] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Other business' });
  return { b, m, a, other: second!.id };
}

describe('audit: a flagged passage printed otherwise than stored', () => {
  it('a pasted image inside the flag: a copy elsewhere, pasted the same or typed without the image, is refused', async () => {
    for (const copy of [`Beta Robotics ${IMG} bids €480 million for Gamma`, WORDS]) {
      const { b, m, a, other } = await twoItems();
      await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t(`Beta Robotics ${IMG} bids €480 million for Gamma`)), t('.'))));
      await save(b, m, other, doc(p(t(`Recalled: ${copy}.`))));
      const out = await exported(b, m);
      expect(printed(out, WORDS), copy).toBe(false);
      expect('refused' in out ? out.refused : 'exported', copy).toMatch(/^leak_detected: /);
    }
  });

  it('a timestamp inside the flag, typed on a clock in another zone: its copy elsewhere is refused', async () => {
    const { b, m, a, other } = await twoItems();
    // The laptop's clock showed 09:02 (UTC); the body's zone is Brussels, where the summary prints 10:02.
    const stamp = () => ts('[09:02]', '2026-02-03T09:02:00Z');
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], stamp(), t(' Beta Robotics bids €480 million')), t('.'))));
    await save(b, m, other, doc(p(t('Recalled: '), stamp(), t(' Beta Robotics bids €480 million.'))));
    const out = await exported(b, m);
    expect(printed(out, 'Beta Robotics bids €480 million')).toBe(false);
    expect('refused' in out ? out.refused : 'exported').toMatch(/^leak_detected: /);
  });

  it('a timestamp inside the flag, typed on a clock in another zone: its copy in ANOTHER meeting is refused', async () => {
    // Known since 2026-12-07, fixed 2026-12-08: another meeting's flagged passages were searched for as stored.
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    const later = await meeting(b, 'Third plenary', '03-03');
    const stamp = () => ts('[09:02]', '2026-02-03T09:02:00Z');
    await save(b, first.m, first.a, doc(p(t('Reported: '), flag(['F1'], stamp(), t(' Beta Robotics bids €480 million')), t('.'))));
    await save(b, later.m, later.a, doc(p(t('Recalled: '), stamp(), t(' Beta Robotics bids €480 million.'))));
    const out = await exported(b, later.m);
    expect(printed(out, 'Beta Robotics bids €480 million')).toBe(false);
    expect('refused' in out ? out.refused : 'exported').toMatch(/^leak_detected: /);
  });

  it('controls: the flagged passages alone are redacted and the summary goes out', async () => {
    const { b, m, a } = await twoItems();
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t(`Beta Robotics ${IMG} bids`)), t(' and '), flag(['F2'], ts('[09:02]', '2026-02-03T09:02:00Z'), t(' Gamma answered')), t('.'))));
    const out = await exported(b, m);
    expect('text' in out).toBe(true);
    expect(printed(out, 'Beta Robotics') || printed(out, 'Gamma answered')).toBe(false);
  });
});
