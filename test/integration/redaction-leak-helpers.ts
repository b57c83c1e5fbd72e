import { strFromU8, unzipSync } from 'fflate';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';

/** Shared by the redaction-leak tests of the data lifecycle (backup restore, package import; not a test itself). */
export type B = ReturnType<typeof makeBackend>;

export async function meeting(b: B, title: string, day: string, withheldDisplay: 'title_only' | 'omit' = 'title_only', itemTitle = 'Market developments') {
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title, startsAt: `2026-${day}T10:00`, endsAt: `2026-${day}T12:00`, timeZone: 'Europe/Brussels', withheldDisplay })).meeting.id;
  const [a] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: itemTitle });
  return { m, a: a!.id };
}

export const save = (b: B, m: string, sectionKey: string, content: unknown) => call(b, 'minutes.saveSection', { meetingId: m, sectionKey, content });

/** A public file's visible text (the public summary by default), or the refusal's code and message. */
export async function exported(b: B, m: string, kind: 'public_summary' | 'agenda' | 'participants' = 'public_summary'): Promise<{ text: string } | { refused: string }> {
  const res = await b.dispatch('exports.create', { meetingId: m, kind, confirmDraft: true });
  if (!res.ok) return { refused: `${res.error.code}: ${res.error.message}` };
  const files = unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'));
  // Every XML part (headers, footers, properties too), as visible text and raw, so nothing is missed.
  const all = Object.entries(files)
    .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
    .map(([, v]) => strFromU8(v));
  return { text: `${all.map(visibleText).join('\n')}\n${all.join('\n')}` };
}

/** True when the produced public file holds the words (read as the redaction check reads them). */
export function printed(out: { text: string } | { refused: string }, words: string): boolean {
  return 'text' in out && normaliseForMatch(out.text).includes(normaliseForMatch(words));
}

/** A meeting whose first item ("Market developments") is withheld, and a published "AOB" after it. */
export async function withheldAndAob(b: B, withheldDisplay: 'title_only' | 'omit' = 'title_only') {
  const { m, a } = await meeting(b, 'Plenary', '02-03', withheldDisplay);
  await call(b, 'agenda.update', { id: a, forPublication: false });
  const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'AOB' });
  return { m, withheld: a, aob: agenda.find((i) => i.title === 'AOB')!.id };
}
