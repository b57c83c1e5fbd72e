import type * as z from 'zod';

/**
 * What a refused input is called in the officer's words: a field is said by what the form calls it, never by its code
 * name ("endsAt"). Keys are the last named step of an issue's path (`items.2.title` → `title`). A field not listed here
 * is said by its name split into words (`withheldDisplay` → "the withheld display"), so a new field still reads.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'the title',
  startsAt: 'the start',
  endsAt: 'the end',
  timeZone: 'the time zone',
  location: 'the place',
  name: 'the name',
  shortName: 'the short name',
  query: 'the search',
  q: 'the search',
  marker: 'the redaction marker',
  redactionMarker: 'the redaction marker',
  description: 'the description',
  text: 'the text',
  owner: 'the owner',
  note: 'the note',
  chair: 'the chair',
  reason: 'the reason',
  presenter: 'the presenter',
  plannedMinutes: 'the planned duration',
  dueDate: 'the due date',
  email: 'the e-mail address',
  role: 'the role',
  kind: 'the kind',
  meetingKind: 'the kind of meeting',
  groupName: 'the group name',
  group: 'the group',
  convenedBy: 'who convened the meeting',
  copyAgendaFrom: 'the meeting to start from',
  referencePrefix: 'the reference prefix',
  placeOfIssue: 'the place of issue',
  internalMarking: 'the internal marking',
  officerName: 'the officer’s name',
  organisation: 'the organisation',
  organisationId: 'the organisation',
  organisationIds: 'the organisations',
  representativeId: 'the representative',
  participantId: 'the participant',
  meetingId: 'the meeting',
  meetingIds: 'the meetings',
  decisionId: 'the decision',
  sectionKey: 'the section',
  parentId: 'the item it belongs to',
  id: 'the record',
  defaultExportFolder: 'the default export folder',
  folder: 'the folder',
  fileName: 'the file name',
  passphrase: 'the passphrase',
  from: 'the first day',
  to: 'the last day',
  limit: 'the number of results',
  autoEveryMinutes: 'the backup interval',
  sequence: 'the number',
};

/** What the whole input is called, when the issue is about it rather than a field. */
const WHOLE_INPUT = 'the request';

/** "withheldDisplay" → "the withheld display" (the fallback for a field the table does not name). */
export function wordsOfName(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? `the ${words}` : WHOLE_INPUT;
}

/** The officer's name for the field at `path` (dot-joined, as ErrorIssue.path; "(input)" for the whole input). */
export function fieldLabel(path: string): string {
  const named = path
    .split('.')
    .filter((step) => step !== '' && step !== '(input)' && !/^\d+$/.test(step))
    .at(-1);
  if (named === undefined) return WHOLE_INPUT;
  return Object.hasOwn(FIELD_LABELS, named) ? FIELD_LABELS[named]! : wordsOfName(named);
}

/** "the end" + "must be after the start" → "The end must be after the start." */
export function sentence(label: string, rest: string): string {
  const text = `${label} ${rest}`.trim();
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * A schema's own words are lower-case and follow the field's label ("is required", "must be after the start"); zod's
 * defaults are English sentences that name types and symbols ("Too big: expected string to have <=300 characters"),
 * so they are never shown: the issue's code and limits say it instead.
 */
const isOwnWords = (message: string) => /^[a-z]/.test(message);

type Issue = z.core.$ZodIssue;

const count = (n: number | bigint, one: string, many: string) => `${n} ${n === 1 || n === 1n ? one : many}`;

/** The largest allowed value of a too_big issue (an exclusive bound of an integer count is one less). */
const atMost = (i: { maximum: number | bigint; inclusive?: boolean }) => (i.inclusive === false && typeof i.maximum === 'number' ? i.maximum - 1 : i.maximum);
const atLeast = (i: { minimum: number | bigint; inclusive?: boolean }) => (i.inclusive === false && typeof i.minimum === 'number' ? i.minimum + 1 : i.minimum);

function tooBig(i: Extract<Issue, { code: 'too_big' }>): string {
  const max = atMost(i);
  switch (i.origin) {
    case 'string':
      return i.exact ? `must be exactly ${count(max, 'character', 'characters')} long` : `is too long (at most ${count(max, 'character', 'characters')})`;
    case 'array':
    case 'set':
      return `has too many entries (at most ${max})`;
    case 'number':
    case 'int':
    case 'bigint':
      return `is too large (at most ${max})`;
    case 'date':
      return 'is too late';
    default:
      return 'is too large';
  }
}

function tooSmall(i: Extract<Issue, { code: 'too_small' }>): string {
  const min = atLeast(i);
  switch (i.origin) {
    case 'string':
      if (i.exact) return `must be exactly ${count(min, 'character', 'characters')} long`;
      return min === 1 || min === 1n ? 'is required' : `is too short (at least ${count(min, 'character', 'characters')})`;
    case 'array':
    case 'set':
      return min === 1 || min === 1n ? 'needs at least one entry' : `has too few entries (at least ${min})`;
    case 'number':
    case 'int':
    case 'bigint':
      return `is too small (at least ${min})`;
    case 'date':
      return 'is too early';
    default:
      return 'is too small';
  }
}

/** Zod keeps the refused value on the issue only when asked (`reportInput`); its English says so otherwise. */
function isMissing(i: Extract<Issue, { code: 'invalid_type' }>): boolean {
  return 'input' in i ? i.input === undefined : /received undefined$/.test(i.message);
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be yes or no',
  array: 'must be a list',
  object: 'must be a group of fields',
  date: 'must be a date',
};

function wrongKind(i: Extract<Issue, { code: 'invalid_type' }>): string {
  if (isMissing(i)) return 'is missing';
  return Object.hasOwn(KIND_WORDS, i.expected) ? KIND_WORDS[i.expected]! : 'is not of the right kind';
}

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  email: 'is not an e-mail address',
  url: 'is not a web address',
  uuid: 'is not a reference the app made',
  date: 'is not a date like 2026-01-30',
  datetime: 'is not a date and time',
  time: 'is not a time of day',
};

/** What an issue says after the field's label, from its code and limits (never zod's English). */
function issueWords(i: Issue): string {
  switch (i.code) {
    case 'too_big':
      return tooBig(i);
    case 'too_small':
      return tooSmall(i);
    case 'invalid_type':
      return wrongKind(i);
    case 'invalid_value':
      return 'is not one of the choices';
    case 'invalid_format':
      return Object.hasOwn(FORMAT_WORDS, i.format) ? FORMAT_WORDS[i.format]! : 'is not in the right form';
    case 'unrecognized_keys':
      // The keys' names are code names: not said.
      return i.keys.length === 1 ? 'has a field this version of the app does not know' : 'has fields this version of the app does not know';
    case 'invalid_union':
      return 'is not in any of the forms the app takes';
    case 'not_multiple_of':
      return `must be a multiple of ${i.divisor}`;
    case 'invalid_key':
    case 'invalid_element':
      return 'has an entry that is not in the right form';
    default:
      return 'is not in the right form';
  }
}

/** A zod issue as one plain sentence: "The place is too long (at most 300 characters)." */
export function issueSentence(i: Issue, path: string): string {
  return sentence(fieldLabel(path), isOwnWords(i.message) ? i.message : issueWords(i));
}

/** A schema-free issue (inspectInput's, a service's) whose message is the rest of a sentence after the field's label. */
export function plainSentence(path: string, message: string): string {
  return isOwnWords(message) ? sentence(fieldLabel(path), message) : sentence('', message);
}
