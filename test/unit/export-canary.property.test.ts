// @vitest-environment jsdom
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { checkPublicDocx } from '../../electron/backend/export/redaction-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PublicPreview } from '../../renderer/features/preview/PublicPreview';
import { publicSummary } from '../../shared/redaction/public-summary';
import { walkSection } from '../../shared/redaction/walk';
import { docxParagraphs, previewParagraphs } from './public-text';
import { agendaArb, CANARY_PREFIX, docSpecArb, docWithTablesSpecArb, renderDoc, WITHHELD_PREFIX } from '../fixtures/docs';

/**
 * The whole publication path on random meetings: minutes with unique canary strings in every flagged passage (in
 * paragraphs, headings, quotes, list items, links, decisions and actions, at boundaries, adjacent, overlapping and
 * across blocks), and canaries for ALL the text of withheld items; redact → build the public DOCX → open every part
 * of the produced file. No canary may appear anywhere, and the redaction check must pass the file. And the live
 * preview, rendered from the same model, shows exactly the DOCX's text, paragraph by paragraph. Half the items' minutes
 * also hold tables (header rows, merged cells, flagged cells, withheld items' tables).
 * Case count from FC_RUNS (default 1000); FC_SEED replays a failure.
 */
const NUM_RUNS = Number(process.env.FC_RUNS ?? 1000);
const seed = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};

const meetingArb = fc.record({
  agenda: agendaArb,
  opening: docSpecArb,
  closing: docSpecArb,
  // Half the items' minutes hold tables (as pasted) with flagged cells, header rows and merged cells.
  items: fc.array(fc.oneof(docSpecArb, docWithTablesSpecArb), { minLength: 10, maxLength: 10 }),
  withheldDisplay: fc.constantFrom('title_only' as const, 'omit' as const),
  marker: fc.constantFrom('[…]', '[redacted]', '■'),
});

describe('public summary DOCX on random meetings', () => {
  it(`contains no flagged or withheld canary in any part, and the preview shows the DOCX's text (${NUM_RUNS} meetings)`, async () => {
    let withCanaries = 0;
    let withFlaggedCells = 0;
    await fc.assert(
      fc.asyncProperty(meetingArb, async (m) => {
        const canaries: string[] = [];
        const sections = [];
        const opening = renderDoc(m.opening);
        const closing = renderDoc(m.closing);
        canaries.push(...opening.canaries, ...closing.canaries);
        sections.push({ key: 'opening', content: opening.doc }, { key: 'closing', content: closing.doc });
        const withheld = new Set<string>();
        for (const it of m.agenda) if (!it.forPublication || (it.parentId && !m.agenda.find((p) => p.id === it.parentId)?.forPublication)) withheld.add(it.id);
        m.agenda.forEach((it, i) => {
          const rendered = withheld.has(it.id) ? renderDoc(m.items[i % 10]!, { prefix: WITHHELD_PREFIX, allCanary: true }) : renderDoc(m.items[i % 10]!);
          canaries.push(...rendered.canaries);
          sections.push({ key: it.id, content: rendered.doc });
        });
        if (canaries.length > 0) withCanaries++;
        let flaggedCell = false;
        for (const s of sections) walkSection(s.content, 's', (shape, atoms) => (flaggedCell ||= !!shape.cell && atoms.some((a) => a.flagIds !== null)));
        if (flaggedCell) withFlaggedCells++;
        const summary = publicSummary({
          bodyName: 'Signatory Taskforce of the General-Purpose AI Code of Practice',
          meeting: { title: 'Plenary', startsAt: '2026-03-12T10:00', redactionMarker: m.marker, withheldDisplay: m.withheldDisplay },
          agenda: m.agenda,
          sections,
          attendance: [
            { organisation: 'Example AI', status: 'in_person' },
            { organisation: 'Another Lab', status: 'remote' },
            { organisation: 'Observer Institute', status: 'remote' },
            { organisation: 'Stayed Away Ltd', status: 'absent' },
          ],
        });
        const bytes = await buildPublicSummary(summary);
        const html = renderToStaticMarkup(createElement(PublicPreview, { result: { ok: true, summary }, withheldDisplay: m.withheldDisplay }));
        expect(previewParagraphs(html)).toEqual(docxParagraphs(bytes));
        const parts = unzipSync(bytes);
        for (const [name, data] of Object.entries(parts)) {
          const text = name.endsWith('.xml') || name.endsWith('.rels') ? strFromU8(data) : Buffer.from(data).toString('latin1');
          for (const prefix of [CANARY_PREFIX, WITHHELD_PREFIX]) expect(text, `${prefix} canary in ${name}`).not.toContain(prefix);
        }
        const check = checkPublicDocx(bytes, { passages: canaries.map((c, i) => ({ id: `c${i}`, text: c })) });
        expect(check).toEqual({ ok: true });
      }),
      { numRuns: NUM_RUNS, ...seed },
    );
    // The generator must really produce flagged text, or the property says nothing.
    expect(withCanaries).toBeGreaterThan(NUM_RUNS / 2);
    // …and tables with flagged cells in a good share of the meetings.
    expect(withFlaggedCells).toBeGreaterThan(NUM_RUNS / 4);
  }, 600_000);
});
