import fc from 'fast-check';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH } from '../../electron/backend/dispatch';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser-host';
import { CALL_NAMES } from '../../shared/contract/index';
import type { MeetingDetail } from '../../shared/contract/core';
import { FORBIDDEN_CHARS, replaceForbiddenChars } from '../../shared/domain/common';
import { doc } from '../db/minutes-fixture';
import { call, makeBackend, tempDir } from '../helpers/temp';

/**
 * Fuzz of the contract's boundary with the characters and shapes no call may accept: NUL, lone surrogates,
 * U+FFFE/U+FFFF anywhere (values and keys), nesting past the limit; over HTTP also malformed URLs, wrong content
 * types and deep raw JSON. Every answer: refused (0 accepted), typed, never `internal`, and nothing changed.
 */
const BAD = ['\u0000', '\uD800', '\uDFFF', 'a\uDC00b', '\uD83D', '\uFFFE', '\uFFFF', 'ok\u0000'];
const badString = fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...BAD), fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c);

/** A JSON-like value with one forbidden string planted somewhere inside (as a value or as a key). */
const planted = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), badString, fc.boolean(), fc.nat())
  .map(([v, bad, asKey, seed]) => {
    const root: Record<string, unknown> = { wrap: v };
    const containers: Array<Record<string, unknown> | unknown[]> = [];
    const walk = (x: unknown) => {
      if (x && typeof x === 'object') {
        containers.push(x as Record<string, unknown>);
        for (const y of Object.values(x)) walk(y);
      }
    };
    walk(root);
    const target = containers[seed % containers.length]!;
    if (Array.isArray(target)) target.push(bad);
    else if (asKey) target[bad] = 'x';
    else target[`k${seed % 7}`] = bad;
    return root.wrap === v && containers.length === 1 ? { title: bad } : root;
  });

const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('the contract refuses forbidden characters and shapes', () => {
  it('every call: a forbidden character anywhere in the input is refused as bad_request, never accepted, never internal', async () => {
    const backend = makeBackend();
    const m = await call<MeetingDetail>(backend, 'meetings.create', { title: 'Fuzz', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
    const before = JSON.stringify(backend.services.meetings.list());
    let accepted = 0;
    let internal = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALL_NAMES), planted, async (name, input) => {
        const withId = typeof input === 'object' && input && !Array.isArray(input) ? { meetingId: m.meeting.id, id: m.meeting.id, ...input } : input;
        const r = await backend.dispatch(name, withId);
        if (r.ok) accepted++;
        else if (r.error.code === 'internal') internal++;
        expect(r.ok ? 'ok' : r.error.code).toBe('bad_request');
      }),
      { numRuns: 1500 },
    );
    expect({ accepted, internal }).toEqual({ accepted: 0, internal: 0 });
    expect(JSON.stringify(backend.services.meetings.list())).toBe(before);
  });

  it('every text field of real, otherwise valid inputs: each forbidden character is refused (titles, minutes text, flag ids, keys)', async () => {
    const backend = makeBackend();
    const m = await call<MeetingDetail>(backend, 'meetings.create', { title: 'Real', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
    const meetingId = m.meeting.id;
    const flagged = (text: string, id: string) => ({
      root: { ...doc('x').root, children: [{ ...doc('x').root.children[0]!, children: [{ type: 'flag', version: 1, ids: [id], children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] }] }] },
    });
    for (const bad of BAD) {
      const inputs: Array<[string, unknown]> = [
        ['meetings.create', { title: `T${bad}`, startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' }],
        ['meetings.create', { title: 'T', location: bad, startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' }],
        ['agenda.add', { meetingId, title: `Item ${bad}` }],
        ['organisations.create', { name: `Org${bad}` }],
        ['body.update', { name: bad, chair: 'x' }],
        ['settings.update', { lastExportFolder: `/home/${bad}` }],
        ['minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc(`typed ${bad} text`) }],
        ['minutes.saveSection', { meetingId, sectionKey: 'opening', content: flagged('secret', `flag${bad}`) }],
        ['flags.create', { meetingId, sectionKey: 'opening', excerpt: `ex${bad}cerpt` }],
        ['meetings.list', { [`k${bad}`]: 1 }],
      ];
      for (const [name, input] of inputs) {
        const r = await backend.dispatch(name, input);
        expect([name, JSON.stringify(bad), r.ok ? 'ok' : r.error.code]).toEqual([name, JSON.stringify(bad), 'bad_request']);
      }
    }
    expect(backend.services.meetings.list()).toHaveLength(1);
  });

  it(`nesting deeper than ${MAX_INPUT_DEPTH} levels is refused before any schema runs, up to 100,000 levels, never a stack overflow`, async () => {
    const backend = makeBackend();
    for (const depth of [MAX_INPUT_DEPTH + 1, 600, 5000, 100_000]) {
      for (const name of ['meetings.create', 'minutes.saveSection', 'flags.create']) {
        const r = await backend.dispatch(name, { content: nested(depth) });
        expect(r.ok ? 'ok' : r.error.code).toBe('bad_request');
      }
    }
  });

  it('random JSON without forbidden characters: typed answers only, 0 internal', async () => {
    const backend = makeBackend();
    let internal = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALL_NAMES), fc.jsonValue({ maxDepth: 5 }), async (name, input) => {
        const r = await backend.dispatch(name, input);
        if (!r.ok && r.error.code === 'internal') internal++;
      }),
      { numRuns: 1500 },
    );
    expect(internal).toBe(0);
  });

  it('pasted text is cleaned visibly, one U+FFFD per forbidden character, valid pairs kept', () => {
    expect(replaceForbiddenChars('a\u0000b\uD800c\uFFFEd😀e\uDFFF')).toBe('a\uFFFDb\uFFFDc\uFFFDd😀e\uFFFD');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => !FORBIDDEN_CHARS.test(replaceForbiddenChars(s))));
  });
});

describe('the browser host refuses malformed requests with 400 (not 500)', () => {
  let host: BrowserHost;
  let backend: ReturnType<typeof makeBackend>;
  beforeAll(async () => {
    backend = makeBackend();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    host = await startBrowserHost({ dispatch: backend.dispatch, rendererDir });
  });
  afterAll(() => host.close());

  const raw = (p: string, body: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: p,
          headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
        },
        (res) => {
          let b = '';
          res.on('data', (d) => (b += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('malformed URLs, wrong content types, deep JSON, forbidden characters', async () => {
    const cases: Array<[string, string, Record<string, string>?]> = [
      ['/api/%ZZ', '{}'],
      ['/api/%E0%A4%A', '{}'],
      ['/api/meetings.list%', '{}'],
      ['/api/meetings.list', '{}', { 'Content-Type': 'application/jsonp' }],
      ['/api/meetings.list', '{}', { 'Content-Type': 'application/json-patch+json' }],
      ['/api/meetings.list', '{}', { 'Content-Type': 'application/json; charset=latin1' }],
      ['/api/meetings.list', '{}', { 'Content-Type': 'text/json' }],
      ['/api/meetings.create', '['.repeat(600) + ']'.repeat(600)],
      ['/api/meetings.create', '{"a":'.repeat(2000) + '1' + '}'.repeat(2000)],
      ['/api/meetings.create', JSON.stringify({ title: 'a\u0000b', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' })],
      ['/api/meetings.create', '{"title":"\\ud800","startsAt":"2026-02-10T10:00","endsAt":"2026-02-10T12:00"}'],
      ['/api/meetings.create', '{"title":"\\uffff","startsAt":"2026-02-10T10:00","endsAt":"2026-02-10T12:00"}'],
    ];
    for (const [p, body, headers] of cases) {
      const r = await raw(p, body, headers);
      expect([p, headers?.['Content-Type'] ?? '', body.slice(0, 30), r.status]).toEqual([p, headers?.['Content-Type'] ?? '', body.slice(0, 30), 400]);
      expect((JSON.parse(r.body) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect((await raw('/api/meetings.list', '{}', { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect(backend.services.meetings.list()).toHaveLength(0);
  });

  it('several calls in one request (/api-batch): random bodies are answered 200 (one typed answer per call) or 400, never 500, and a refused body runs no call', async () => {
    // Its own backend and host: the helper closes each test's backends after it.
    backend = makeBackend();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    await host.close();
    host = await startBrowserHost({ dispatch: backend.dispatch, rendererDir });
    const pair = fc.tuple(fc.oneof(fc.constantFrom(...CALL_NAMES), fc.string({ maxLength: 12 })), fc.jsonValue({ maxDepth: 4 }));
    const body = fc.oneof(
      fc.array(pair, { minLength: 0, maxLength: 10 }),
      fc.jsonValue({ maxDepth: 4 }),
      fc.array(fc.oneof(pair, fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const before = backend.services.meetings.list().length;
        const r = await raw('/api-batch', JSON.stringify(value));
        const answer = JSON.parse(r.body) as { ok: boolean; value?: Array<{ ok: boolean; error?: { code: string } }>; error?: { code: string } };
        const wellFormed = Array.isArray(value) && value.length >= 1 && value.length <= 8 && value.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string');
        if (!wellFormed) {
          expect([r.status, answer.error?.code]).toEqual([400, 'bad_request']);
          expect(backend.services.meetings.list()).toHaveLength(before);
          return;
        }
        expect(r.status).toBe(200);
        expect(answer.value).toHaveLength(value.length);
        for (const a of answer.value!) if (!a.ok) expect(a.error!.code).not.toBe('internal');
      }),
      { numRuns: 150 },
    );
  });
});
