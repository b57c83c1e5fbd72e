import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, link, p, t } from '../fixtures/export-data';

/**
 * A flagged link's address is never published as a link target anywhere in the meeting (README). urlKey
 * (shared/redaction/redact.ts) dropped the scheme, "www.", the fragment and trailing slashes, but not a port or a user
 * name before the host: "https://dataroom.example.com:443/acme-beta-deal" is the very same resource as the flagged
 * "https://dataroom.example.com/acme-beta-deal" (443 is https's default port). The second link was not tainted, so its
 * target was written into word/_rels/document.xml.rels; and the check's address forms (shared/redaction/forbidden.ts
 * addressForms) are the URL and "dataroom.example.com/acme-beta-deal", which the normalised "https dataroom example com
 * 443 acme beta deal" does not contain. Nothing refused it. urlKey now reads the address without port and user name:
 * the copy is tainted as an exact copy is (redaction-leak-link-url): its words are kept, its target dropped.
 */
const FLAGGED = 'https://dataroom.example.com/acme-beta-deal';
type B = ReturnType<typeof makeBackend>;
async function meeting(b: B) {
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Second plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
  await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Market developments' });
  const items = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Any other business' });
  return { m, a: items[0]!.id, c: items[1]!.id };
}
const save = (b: B, m: string, sectionKey: string, content: SerializedDoc) => call(b, 'minutes.saveSection', { meetingId: m, sectionKey, content });

describe('a flagged link’s address with the default port written out', () => {
  for (const copy of ['https://dataroom.example.com:443/acme-beta-deal', 'https://DATAROOM.example.com:443/acme-beta-deal/', 'https://guest@dataroom.example.com/acme-beta-deal', 'http://dataroom.example.com:8443/acme-beta-deal'])
    it(`linked again as ${copy} in another item: must not be a link target of the public summary`, async () => {
      const b = makeBackend();
      const x = await meeting(b);
      await save(b, x.m, x.a, doc(p(t('See '), link(FLAGGED, flag(['F1'], t('the data room'))), t('.'))));
      await save(b, x.m, x.c, doc(p(t('Background in '), link(copy, t('this folder')), t('.'))));
      const res = await b.dispatch('exports.create', { meetingId: x.m, kind: 'public_summary', confirmDraft: true });
      let targetInFile = false;
      if (res.ok) {
        const rels = strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/_rels/document.xml.rels']!);
        targetInFile = /dataroom\.example\.com[^"]*acme-beta-deal/.test(rels.toLowerCase());
      }
      expect({ copy, exported: res.ok, targetInFile }).toEqual({ copy, exported: true, targetInFile: false });
    });
});
