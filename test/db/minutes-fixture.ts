import type { Backend } from '../../electron/backend/backend';
import type { MeetingDetail } from '../../shared/contract/core';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { call, makeBackend } from '../helpers/temp';

/** A meeting with two agenda items (the second with a sub-item), created through the dispatcher. */
export async function meetingWithAgenda(backend: Backend = makeBackend()) {
  const detail = await call<MeetingDetail>(backend, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
  const meetingId = detail.meeting.id;
  await call(backend, 'agenda.add', { meetingId, title: 'Adoption of the agenda' });
  const agenda = await call<MeetingDetail['agenda']>(backend, 'agenda.add', { meetingId, title: 'Signatory updates' });
  const withSub = await call<MeetingDetail['agenda']>(backend, 'agenda.add', { meetingId, title: 'Model reports', parentId: agenda[1]!.id });
  return { backend, meetingId, items: withSub.map((a) => a.id) };
}

/** A section document holding the given paragraphs. */
export function doc(...paragraphs: string[]): SerializedDoc {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
      })),
    },
  };
}

/** Calls and returns the wire error code ('ok' if the call succeeded). */
export async function codeOf(backend: Backend, name: string, input: unknown): Promise<string> {
  const r = await backend.dispatch(name, input);
  return r.ok ? 'ok' : r.error.code;
}
