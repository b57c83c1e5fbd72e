import { describe, expect, it } from 'vitest';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { publicSummaryOf } from '../../electron/backend/services/export-service';
import { IMAGE_PLACEHOLDER } from '../../shared/redaction/forbidden';
import { consecutiveNumbers, summaryText } from '../../shared/redaction/public-summary';
import { IMAGE_OMITTED } from '../../renderer/editor/paste';
import type { ExportData } from '../../electron/backend/export/types';
import { action, doc, fixtureExportData, p, t, ts } from '../fixtures/export-data';
import { part, visibleText } from './export-docx-helpers';

/** The public summary's conventions and content rules, on the model (what the preview shows) and in the DOCX. */
const F = { strike: 4, code: 16, sub: 32, sup: 64 };
const docxText = async (data: ExportData) => visibleText(part(await buildPublicSummary(publicSummaryOf(data)), 'word/document.xml'));

describe('public summary', () => {
  it('keeps strikethrough, subscript, superscript and code, in the model and in the DOCX', async () => {
    const data = fixtureExportData();
    data.sections = { ...data.sections, 'item-1': doc(p(t('H'), t('2', F.sub), t('O, E = mc'), t('2', F.sup), t(' '), t('withdrawn', F.strike), t(' '), t('run_export()', F.code))) };
    const s = publicSummaryOf(data);
    const block = s.blocks.find((b) => 'inlines' in b && b.inlines.some((i) => i.kind === 'text' && i.text === 'withdrawn'))!;
    expect('inlines' in block && block.inlines).toEqual([
      { kind: 'text', text: 'H' },
      { kind: 'text', text: '2', subscript: true },
      { kind: 'text', text: 'O, E = mc' },
      { kind: 'text', text: '2', superscript: true },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'withdrawn', strike: true },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'run_export()', code: true },
    ]);
    const xml = part(await buildPublicSummary(s), 'word/document.xml');
    expect(xml).toMatch(/<w:vertAlign w:val="subscript"\/>[\s\S]{0,80}>2</);
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/>[\s\S]{0,80}>2</);
    expect(xml).toMatch(/<w:strike\/>[\s\S]{0,80}>withdrawn</);
    expect(xml).toMatch(/w:ascii="Courier New"[\s\S]{0,120}>run_export\(\)</);
  });

  it('"Next steps": open actions only, with their due date; done and cancelled actions are not next steps', async () => {
    const data = fixtureExportData();
    data.sections = {
      ...data.sections,
      'item-4': doc(action('a-open', t('Circulate the draft.')), action('a-done', t('Book the room.')), action('a-cancelled', t('Write to the Council.')), action('a-unknown', t('Ask the members.'))),
    };
    data.actions = [
      ...data.actions,
      { id: 'a-open', text: 'Circulate the draft.', owner: 'AI Office', dueDate: '2026-02-20', status: 'open', sectionKey: 'item-4' },
      { id: 'a-done', text: 'Book the room.', owner: 'AI Office', dueDate: '', status: 'done', sectionKey: 'item-4' },
      { id: 'a-cancelled', text: 'Write to the Council.', owner: 'AI Office', dueDate: '', status: 'cancelled', sectionKey: 'item-4' },
    ];
    const text = (await docxText(data)).split('Next steps\n')[1]!;
    expect(text).toBe(
      'Item 3.2: The AI Office will circulate a note on the threshold options. (by 13 February 2026)\nItem 4: Circulate the draft. (by 20 February 2026)\nItem 4: Ask the members.\n',
    );
  });

  it('gives the meeting’s time, place, format and chair in the body’s zone, its reference and the place and date of issue', async () => {
    const t0 = await docxText(fixtureExportData());
    expect(t0).toMatch(/^Brussels, 3 February 2026\nConstitutive meeting of the Signatory Taskforce\nPublic summary\n30 January 2026, 10:00–13:00 \(Europe\/Brussels\)\nPlace and format: Brussels, AI Office, and online · Hybrid\nConstitutive meeting · At the chair's initiative · Chair: AI Office\nReference: AIO\/SIGTF\/2026\/01\/PS\n/);
    const s = publicSummaryOf(fixtureExportData());
    expect(summaryText(s).slice(0, 4)).toEqual(['Brussels, 3 February 2026', 'Constitutive meeting of the Signatory Taskforce', 'Public summary', '30 January 2026, 10:00–13:00 (Europe/Brussels)']);
  });

  it('is marked DRAFT under the title and in the header of every page while the minutes are not approved', async () => {
    const draft = await buildPublicSummary(publicSummaryOf({ ...fixtureExportData(), minutes: { status: 'circulated', version: 2 } }));
    const marking = 'DRAFT — minutes not approved (version 2, circulated for comments)';
    expect(visibleText(part(draft, 'word/header1.xml'))).toContain(marking);
    expect(visibleText(part(draft, 'word/document.xml'))).toContain(`Reference: AIO/SIGTF/2026/01/PS\n${marking}\n`);
    const approved = await buildPublicSummary(publicSummaryOf({ ...fixtureExportData(), minutes: { status: 'approved', version: 2 } }));
    expect(visibleText(part(approved, 'word/header1.xml')) + visibleText(part(approved, 'word/document.xml'))).not.toContain('DRAFT');
  });

  it('never publishes the placeholder a pasted image leaves; a paragraph of only that is dropped', async () => {
    expect(IMAGE_PLACEHOLDER).toBe(IMAGE_OMITTED);
    const data = fixtureExportData();
    data.sections = { ...data.sections, 'item-1': doc(p(t(`See the chart ${IMAGE_OMITTED} above.`)), p(t(IMAGE_OMITTED))), 'item-4': doc(p(t(IMAGE_OMITTED))) };
    const text = await docxText(data);
    expect(text).not.toContain('image omitted');
    expect(text).toContain('1. Opening and welcome\nSee the chart above.\n2.');
    expect(text).toContain('4. Ad hoc groups\nNo summary for this item.\n');
  });

  it('numbers items consecutively when withheld items are left out', async () => {
    expect([...consecutiveNumbers(['', '1', '2', '3', '3.1', '3.2', '5', '6', '']).entries()]).toEqual([
      ['1', '1'], ['2', '2'], ['3', '3'], ['3.1', '3.1'], ['3.2', '3.2'], ['5', '4'], ['6', '5'],
    ]);
    expect([...consecutiveNumbers(['1', '2', '2.2', '4.1']).values()]).toEqual(['1', '2', '2.1', '2.2']);
    const data = fixtureExportData();
    data.meeting = { ...data.meeting, withheldDisplay: 'omit' };
    const text = await docxText(data);
    expect(text).not.toContain('Future discussion topics');
    expect(text).toContain('4. Ad hoc groups');
    expect(text).toContain('5. Any other business');
    expect(text).not.toMatch(/\n6\. /);
  });

  it('prints inline timestamps in the body’s zone', async () => {
    const data = fixtureExportData();
    data.sections = { ...data.sections, opening: doc(p(ts('[03:02]', '2026-01-30T09:02:00Z'), t(' The chair opened the meeting.'))) };
    expect(await docxText(data)).toContain('[10:02] The chair opened the meeting.');
  });
});
