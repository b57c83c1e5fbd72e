import type { Backend } from '../../electron/backend/backend';
import { GraphRepo } from '../../electron/backend/repositories/graph-repo';
import type { MeetingDetail } from '../../shared/contract/core';
import { call } from '../helpers/temp';
import { doc, meetingWithAgenda } from './minutes-fixture';

/** A meeting holding a bit of everything: agenda with a sub-item, minutes, a revision, a flag, records, attendance. */
export async function fullMeeting(backend?: Backend) {
  const { backend: b, meetingId, items } = await meetingWithAgenda(backend);
  const org = await call<{ id: string }>(b, 'organisations.create', { name: 'Mistral AI', shortName: 'Mistral' });
  const rep = await call<{ id: string }>(b, 'representatives.create', { organisationId: org.id, name: 'A. Person' });
  await call(b, 'attendance.set', { meetingId, representativeId: rep.id, status: 'in_person' });
  await call(b, 'attendance.arrive', { meetingId, representativeId: rep.id });
  await call(b, 'minutes.saveSection', { meetingId, sectionKey: items[1], content: doc('Discussion of the signatory updates.', 'Quorum reached.') });
  await call(b, 'minutes.snapshot', { meetingId, sectionKey: items[1], reason: 'manual' });
  await call(b, 'flags.create', { meetingId, sectionKey: items[1], excerpt: 'Quorum reached.' });
  await call(b, 'decisions.create', { meetingId, sectionKey: items[1], text: 'Agenda adopted.', outcome: 'adopted' });
  await call(b, 'actions.create', { meetingId, sectionKey: 'closing', text: 'Circulate the draft.' });
  await call(b, 'live.start', { meetingId });
  return { backend: b, meetingId, items, orgId: org.id, repId: rep.id };
}

/** Every table's rows except derived or bookkeeping ones (search index rows are renumbered on restore). */
export function content(b: Backend, skip: string[] = ['search_docs', 'search_sections', 'search_pending', 'trash', 'example_data']): string {
  return JSON.stringify(new GraphRepo(b.db).contentRows().filter((t) => !skip.includes(t.table)));
}

export async function agendaOf(b: Backend, meetingId: string) {
  return (await call<MeetingDetail>(b, 'meetings.get', { id: meetingId })).agenda.map((a) => `${a.number} ${a.title}`);
}
