import type { AgendaItemFields } from '../domain/agenda';
import { DEFAULT_REDACTION_MARKER, DEFAULT_TIME_ZONE, type ConvenedBy, type MeetingFormat, type MeetingKind } from '../domain/meeting';

/**
 * The constitutive meeting of the Signatory Taskforce, 30 January 2026, as described in the AI Office's public
 * summary (see ../shared/seeds). The organisations are an illustrative handful of signatories; the representatives
 * are fictional people with example.org addresses.
 */
export const EXAMPLE_MEETING = {
  title: 'Constitutive meeting of the Signatory Taskforce',
  sequence: 1,
  kind: 'constitutive' as MeetingKind,
  groupName: '',
  startsAt: '2026-01-30T10:00',
  endsAt: '2026-01-30T13:00',
  timeZone: DEFAULT_TIME_ZONE,
  format: 'hybrid' as MeetingFormat,
  location: 'Brussels, AI Office, and online',
  convenedBy: 'chair' as ConvenedBy,
  withheldDisplay: 'title_only' as const,
  redactionMarker: DEFAULT_REDACTION_MARKER,
};

interface ExampleItem extends AgendaItemFields {
  subItems?: AgendaItemFields[];
}

export const EXAMPLE_AGENDA: ExampleItem[] = [
  {
    title: 'Opening and welcome',
    description: 'Welcome by the chair; purpose of the Signatory Taskforce of the General-Purpose AI Code of Practice.',
    kind: 'information',
    presenter: 'AI Office (chair)',
    plannedMinutes: 10,
    documents: [],
    forPublication: true,
  },
  {
    title: 'Logistics of the Taskforce, transparency and EU competition law',
    description:
      'The AI Office presents the logistics of the Taskforce and the importance of public transparency and respect of EU competition law in its activities.',
    kind: 'information',
    presenter: 'AI Office',
    plannedMinutes: 25,
    documents: [{ title: 'Taskforce Vademecum (including the list of participants)', reference: 'TF/2026/01' }],
    forPublication: true,
  },
  {
    title: 'Rules of procedure',
    description: 'Discussion and adoption of the rules of procedure of the Taskforce.',
    kind: 'decision',
    presenter: 'AI Office',
    plannedMinutes: 50,
    documents: [{ title: 'Draft rules of procedure', reference: 'TF/2026/02' }],
    forPublication: true,
    subItems: [
      {
        title: 'Adoption of the rules of procedure by consensus',
        description: 'The signatories are invited to adopt the rules of procedure by consensus.',
        kind: 'decision',
        presenter: 'AI Office',
        plannedMinutes: 30,
        documents: [],
        forPublication: true,
      },
      {
        title: 'Majority threshold for inviting external experts',
        description: 'Exchange of views on the threshold: simple majority, two-thirds or unanimity.',
        kind: 'discussion',
        presenter: 'AI Office',
        plannedMinutes: 20,
        documents: [],
        forPublication: true,
      },
    ],
  },
  {
    title: 'Ad hoc groups',
    description: 'Potential future ad hoc groups, for example on open-source matters.',
    kind: 'discussion',
    presenter: 'AI Office',
    plannedMinutes: 30,
    documents: [],
    forPublication: true,
  },
  {
    title: 'Future discussion topics',
    description: 'Signatories raise potential topics for follow-up meetings (not yet finalised).',
    kind: 'discussion',
    presenter: 'Members',
    plannedMinutes: 45,
    documents: [],
    forPublication: true,
  },
  {
    title: 'Any other business',
    description: '',
    kind: 'aob',
    presenter: 'AI Office (chair)',
    plannedMinutes: 10,
    documents: [],
    forPublication: true,
  },
];

export const EXAMPLE_ORGANISATIONS = [
  {
    name: 'AI Office',
    shortName: 'AIO',
    isMember: false,
    representatives: [{ name: 'Elena Marchetti', email: 'elena.marchetti@example.org', role: 'Chair' }],
  },
  {
    name: 'Aleph Alpha',
    shortName: 'Aleph Alpha',
    isMember: true,
    representatives: [{ name: 'Jonas Weber', email: 'jonas.weber@example.org', role: 'Policy lead' }],
  },
  {
    name: 'Anthropic',
    shortName: 'Anthropic',
    isMember: true,
    representatives: [{ name: 'Sarah Okafor', email: 'sarah.okafor@example.org', role: 'EU policy' }],
  },
  {
    name: 'Google',
    shortName: 'Google',
    isMember: true,
    representatives: [{ name: 'Pieter de Vries', email: 'pieter.devries@example.org', role: 'Public policy manager' }],
  },
  {
    name: 'Microsoft',
    shortName: 'Microsoft',
    isMember: true,
    representatives: [{ name: 'Anna Kowalska', email: 'anna.kowalska@example.org', role: 'Responsible AI' }],
  },
  {
    name: 'Mistral AI',
    shortName: 'Mistral',
    isMember: true,
    representatives: [
      { name: 'Camille Laurent', email: 'camille.laurent@example.org', role: 'Head of public affairs' },
      { name: 'Hugo Martin', email: 'hugo.martin@example.org', role: 'Legal counsel' },
    ],
  },
  {
    name: 'OpenAI',
    shortName: 'OpenAI',
    isMember: true,
    representatives: [{ name: 'Maria Fernández', email: 'maria.fernandez@example.org', role: 'Global affairs' }],
  },
];
