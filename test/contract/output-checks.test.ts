import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { contract, type CallName } from '../../shared/contract/index';
import { cheapOutputCheck, createDispatcher, outputChecksFromEnv, type Handlers } from '../../electron/backend/dispatch';
import { call, makeBackend } from '../helpers/temp';

const silent = { error: () => {} };
const STORED = (Object.keys(contract) as CallName[]).filter((n) => (contract[n] as { outputCheck?: string }).outputCheck === 'stored');

/** A dispatcher whose every handler answers `answer`. */
function answering(answer: unknown, mode: 'all' | 'production') {
  const handlers = new Proxy({} as Handlers, { get: () => () => answer });
  return createDispatcher(handlers, silent, mode);
}

describe('output checks (tests and development: every output parsed; production: cheap for stored data)', () => {
  it('marks only reads of stored section content as "stored"', () => {
    expect(STORED.sort()).toEqual(['minutes.get', 'minutes.revision', 'minutes.section']);
  });

  it('in production, a stored answer gets the cheap check: a bad nested value passes, a missing key does not', async () => {
    const ref = { meetingId: '11111111-1111-4111-8111-111111111111', sectionKey: 'opening' };
    const nestedWrong = { key: 'opening', kind: 'opening', number: '', title: 'Opening', content: { root: 'not a doc' }, rev: 0, updatedAt: null };
    expect((await answering(nestedWrong, 'production')('minutes.section', ref)).ok).toBe(true);
    expect(await answering(nestedWrong, 'all')('minutes.section', ref)).toMatchObject({ ok: false, error: { code: 'internal' } });
    const { content: _c, ...noContent } = nestedWrong;
    expect(await answering(noContent, 'production')('minutes.section', ref)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await answering(null, 'production')('minutes.section', ref)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('in production, every other call still has its output parsed in full', async () => {
    const r = await answering([{ id: 42 }], 'production')('meetings.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    const outline = await answering({ minutes: {}, sections: [], live: {}, decisions: [], actions: [], attendance: {} }, 'production')('minutes.outline', {
      meetingId: '11111111-1111-4111-8111-111111111111',
    });
    expect(outline.ok).toBe(false);
  });

  it('inputs are parsed in full in production too', async () => {
    const r = await answering({}, 'production')('minutes.section', { meetingId: 'x', sectionKey: 'opening', extra: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('for the stored calls, the full parse changes nothing in a real answer (skipping it returns the same value)', async () => {
    const backend = makeBackend();
    const { meeting } = await call<{ meeting: { id: string } }>(backend, 'example.load', {});
    const doc = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [
      { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'Two lines', format: 0, style: '', mode: 'normal', detail: 0 }] },
      { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'of text', format: 0, style: '', mode: 'normal', detail: 0 }] },
    ] } };
    await call(backend, 'minutes.saveSection', { meetingId: meeting.id, sectionKey: 'opening', content: doc });
    const state = await call<{ sections: Array<{ key: string }> }>(backend, 'minutes.get', { meetingId: meeting.id });
    expect(contract['minutes.get'].output.parse(state)).toEqual(state);
    for (const s of state.sections) {
      const one = await call(backend, 'minutes.section', { meetingId: meeting.id, sectionKey: s.key });
      expect(contract['minutes.section'].output.parse(one)).toEqual(one);
      expect(one).toEqual(s);
    }
    const outline = await call<{ sections: Array<{ key: string; rev: number; textLength: number }> }>(backend, 'minutes.outline', { meetingId: meeting.id });
    expect(outline.sections.map((s) => s.key)).toEqual(state.sections.map((s) => s.key));
    expect(outline.sections[0]).toMatchObject({ key: 'opening', rev: 1, textLength: 'Two lines\nof text'.length, lines: 1 });
    backend.close();
  });

  it('the cheap check reads the schema: objects need their required keys, arrays must be arrays', () => {
    const S = z.object({ a: z.string(), b: z.number().optional() });
    expect(cheapOutputCheck(S, { a: 1 })).toBeNull();
    expect(cheapOutputCheck(S, { b: 1 })).toMatch(/"a"/);
    expect(cheapOutputCheck(z.array(S), {})).toMatch(/array/);
    expect(cheapOutputCheck(z.array(S), [])).toBeNull();
  });

  it('the cheap check refuses a non-object for an object schema with no required key, and a missing answer for any other schema', () => {
    const AllOptional = z.object({ a: z.string().optional() });
    for (const bad of ['x', 1, null, [], undefined]) expect(cheapOutputCheck(AllOptional, bad)).toBe('not an object');
    expect(cheapOutputCheck(AllOptional, {})).toBeNull();
    expect(cheapOutputCheck(z.string(), 'x')).toBeNull();
    expect(cheapOutputCheck(z.string(), undefined)).toBe('no answer');
    expect(cheapOutputCheck(z.union([z.string(), z.number()]), 0)).toBeNull();
  });

  it('a broken answer is logged with the call it came from', async () => {
    const logged: string[] = [];
    const handlers = new Proxy({} as Handlers, { get: () => () => null });
    const r = await createDispatcher(handlers, { error: (m) => logged.push(m) }, 'production')('minutes.section', { meetingId: 'm1', sectionKey: 'opening' });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toEqual(['Output of minutes.section broke its contract']);
  });

  it('hosts use production checks unless told otherwise', () => {
    expect(outputChecksFromEnv({})).toBe('production');
    expect(outputChecksFromEnv({ NODE_ENV: 'production' })).toBe('production');
    expect(outputChecksFromEnv({ NODE_ENV: 'test' })).toBe('all');
    expect(outputChecksFromEnv({ NODE_ENV: 'development' })).toBe('all');
    expect(outputChecksFromEnv({ TFS_CHECK_OUTPUTS: 'all' })).toBe('all');
  });
});
