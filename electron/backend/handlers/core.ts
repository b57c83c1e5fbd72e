import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { coreCalls } from '../../../shared/contract/core';
import type { exampleCalls } from '../../../shared/contract/example';

/** The foundation's calls, each a one-line hand-off to a service. */
export function coreHandlers(b: Backend): Pick<Handlers, keyof typeof coreCalls | keyof typeof exampleCalls> {
  const { members, meetings, example, trash } = b.services;
  return {
    'app.info': () => b.info(),
    'body.get': () => members.body(),
    'body.update': (i) => members.updateBody(i),
    'members.list': () => members.list(),
    'organisations.create': (i) => members.createOrganisation(i),
    'organisations.update': (i) => members.updateOrganisation(i),
    // Deleting keeps everything in the trash for 30 days (services/trash-service.ts).
    'organisations.delete': (i) => trash.deleteOrganisation(i.id),
    'representatives.create': (i) => members.createRepresentative(i),
    'representatives.update': (i) => members.updateRepresentative(i),
    'representatives.delete': (i) => members.deleteRepresentative(i.id),
    'meetings.list': () => meetings.list(),
    'meetings.get': (i) => meetings.get(i.id),
    'meetings.create': (i) => meetings.create(i),
    'meetings.update': (i) => meetings.update(i),
    'meetings.setStatus': (i) => meetings.setStatus(i),
    'meetings.delete': (i) => trash.deleteMeeting(i.id),
    'agenda.add': (i) => meetings.addItem(i),
    'agenda.update': (i) => meetings.updateItem(i),
    'agenda.move': (i) => meetings.moveItem(i),
    'agenda.remove': (i) => trash.removeAgendaItem(i.id),
    'settings.get': () => b.settings.get(),
    'settings.update': (i) => b.settings.update(i),
    'example.load': () => example.load(),
    'example.status': () => example.status(),
    'example.remove': () => example.remove(),
  };
}
