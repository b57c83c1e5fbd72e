import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/contract/exports';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save, type B } from './redaction-leak-helpers';

/**
 * Audit (2026-12-05): the list of participants is checked for the passages flags guard, but a person's name is
 * printed as the attendance recorded it, and the check looked for the flagged passage as flagged. An expert invited in
 * confidence, flagged in the minutes with an honorific, with the organisation, or recorded in the attendance in the
 * EU's "SURNAME Given-name" order, was printed in the list: the reader reads the same person, the check found nothing.
 * The matcher now also searches a flagged name's other forms (shared/redaction/name-forms.ts).
 */
const NAME = 'Imogen Castellanos-Whitby';

const participants = (b: B, m: string) => exported(b, m, 'participants');

async function setup(flagged: string, recorded: { name: string; organisation: string }) {
  const b = makeBackend();
  const x = await meeting(b, 'Second plenary', '02-03');
  await save(b, x.m, x.a, doc(p(t('The chair thanked '), flag(['F1'], t(flagged)), t(', who briefed members in confidence.'))));
  await call(b, 'attendance.addPerson', { meetingId: x.m, category: 'external_expert', ...recorded });
  return { b, m: x.m };
}

describe('a flagged person is not printed under another form of the name', () => {
  it('flagged with an honorific ("Dr …"), recorded without it', async () => {
    const { b, m } = await setup(`Dr ${NAME}`, { name: NAME, organisation: 'Independent' });
    const out = await participants(b, m);
    expect(printed(out, 'Castellanos-Whitby')).toBe(false);
  });

  it('recorded as "SURNAME Given-name" (the EU convention for lists of participants)', async () => {
    const { b, m } = await setup(NAME, { name: 'CASTELLANOS-WHITBY Imogen', organisation: 'Independent' });
    const out = await participants(b, m);
    expect(printed(out, 'Castellanos-Whitby')).toBe(false);
  });

  it('flagged with an honorific and the organisation ("Dr … of Northfield Analytics"), printed as name and organisation in two cells', async () => {
    const { b, m } = await setup(`Dr ${NAME} of Northfield Analytics`, { name: NAME, organisation: 'Northfield Analytics' });
    const out = await participants(b, m);
    expect(printed(out, 'Castellanos-Whitby')).toBe(false);
  });

  // Not fixed, a decision: without an honorific, "<words> of <words>" may be an organisation as well as a person
  // ("Acme Holdings of Delaware"): reading the first part as a name would make "Acme Holdings" unpublishable everywhere.
  it.skip('flagged with the organisation ("… of Northfield Analytics"), printed as name and organisation in two cells', async () => {
    const { b, m } = await setup(`${NAME} of Northfield Analytics`, { name: NAME, organisation: 'Northfield Analytics' });
    const out = await participants(b, m);
    expect(printed(out, 'Castellanos-Whitby')).toBe(false);
  });

  it('the same in the agenda: flagged "Dr …" in the minutes, named as presenter without the title', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('The chair thanked '), flag(['F1'], t(`Dr ${NAME}`)), t(', who briefed members in confidence.'))));
    const next = await meeting(b, 'Third plenary', '03-03');
    await call(b, 'agenda.add', { meetingId: next.m, title: 'Follow-up briefing', presenter: NAME });
    const res = await b.dispatch('exports.create', { meetingId: next.m, kind: 'agenda' });
    const text = res.ok ? normaliseForMatch(visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!))) : '';
    expect(text.includes(normaliseForMatch('Castellanos-Whitby'))).toBe(false);
  });

  it('control: flagged exactly as recorded, the list is refused', async () => {
    const { b, m } = await setup(NAME, { name: NAME, organisation: 'Independent' });
    expect(await participants(b, m)).toMatchObject({ refused: expect.stringMatching(/^leak_detected/) });
  });
});
