import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { Flag } from '../../shared/domain/flags';
import { checkPublicDocx, FRAME_THEME_SHA256 } from '../../electron/backend/export/redaction-check';
import { call, makeBackend } from '../helpers/temp';

const tx = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const KINDS = ['public_summary', 'agenda', 'internal_minutes', 'redaction_record', 'participants'] as const;

/** A meeting whose minutes flag `word` (a member's name, say) in one sentence. */
async function flagged(word: string) {
  const b = makeBackend();
  const detail = await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-03-05T10:00', endsAt: '2026-03-05T12:00' });
  const meetingId = detail.meeting.id;
  const itemId = (await call<AgendaItem[]>(b, 'agenda.add', { meetingId, title: 'Pricing' }))[0]!.id;
  const f = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: word });
  const para = { type: 'paragraph', version: 1, children: [tx('The representative of '), { type: 'flag', version: 1, ids: [f.id], children: [tx(word)] }, tx(' presented the plan.')] };
  await call(b, 'minutes.saveSection', { meetingId, sectionKey: itemId, content: { root: { type: 'root', version: 1, children: [para] } } });
  return { b, meetingId };
}

const partsOf = (bytes: string) => unzipSync(Buffer.from(bytes, 'base64'));
const compat = (settings: Uint8Array) => strFromU8(settings).match(/<w:compatSetting [^>]*\/>/g) ?? [];

describe("the package's fixed frame (theme fonts, compatibility URIs) and the redaction check", () => {
  it('a flag on "Microsoft" or "Times New Roman" no longer refuses every summary; the word stays out of it', async () => {
    for (const word of ['Microsoft', 'Times New Roman']) {
      const { b, meetingId } = await flagged(word);
      const r = await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
      expect(r.ok, JSON.stringify(r.ok ? '' : r.error.message)).toBe(true);
      const doc = strFromU8(partsOf((r as { value: { bytesBase64: string } }).value.bytesBase64)['word/document.xml']!);
      expect(doc).not.toContain(word);
      expect(doc).toContain('presented the plan.');
    }
  });

  it('the frame is the same in every document, for an empty meeting and one full of flagged text (no meeting text reaches it)', async () => {
    const empty = makeBackend();
    const e = await call<MeetingDetail>(empty, 'meetings.create', { title: 'Empty', startsAt: '2026-03-05T10:00', endsAt: '2026-03-05T12:00' });
    const { b, meetingId } = await flagged('Qorvane Microsoft pricing terms');
    for (const kind of KINDS) {
      const one = await call<{ bytesBase64: string }>(empty, 'exports.create', { meetingId: e.meeting.id, kind, confirmDraft: true });
      const r = await b.dispatch('exports.create', { meetingId, kind, confirmDraft: true });
      if (!r.ok) continue; // documents that refuse a flagged passage (none here but the public summary may)
      const [p, q] = [partsOf(one.bytesBase64), partsOf((r.value as { bytesBase64: string }).bytesBase64)];
      expect(crypto.createHash('sha256').update(p['word/theme/theme1.xml']!).digest('hex'), kind).toBe(FRAME_THEME_SHA256);
      expect(crypto.createHash('sha256').update(q['word/theme/theme1.xml']!).digest('hex'), kind).toBe(FRAME_THEME_SHA256);
      expect(compat(q['word/settings.xml']!), kind).toEqual(compat(p['word/settings.xml']!));
      expect(compat(p['word/settings.xml']!).length).toBeGreaterThan(0);
    }
  });

  it('still finds the passage planted anywhere else, and in a theme that is not the frame', async () => {
    const { b, meetingId } = await flagged('Microsoft');
    const out = await call<{ bytesBase64: string }>(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
    const parts = partsOf(out.bytesBase64);
    const forbidden = { passages: [{ id: 'f', text: 'Microsoft' }] };
    expect(checkPublicDocx(zipSync(parts), forbidden).ok).toBe(true);
    const planted = (part: string, edit: (xml: string) => string) => {
      const before = strFromU8(parts[part]!);
      const after = edit(before);
      expect(after).not.toBe(before); // the plant is there
      const copy = { ...parts, [part]: strToU8(after) };
      return checkPublicDocx(zipSync(copy), forbidden);
    };
    // In the body's text.
    expect(planted('word/document.xml', (x) => x.replace('presented the plan.', 'presented the Microsoft plan.')).ok).toBe(false);
    // In another attribute of the settings.
    expect(planted('word/settings.xml', (x) => x.replace('<w:compatSetting ', '<w:compatSetting w:foo="Microsoft pricing" ')).ok).toBe(false); // only its name, uri and val are frame
    expect(planted('word/settings.xml', (x) => x.replace(/<w:compat>|<w:compat /, (m) => `${m.slice(0, -1)} w:descr="Microsoft pricing"${m.slice(-1)}`)).ok).toBe(false);
    // A theme that is not the docx library's: its font names are searched like any attribute.
    const theme = planted('word/theme/theme1.xml', (x) => x.replace('typeface="Arial"', 'typeface="Microsoft"'));
    expect(theme.ok).toBe(false);
  });
});
