import * as z from 'zod';
import { Body, BodyUpdate } from '../domain/body';
import { ById, Empty, Ok } from '../domain/common';
import { Organisation, OrganisationInput, OrganisationUpdate, Representative, RepresentativeInput, RepresentativeUpdate } from '../domain/members';
import { Meeting, MeetingCreate, MeetingSetStatus, MeetingSummary, MeetingUpdate } from '../domain/meeting';
import { AgendaItem, AgendaItemCreate, AgendaItemMove, AgendaItemUpdate } from '../domain/agenda';
import { Settings, SettingsUpdate } from '../domain/settings';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';

export const AppInfo = lazySchema(() => z.object({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.number().int(),
  host: z.enum(['electron', 'browser']),
  dataPath: z.string(),
}));
export type AppInfo = z.infer<typeof AppInfo>;

export const MeetingDetail = lazySchema(() => z.object({ meeting: Meeting, agenda: z.array(AgendaItem) }));
export type MeetingDetail = z.infer<typeof MeetingDetail>;

/** Calls of the foundation: the body, its members, meetings and their agendas, the example data. */
export const coreCalls = defineCalls({
  'app.info': { input: Empty, output: AppInfo, summary: 'Version, schema and where the data lives.' },
  'body.get': { input: Empty, output: Body, summary: 'The body whose secretariat this is.' },
  'body.update': { input: BodyUpdate, output: Body, summary: 'Rename the body or its chair.' },

  'members.list': { input: Empty, output: lazySchema(() => z.array(Organisation)), summary: 'Organisations with their representatives.' },
  'organisations.create': { input: OrganisationInput, output: Organisation, summary: 'Add an organisation.' },
  'organisations.update': { input: OrganisationUpdate, output: Organisation, summary: 'Change an organisation.' },
  'organisations.delete': { input: ById, output: Ok, summary: 'Move an organisation and its representatives to the trash (30 days).' },
  'representatives.create': { input: RepresentativeInput, output: Representative, summary: 'Add a representative.' },
  'representatives.update': { input: RepresentativeUpdate, output: Representative, summary: 'Change a representative.' },
  'representatives.delete': { input: ById, output: Ok, summary: 'Remove a representative.' },

  'meetings.list': { input: Empty, output: lazySchema(() => z.array(MeetingSummary)), summary: 'All meetings, newest first.' },
  'meetings.get': { input: ById, output: MeetingDetail, summary: 'A meeting with its agenda in order.' },
  'meetings.create': { input: MeetingCreate, output: MeetingDetail, summary: 'Create a meeting, optionally from an earlier agenda.' },
  'meetings.update': { input: MeetingUpdate, output: Meeting, summary: 'Change a meeting.' },
  'meetings.setStatus': { input: MeetingSetStatus, output: Meeting, summary: 'Move a meeting along its life.' },
  'meetings.delete': { input: ById, output: Ok, summary: 'Move a meeting and everything in it to the trash (30 days).' },

  'agenda.add': { input: AgendaItemCreate, output: lazySchema(() => z.array(AgendaItem)), summary: 'Append an item (or sub-item); returns the agenda.' },
  'agenda.update': { input: AgendaItemUpdate, output: lazySchema(() => z.array(AgendaItem)), summary: 'Change an item; returns the agenda.' },
  'agenda.move': { input: AgendaItemMove, output: lazySchema(() => z.array(AgendaItem)), summary: 'Move an item to a parent and index; returns the agenda.' },
  'agenda.remove': { input: ById, output: lazySchema(() => z.array(AgendaItem)), summary: 'Move an item and its sub-items to the trash (30 days); returns the agenda.' },

  'settings.get': { input: Empty, output: Settings, summary: "This user's settings: theme, default redaction marker, export folder; a problem met reading them." },
  'settings.update': { input: SettingsUpdate, output: Settings, summary: "Change this user's settings." },

  'example.load': { input: Empty, output: MeetingDetail, summary: 'Load the constitutive meeting of 30 January 2026 as an example.' },
});
