import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createDispatcher, zodIssues, type Handlers } from '../../electron/backend/dispatch';
import { fieldLabel, wordsOfName } from '../../electron/backend/issue-words';
import { CALL_NAME_LIST } from '../../shared/contract/call-names';
import { FORBIDDEN_CHARS_MESSAGE } from '../../shared/domain/common';

const silent = { error: () => {} };
/** A dispatcher whose handlers must never run: every input here is refused by its schema first. */
const refuse = async (name: string, raw: unknown) => {
  const r = await createDispatcher(
    new Proxy({} as Handlers, {
      get: () => () => {
        throw new Error('the handler ran');
      },
    }),
    silent,
  )(name, raw);
  if (r.ok || r.error.code !== 'bad_request') throw new Error(`not refused: ${JSON.stringify(r)}`);
  return r.error;
};
/** The sentences zodIssues makes for `value` against `schema` (as the dispatcher parses: reporting the input). */
const said = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) throw new Error('parsed');
  return zodIssues(r.error).map((i) => i.message);
};

const CALL = new RegExp(`\\b(${CALL_NAME_LIST.map((c) => c.replace('.', '\\.')).join('|')})\\b`);
/** What the officer must never read in a refusal: zod's English, a code name, a call name. */
const NOT_PLAIN = /Too big|Too small|Invalid|Unrecognized|expected|received|<=|>=|startsAt|endsAt|timeZone|was not valid|\(input\)/;

describe('a refused input is said in plain sentences', () => {
  it('a meeting that ends before it starts: the schema’s own words after the field’s label', async () => {
    const e = await refuse('meetings.create', { title: 'Plenary', startsAt: '2026-01-30T10:00', endsAt: '2026-01-30T09:00', timeZone: 'Europe/Brussels' });
    expect(e.message).toBe('The end must be after the start.');
    // The technical path stays, for code; the message is the sentence, said once.
    expect(e.issues).toEqual([{ path: 'endsAt', message: 'The end must be after the start.' }]);
  });

  it('too long, required, unknown time zone, too long a search', async () => {
    const base = { title: 'Plenary', startsAt: '2026-01-30T10:00', endsAt: '2026-01-30T12:00', timeZone: 'Europe/Brussels' };
    expect((await refuse('meetings.create', { ...base, location: 'L'.repeat(10_000) })).message).toBe('The place is too long (at most 300 characters).');
    expect((await refuse('meetings.create', { ...base, title: '   ' })).message).toBe('The title is required.');
    expect((await refuse('meetings.create', { ...base, timeZone: 'Brussels' })).message).toBe('The time zone is not a known time zone.');
    expect((await refuse('search.query', { query: 'x'.repeat(10_000) })).message).toBe('The search is too long (at most 500 characters).');
  });

  it('several issues: each a sentence, none with a code name or zod’s English', async () => {
    const e = await refuse('meetings.create', { title: 42, startsAt: 'soon', extra: 1 });
    expect(e.issues!.length).toBeGreaterThan(1);
    for (const i of e.issues!) {
      expect(i.message).toMatch(/^[A-Z].*\.$/);
      expect(i.message).not.toMatch(NOT_PLAIN);
    }
    expect(e.message).not.toMatch(NOT_PLAIN);
    expect(e.message).not.toMatch(CALL);
  });

  it('a forbidden character, found before any schema, is said as a sentence too', async () => {
    const e = await refuse('meetings.create', { title: 'bad\u0000' });
    expect(e).toEqual({ code: 'bad_request', message: `The title ${FORBIDDEN_CHARS_MESSAGE}.`, issues: [{ path: 'title', message: `The title ${FORBIDDEN_CHARS_MESSAGE}.` }] });
  });
});

describe('each zod code in words', () => {
  const cases: Array<[string, z.ZodType, unknown, string]> = [
    ['too_big string', z.object({ location: z.string().max(300) }), { location: 'x'.repeat(301) }, 'The place is too long (at most 300 characters).'],
    ['too_big string, one', z.object({ note: z.string().max(1) }), { note: 'xy' }, 'The note is too long (at most 1 character).'],
    ['too_big string, exact', z.object({ note: z.string().length(3) }), { note: 'xyzw' }, 'The note must be exactly 3 characters long.'],
    ['too_big array', z.object({ owner: z.array(z.string()).max(2) }), { owner: ['a', 'b', 'c'] }, 'The owner has too many entries (at most 2).'],
    ['too_big number', z.object({ plannedMinutes: z.number().int().max(600) }), { plannedMinutes: 601 }, 'The planned duration is too large (at most 600).'],
    ['too_big number, exclusive', z.object({ limit: z.number().int().lt(201) }), { limit: 300 }, 'The number of results is too large (at most 200).'],
    ['too_small string of 1: required', z.object({ title: z.string().min(1) }), { title: '' }, 'The title is required.'],
    ['too_small string', z.object({ passphrase: z.string().min(8) }), { passphrase: 'short' }, 'The passphrase is too short (at least 8 characters).'],
    ['too_small array of 1', z.object({ meetingIds: z.array(z.string()).min(1) }), { meetingIds: [] }, 'The meetings needs at least one entry.'],
    ['too_small array', z.object({ meetingIds: z.array(z.string()).min(2) }), { meetingIds: ['a'] }, 'The meetings has too few entries (at least 2).'],
    ['too_small number', z.object({ limit: z.number().min(1) }), { limit: 0 }, 'The number of results is too small (at least 1).'],
    ['invalid_type, missing', z.object({ title: z.string() }), {}, 'The title is missing.'],
    ['invalid_type, a number for text', z.object({ title: z.string() }), { title: 42 }, 'The title must be text.'],
    ['invalid_type, text for a number', z.object({ plannedMinutes: z.number() }), { plannedMinutes: 'x' }, 'The planned duration must be a number.'],
    ['invalid_type, the whole input', z.object({}), 'text', 'The request must be a group of fields.'],
    ['invalid_value', z.object({ kind: z.enum(['plenary', 'group']) }), { kind: 'other' }, 'The kind is not one of the choices.'],
    ['invalid_format', z.object({ email: z.email() }), { email: 'nope' }, 'The e-mail address is not an e-mail address.'],
    ['invalid_format, a regex of no words', z.object({ chair: z.string().regex(/^A/) }), { chair: 'B' }, 'The chair is not in the right form.'],
    ['unrecognized_keys', z.object({}).strict(), { endsAt: 1 }, 'The request has a field this version of the app does not know.'],
    ['unrecognized_keys, several', z.object({}).strict(), { endsAt: 1, startsAt: 2 }, 'The request has fields this version of the app does not know.'],
    ['invalid_union', z.object({ text: z.union([z.string(), z.number()]) }), { text: true }, 'The text is not in any of the forms the app takes.'],
    ['not_multiple_of', z.object({ sequence: z.number().multipleOf(5) }), { sequence: 7 }, 'The number must be a multiple of 5.'],
    ['custom without words', z.object({ description: z.string().refine(() => false) }), { description: 'x' }, 'The description is not in the right form.'],
    ['custom with its own words', z.object({ endsAt: z.string().refine(() => false, 'must be after the start') }), { endsAt: 'x' }, 'The end must be after the start.'],
    ['a regex with its own words', z.object({ id: z.string().regex(/^a$/, 'must be an id') }), { id: 'b' }, 'The record must be an id.'],
    ['a field in a list', z.object({ items: z.array(z.object({ title: z.string().min(1) })) }), { items: [{ title: 'a' }, { title: '' }] }, 'The title is required.'],
    ['the fallback label', z.object({ withheldDisplay: z.enum(['omit']) }), { withheldDisplay: 'x' }, 'The withheld display is not one of the choices.'],
  ];
  for (const [name, schema, value, sentence] of cases) {
    it(name, () => {
      const words = said(schema, value);
      expect(words).toEqual([sentence]);
      expect(words[0]).not.toMatch(NOT_PLAIN);
    });
  }

  it('without the input reported, a missing field is still told from zod’s English', () => {
    const r = z.object({ title: z.string() }).safeParse({});
    expect(r.success).toBe(false);
    if (!r.success) expect(zodIssues(r.error)).toEqual([{ path: 'title', message: 'The title is missing.' }]);
  });
});

describe('field labels', () => {
  it('the table, then the name split into words', () => {
    expect(fieldLabel('endsAt')).toBe('the end');
    expect(fieldLabel('items.3.startsAt')).toBe('the start');
    expect(fieldLabel('(input)')).toBe('the request');
    expect(fieldLabel('participants.2')).toBe('the participants');
    expect(fieldLabel('withheldDisplay')).toBe('the withheld display');
    expect(wordsOfName('minutes_status')).toBe('the minutes status');
    // A key shaped like an Object.prototype member is a field name, not the table's property.
    expect(fieldLabel('toString')).toBe('the to string');
  });
});
