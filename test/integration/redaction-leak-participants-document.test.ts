import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportRecord, ExportResult } from '../../shared/contract/exports';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { meeting, save, type B } from './redaction-leak-helpers';

/**
 * The list of participants is not an internal document (it is the meeting's public record of who took part), but it
 * was built with no redaction check: a name or organisation that a flag guards (an external expert invited in
 * confidence, flagged as such in the minutes) was printed as recorded. It now goes through the same check as the
 * public summary (which refuses a flagged attending organisation already): a hit refuses it, says which entry of the
 * attendance holds the passage, and writes nothing.
 */
const EXPERT = 'Dr Imogen Castellanos-Whitby';

type Out = { text: string } | { refused: string; code: string };
async function participants(b: B, m: string): Promise<Out> {
  const res = await b.dispatch('exports.create', { meetingId: m, kind: 'participants' });
  if (!res.ok) return { refused: res.error.message, code: res.error.code };
  const files = unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'));
  return { text: normaliseForMatch(visibleText(strFromU8(files['word/document.xml']!))) };
}

async function setup(flagged: string) {
  const b = makeBackend();
  const x = await meeting(b, 'Second plenary', '02-03');
  await save(b, x.m, x.a, doc(p(t('The chair thanked '), flag(['F1'], t(flagged)), t(' for the briefing.'))));
  await call(b, 'attendance.addPerson', { meetingId: x.m, category: 'external_expert', name: EXPERT, organisation: 'Independent' });
  await call(b, 'attendance.addPerson', { meetingId: x.m, category: 'observer', name: 'Jo Public', organisation: 'Open Observatory' });
  return { b, ...x };
}

describe('the list of participants goes through the redaction check', () => {
  it('a flagged name of a participant: refused, naming the attendance entry; nothing written', async () => {
    const { b, m } = await setup(EXPERT);
    const out = await participants(b, m);
    expect('code' in out ? out.code : 'exported').toBe('leak_detected');
    if (!('refused' in out)) return;
    expect(out.refused).toMatch(/^The list of participants was not produced/);
    expect(out.refused).toContain(`in the attendance (“${EXPERT}, Independent”)`);
    expect(out.refused).not.toMatch(/word\/|\.xml|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const history = await call<ExportRecord[]>(b, 'exports.history', { meetingId: m });
    expect(history.map((h) => [h.kind, h.checkPassed])).toEqual([['participants', false]]);
  });

  it('a name flagged in another meeting: refused too', async () => {
    const { b } = await setup(EXPERT);
    const other = await meeting(b, 'Third plenary', '03-03');
    await call(b, 'attendance.addPerson', { meetingId: other.m, category: 'external_expert', name: EXPERT.toUpperCase(), organisation: '' });
    expect(await participants(b, other.m)).toMatchObject({ code: 'leak_detected' });
  });

  it('control: a flag on other words leaves the list as it was, checked', async () => {
    const { b, m } = await setup('the figures of the second quarter');
    const out = await participants(b, m);
    expect('text' in out && out.text.includes(normaliseForMatch(EXPERT))).toBe(true);
    const history = await call<ExportRecord[]>(b, 'exports.history', { meetingId: m });
    expect(history.map((h) => [h.kind, h.checkPassed])).toEqual([['participants', true]]);
  });
});
