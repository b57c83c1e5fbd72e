import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportRecord, ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { meeting, save, type B } from './redaction-leak-helpers';

/**
 * The agenda (convening notice) is circulated to every member organisation and may be published, but it was built
 * with no redaction check: an item's title, description, presenter or document typed with a passage another meeting's
 * flag guards (or this meeting's own) went out as typed (the audit's open point, 2026-12-05). The agenda now goes
 * through the same check as the public summary, against the same passages (shared/redaction/forbidden.ts): a hit
 * refuses it, names the passage and the meeting whose flag it is, and writes nothing.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics';

type Out = { text: string } | { refused: string; code: string };
async function agenda(b: B, m: string): Promise<Out> {
  const res = await b.dispatch('exports.create', { meetingId: m, kind: 'agenda' });
  if (!res.ok) return { refused: res.error.message, code: res.error.code };
  const files = unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'));
  return { text: normaliseForMatch(visibleText(strFromU8(files['word/document.xml']!))) };
}

/** Meeting A flags SECRET in its minutes; meeting B is the one whose agenda is exported. */
async function setup() {
  const b = makeBackend();
  const first = await meeting(b, 'Second plenary', '02-03');
  await save(b, first.m, first.a, doc(p(t('The chair noted that '), flag(['F1'], t(SECRET)), t('.'))));
  const second = await meeting(b, 'Third plenary', '03-03');
  return { b, first, second };
}

describe('the agenda document goes through the redaction check', () => {
  const fields: Array<[string, Record<string, unknown>]> = [
    ['title', { title: `Update: ${SECRET}` }],
    ['description', { description: `Members will hear that ${SECRET} next year.` }],
    ['presenter', { presenter: SECRET }],
    ['documents', { documents: [{ title: `Note on how ${SECRET}`, reference: 'TF/2026/3' }] }],
  ];
  for (const [where, fieldsOf] of fields) {
    it(`a passage another meeting flagged, typed in an item's ${where}: refused, named with that meeting, nothing written`, async () => {
      const { b, second } = await setup();
      await call<AgendaItem[]>(b, 'agenda.add', { meetingId: second.m, title: 'Any other business', ...fieldsOf });
      const out = await agenda(b, second.m);
      expect('code' in out ? out.code : 'exported').toBe('leak_detected');
      if (!('refused' in out)) return;
      expect(out.refused).toMatch(/^The agenda was not produced/);
      expect(out.refused).toContain('Acme Holdings will acquire');
      expect(out.refused).toContain('Second plenary');
      // Where it is, in the officer's words: the item (numbered as printed) and the field; no file internals.
      expect(out.refused).toContain(`is in item 2 “${where === 'title' ? 'Update: Acme' : 'Any other business'}`);
      expect(out.refused).toContain(`in its ${where}`);
      expect(out.refused).not.toMatch(/word\/|\.xml|heading of the public summary|flag it here/);
      expect(out.refused).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      const history = await call<ExportRecord[]>(b, 'exports.history', { meetingId: second.m });
      expect(history.map((h) => [h.kind, h.checkPassed])).toEqual([['agenda', false]]);
    });
  }

  it("this meeting's own flagged passage typed in its agenda: refused", async () => {
    const { b, first } = await setup();
    await call(b, 'agenda.update', { id: first.a, description: `Background: ${SECRET}.` });
    const out = await agenda(b, first.m);
    expect('code' in out ? out.code : 'exported').toBe('leak_detected');
  });

  it('written differently (case, spacing, punctuation), still found', async () => {
    const { b, second } = await setup();
    await call(b, 'agenda.add', { meetingId: second.m, title: 'ACME  HOLDINGS will acquire — Beta Robotics' });
    expect('code' in (await agenda(b, second.m))).toBe(true);
  });

  it('once the flag is lifted, the agenda is produced and the history says it was checked', async () => {
    const { b, first, second } = await setup();
    await call(b, 'agenda.add', { meetingId: second.m, title: `Update: ${SECRET}` });
    await call(b, 'flags.unflag', { id: 'F1' });
    await save(b, first.m, first.a, doc(p(t(`The chair noted that ${SECRET}.`)))); // the page removes the mark and saves
    const out = await agenda(b, second.m);
    expect('text' in out && out.text.includes(normaliseForMatch(SECRET))).toBe(true);
    const res = await call<ExportResult>(b, 'exports.create', { meetingId: second.m, kind: 'agenda' });
    expect(res.check).toMatchObject({ applied: true, passed: true });
  });

  it('control: an agenda with no flagged words is produced and checked', async () => {
    const { b, second } = await setup();
    await call(b, 'agenda.add', { meetingId: second.m, title: 'Acme Holdings: presentation of its transparency report' });
    const res = await call<ExportResult>(b, 'exports.create', { meetingId: second.m, kind: 'agenda' });
    expect(res.check).toMatchObject({ applied: true, passed: true });
    const history = await call<ExportRecord[]>(b, 'exports.history', { meetingId: second.m });
    expect(history.map((h) => [h.kind, h.checkPassed])).toEqual([['agenda', true]]);
  });
});
