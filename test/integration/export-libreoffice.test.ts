import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../electron/backend/export/build-agenda';
import { buildInternalMinutes } from '../../electron/backend/export/build-internal-minutes';
import { buildParticipants } from '../../electron/backend/export/build-participants';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { buildRedactionRecord } from '../../electron/backend/export/build-redaction-record';
import { redact } from '../../shared/redaction/redact';
import { fixtureExportData, SECRET_1, SECRET_2, WITHHELD_TEXT } from '../fixtures/export-data';
import { tempDir } from '../helpers/temp';

/**
 * The five documents of the example-like meeting, opened by a real office suite (LibreOffice, headless) and read back
 * as plain text: they must open, show their headings, and the public summary must not show any flagged text.
 */
function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const SOFFICE = hasSoffice();
if (!SOFFICE) console.warn('export-libreoffice.test.ts: SKIPPED — LibreOffice (soffice) is not installed on this machine.');

describe.skipIf(!SOFFICE)('exports opened by LibreOffice', () => {
  it('converts all five to text with their headings, and the public summary without flagged text', { timeout: 300_000 }, async () => {
    const data = fixtureExportData();
    const pub = redact({
      bodyName: data.body.name,
      meeting: data.meeting,
      agenda: data.agenda,
      sections: Object.entries(data.sections).map(([key, content]) => ({ key, content })),
      organisations: data.organisations.map((o) => o.name),
      withheldItemIds: data.withheldItemIds,
    });
    const dir = tempDir('tfs-lo-');
    const docs: Record<string, Uint8Array> = {
      agenda: await buildAgenda(data),
      minutes: await buildInternalMinutes(data),
      public: await buildPublicSummary(layoutPublicSummary(pub)),
      participants: await buildParticipants(data),
      record: await buildRedactionRecord(data),
    };
    for (const [name, bytes] of Object.entries(docs)) fs.writeFileSync(path.join(dir, `${name}.docx`), bytes);

    const profile = path.join(os.tmpdir(), `lo-${crypto.randomBytes(8).toString('hex')}`);
    try {
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, ...Object.keys(docs).map((n) => path.join(dir, `${n}.docx`))],
        { stdio: 'pipe', timeout: 240_000 },
      );
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
    const txt = (n: string) => fs.readFileSync(path.join(dir, `${n}.txt`), 'utf8');

    const expectAll = (n: string, lines: string[]) => {
      const t = txt(n);
      for (const l of lines) expect(t, `${n}.txt should contain "${l}"`).toContain(l);
    };
    expectAll('agenda', ['Convening notice and draft agenda', '1. Opening and welcome', '3.1 Adoption of the rules of procedure by consensus', '6. Any other business', '10:35 · 50 min']);
    expectAll('minutes', ['Minutes (internal)', 'Attendance', '3.2 Majority threshold for inviting external experts', SECRET_1, 'Decisions', 'Action items']);
    expectAll('public', ['Public summary', 'Participation', '3.2 Majority threshold for inviting external experts', 'Views differed on the threshold. […]', '5. Future discussion topics', 'Not published.', 'Decisions', 'Next steps']);
    expectAll('participants', ['List of participants', 'Member organisations', 'Other participants', 'Camille Laurent']);
    expectAll('record', ['Redaction record (internal)', 'Flagged passages (3)', 'Withheld agenda items']);

    const publicText = txt('public').normalize('NFKC').toLowerCase();
    for (const secret of [SECRET_1, SECRET_2, WITHHELD_TEXT]) expect(publicText).not.toContain(secret.toLowerCase());
    for (const f of data.flags.filter((x) => x.retiredAt === null)) expect(publicText).not.toContain(f.excerpt.toLowerCase());
  });
});
