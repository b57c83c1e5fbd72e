import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { Paragraph } from 'docx';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../electron/backend/export/build-agenda';
import { buildInternalMinutes } from '../../electron/backend/export/build-internal-minutes';
import { buildParticipants } from '../../electron/backend/export/build-participants';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { buildRedactionRecord } from '../../electron/backend/export/build-redaction-record';
import { defaultFileName } from '../../electron/backend/export/file-name';
import { checkPublicDocx } from '../../electron/backend/export/redaction-check';
import { sanitiseText, textRuns } from '../../electron/backend/export/sanitise';
import { packHouseDocument } from '../../electron/backend/export/style';
import { redact } from '../../shared/redaction/redact';
import { doc, fixtureExportData, fixturePublicDocument, flag, p, t } from '../fixtures/export-data';
import { parts, visibleText } from './export-docx-helpers';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
/** Building a DOCX takes tens of milliseconds: the round-trip property runs fewer cases. */
const DOCX_RUNS = Math.max(10, Math.floor(RUNS / 10));

/** Independent reference: what XML 1.0 allows, code point by code point. */
function reference(s: string): string {
  return Array.from(s.replace(/\r\n?/g, '\n'))
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const ok = cp === 9 || cp === 10 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
      return ok ? ch : '\uFFFD';
    })
    .join('');
}

const nasty = fc.constantFrom('\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\uDBFF', '\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\n', '\t', '\r', '\r\n', '&', '<', '>', '"', ']]>', ' ', '  ', '😀');
const messy = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), nasty, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((a) => a.join(''));

function parseXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** The text of the body's paragraphs as a reader sees it: runs joined, w:tab → \t, w:br → \n. */
function bodyText(xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  let inT = false;
  let inBody = false;
  let out = '';
  parser.on('opentag', (tag) => {
    if (tag.local === 'body') inBody = true;
    if (!inBody) return;
    if (tag.local === 't') inT = true;
    if (tag.local === 'tab' && tag.attributes['w:val'] === undefined) out += '\t';
    if (tag.local === 'br') out += '\n';
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 't') inT = false;
  });
  parser.on('text', (x) => {
    if (inT) out += x;
  });
  parser.write(xml).close();
  return out;
}

describe('sanitiseText', () => {
  it('replaces exactly what XML 1.0 forbids by U+FFFD, keeps everything else, normalises CR', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const out = sanitiseText(s);
        expect(out).toBe(reference(s));
        expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(sanitiseText(out)).toBe(out);
      }),
      { numRuns: RUNS, verbose: true },
    );
  });

  it('any string written through textRuns gives well-formed XML whose visible text is the sanitised string', async () => {
    await fc.assert(
      fc.asyncProperty(messy, async (s) => {
        const bytes = await packHouseDocument({ bodyName: 'Body', title: 'T', confidential: false, children: [new Paragraph({ children: textRuns(s) })], fixedInstant: '2026-01-30T00:00:00Z' });
        const xml = Buffer.from(parts(bytes)['word/document.xml']!).toString('utf8');
        parseXml(xml);
        expect(bodyText(xml)).toBe(sanitiseText(s));
      }),
      { numRuns: DOCX_RUNS, verbose: true },
    );
  });
});

describe('every builder sanitises', () => {
  it('hostile characters in every field still give five well-formed, structurally clean documents', async () => {
    const bad = 'A\u0001B\uFFFEC\uFFFFD\uD800E\r\nF\tG\u0000H';
    const d = fixtureExportData();
    d.body = { name: `Body ${bad}`, chair: `Chair ${bad}` };
    d.meeting = { ...d.meeting, title: `Title ${bad}`, location: `Room ${bad}` };
    d.agenda = d.agenda.map((a) => ({ ...a, title: `${a.title} ${bad}`, description: bad, presenter: bad, documents: [{ title: bad, reference: bad }] }));
    d.organisations = d.organisations.map((o) => ({ ...o, name: `${o.name} ${bad}`, representatives: o.representatives.map((r) => ({ ...r, name: bad, role: bad })) }));
    d.attendance = d.attendance.map((a) => ({ ...a, name: bad, organisation: bad }));
    d.sections = { ...d.sections, opening: doc(p(t(bad)), p(flag(['flag-1'], t(bad)))) };
    d.flags = d.flags.map((f) => ({ ...f, note: bad, excerpt: bad, createdBy: bad }));
    d.decisions = d.decisions.map((x) => ({ ...x, text: bad }));
    d.actions = d.actions.map((x) => ({ ...x, text: bad, owner: bad }));
    const pub = fixturePublicDocument();
    pub.bodyName = bad;
    pub.meetingTitle = bad;
    pub.organisations = [bad];
    pub.sections[0]!.blocks = [{ kind: 'paragraph', inlines: [{ kind: 'text', text: bad }, { kind: 'link', url: `https://x.org/${bad}`, children: [{ kind: 'text', text: bad }] }] }];
    const docs = [await buildAgenda(d), await buildInternalMinutes(d), await buildParticipants(d), await buildRedactionRecord(d), await buildPublicSummary(layoutPublicSummary(pub))];
    for (const bytes of docs) {
      for (const [name, b] of Object.entries(parts(bytes))) if (/\.(xml|rels)$/.test(name)) parseXml(Buffer.from(b).toString('utf8'));
      expect(checkPublicDocx(bytes, { passages: [] })).toEqual({ ok: true });
      const xml = Buffer.from(parts(bytes)['word/document.xml']!).toString('utf8');
      expect(xml).toContain('A\uFFFDB\uFFFDC\uFFFDD\uFFFDE');
    }
  });
});

describe('default file name', () => {
  it('is made from the date, the title and the kind, with safe characters only', () => {
    expect(defaultFileName('2026-01-30', 'Constitutive meeting', 'public_summary')).toBe('2026-01-30 Constitutive meeting – public summary.docx');
    expect(defaultFileName('2026-01-30', 'A/B: C*D?"E"<F>|G\\H', 'agenda')).toBe('2026-01-30 A B C D E F G H – agenda.docx');
    expect(defaultFileName('2026-01-30', '..', 'internal_minutes')).toBe('2026-01-30 Meeting – internal minutes.docx');
    expect(defaultFileName('not a date', 'x', 'participants')).toBe('undated x – list of participants.docx');
    fc.assert(
      fc.property(messy, (title) => {
        const name = defaultFileName('2026-01-30', title, 'redaction_record');
        expect(name).toMatch(/^2026-01-30 [^/\\:*?"<>|\u0000-\u001F]+ – redaction record\.docx$/);
        expect(name.length).toBeLessThan(140);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('flagged passages of any length', () => {
  /** The public file through redact(), from minutes where a flag of `n` characters sits at one place. */
  async function publicFileWithFlagOf(n: number): Promise<Uint8Array> {
    const secret = 'x'.repeat(n);
    const pub = redact({
      bodyName: 'Body',
      meeting: { title: 'Meeting', startsAt: '2026-01-30T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
      agenda: [{ id: 'item-1', number: '1', title: 'Item', parentId: null, forPublication: true }],
      sections: [{ key: 'item-1', content: doc(p(t('Before '), flag(['f1'], t(secret)), t(' after.'))) }],
      organisations: ['Org'],
    });
    return buildPublicSummary(layoutPublicSummary(pub));
  }

  it('gives byte-identical word/document.xml (and file) for 1 to 10,000 characters (built via redact())', async () => {
    const reference = await publicFileWithFlagOf(1);
    const refDoc = Buffer.from(parts(reference)['word/document.xml']!);
    expect(visibleText(refDoc.toString('utf8'))).toContain('Before […] after.');
    for (const n of [2, 7, 8, 40, 41, 100, 999, 1000, 4096, 10_000]) {
      const bytes = await publicFileWithFlagOf(n);
      expect(Buffer.from(parts(bytes)['word/document.xml']!).equals(refDoc), `length ${n}`).toBe(true);
      expect(Buffer.from(bytes).equals(Buffer.from(reference)), `file, length ${n}`).toBe(true);
    }
  });
});
