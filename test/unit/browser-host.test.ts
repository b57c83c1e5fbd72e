import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isJsonContentType, jsonTooDeep, LAUNCH_CHANGED, startBrowserHost, type BrowserHost } from '../../electron/hosts/browser-host';
import { makeBackend, tempDir } from '../helpers/temp';

/** The typed error of a refused call's body. */
const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

let host: BrowserHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const backend = makeBackend();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'do not serve');
  host = await startBrowserHost({ dispatch: backend.dispatch, rendererDir, maxBodyBytes: 4096 });
  return { host, backend };
}

/** Raw HTTP, so Host and Origin can be set freely (fetch forbids changing Host). */
function request(h: BrowserHost, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: h.port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${h.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const json = (h: BrowserHost, name: string, body: unknown, headers: Record<string, string> = {}) =>
  request(h, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the launch token in the fragment', async () => {
    const { host: h } = await start();
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/#token=${h.token}`);
    expect(h.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers calls with the token, and refuses them without it or with another one', async () => {
    const { host: h } = await start();
    const ok = await json(h, 'body.get', {});
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as { value: { chair: string } }).value.chair).toBe('AI Office');
    expect((await json(h, 'body.get', {}, { Authorization: '' })).status).toBe(401);
    // Another token: the last character changed (to "x", or to "y" when it was "x": a token ending in "x", one in 64,
    // made this check send the real token).
    const other = `${h.token.slice(0, -1)}${h.token.endsWith('x') ? 'y' : 'x'}`;
    expect(other).not.toBe(h.token);
    expect((await json(h, 'body.get', {}, { Authorization: `Bearer ${other}` })).status).toBe(401);
    expect((await json(h, 'body.get', {}, { Authorization: h.token })).status).toBe(401);
  });

  it('checks Host (DNS rebinding) and Origin, and sends no CORS headers', async () => {
    const { host: h } = await start();
    expect((await json(h, 'body.get', {}, { Host: 'attacker.example' })).status).toBe(403);
    expect((await json(h, 'body.get', {}, { Host: `127.0.0.1:${h.port + 1}` })).status).toBe(403);
    expect((await json(h, 'body.get', {}, { Origin: 'http://attacker.example' })).status).toBe(403);
    expect((await json(h, 'body.get', {}, { Origin: `http://localhost:${h.port}`, Host: `localhost:${h.port}` })).status).toBe(200);
    const pre = await request(h, { method: 'OPTIONS', path: '/api/body.get', headers: { Origin: 'http://attacker.example' } });
    expect(pre.status).toBe(403);
    const r = await json(h, 'body.get', {});
    expect(Object.keys(r.headers).filter((k) => k.startsWith('access-control'))).toEqual([]);
  });

  it('answers a malformed payload with a clear 400 and changes nothing', async () => {
    const { host: h, backend } = await start();
    const before = backend.services.meetings.list();
    const r = await json(h, 'meetings.create', { title: ['x'] });
    expect(r.status).toBe(400);
    expect((JSON.parse(r.body) as { error: unknown }).error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/title/) });
    expect((await json(h, 'meetings.create', '{not json')).status).toBe(400);
    expect((await json(h, 'meetings.create', 'x'.repeat(5000))).status).toBe(400);
    // Valid JSON over the limit, sent without a length (chunked): refused by counting, not by the parser.
    const long = await json(h, 'body.get', `{}${' '.repeat(5000)}`);
    expect(JSON.parse(long.body)).toEqual({ ok: false, error: { code: 'bad_request', message: 'The request is larger than 4096 bytes.' } });
    expect(long.headers.connection).toBe('close');
    expect((await json(h, 'meetings.create', {}, { 'Content-Type': 'text/plain' })).status).toBe(400);
    expect((await json(h, 'no.such.call', {})).status).toBe(404);
    expect((await request(h, { method: 'GET', path: '/api/body.get', headers: { Authorization: `Bearer ${h.token}` } })).status).toBe(400);
    expect(backend.services.meetings.list()).toEqual(before);
  });

  it('refuses a call that is not a POST even with the token and a JSON Content-Type (a call it would otherwise answer)', async () => {
    const { host: h } = await start();
    const headers = { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' };
    expect((await request(h, { method: 'POST', path: '/api/body.get', headers })).status).toBe(200);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const r = await request(h, { method, path: '/api/body.get', headers });
      expect(r.status, method).toBe(400);
      expect(JSON.parse(r.body), method).toEqual({ ok: false, error: { code: 'bad_request', message: 'Calls are POST requests.' } });
    }
  });

  it('refuses an Origin on another port of 127.0.0.1 or localhost, another scheme, and a Host without its port', async () => {
    const { host: h } = await start();
    const refused = async (headers: Record<string, string>) => {
      const r = await json(h, 'body.get', {}, headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(errorOf(r.body).code).toBe('forbidden');
    };
    await refused({ Origin: `http://127.0.0.1:${h.port + 1}` });
    await refused({ Origin: `http://localhost:${h.port + 1}` });
    await refused({ Origin: 'http://127.0.0.1' });
    await refused({ Origin: `https://127.0.0.1:${h.port}` });
    await refused({ Origin: 'null' });
    await refused({ Host: '127.0.0.1' });
    await refused({ Host: 'localhost' });
    await refused({ Host: `localhost:${h.port + 1}` });
    expect(errorOf((await json(h, 'body.get', {}, { Host: '127.0.0.1' })).body).message).toBe('This server answers only on 127.0.0.1.');
    expect(errorOf((await json(h, 'body.get', {}, { Origin: 'http://127.0.0.1' })).body).message).toBe('Requests from another origin are refused.');
    // The page's own origin, by either name, is accepted.
    expect((await json(h, 'body.get', {}, { Origin: `http://127.0.0.1:${h.port}` })).status).toBe(200);
    expect((await json(h, 'body.get', {}, { Origin: `http://localhost:${h.port}`, Host: `localhost:${h.port}` })).status).toBe(200);
    // Pages too are refused under a Host without its port (DNS rebinding serves the page first).
    expect((await request(h, { path: '/', headers: { Host: 'localhost' } })).status).toBe(403);
  });

  it('serves the renderer with a strict CSP, routes to index.html, and refuses paths outside it', async () => {
    const { host: h } = await start();
    const index = await request(h, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(index.headers['content-security-policy']).toMatch(/object-src 'none'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(h, { path: '/meetings/abc' })).body).toContain('<title>app</title>');
    expect((await request(h, { path: '/assets/a.js' })).headers['content-type']).toMatch(/javascript/);
    expect((await request(h, { path: '/assets/missing.js' })).status).toBe(404);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await request(h, { path: p });
      expect(r.body, p).not.toContain('do not serve');
    }
  });
});

describe('the browser host\'s request checks', () => {
  it('isJsonContentType: application/json, optionally with charset utf-8 (any case, quoted), nothing else', () => {
    for (const ok of ['application/json', 'Application/JSON', 'application/json;', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', ' application/json ; charset=utf-8 '])
      expect(isJsonContentType(ok), ok).toBe(true);
    for (const bad of [undefined, '', 'text/plain', 'application/jsonp', 'application/json; charset=latin1', 'application/json; charset=utf-8x', 'application/json; xcharset=utf-8', 'application/json; charset=utf-8; boundary=x', 'text/plain; application/json'])
      expect(isJsonContentType(bad), String(bad)).toBe(false);
  });

  it('jsonTooDeep: counts objects and arrays, not brackets inside strings (escaped quotes too), and allows exactly max', () => {
    expect(jsonTooDeep('[[[]]]', 3)).toBe(false);
    expect(jsonTooDeep('[[[[]]]]', 3)).toBe(true);
    expect(jsonTooDeep('{"a":{"b":{"c":1}}}', 3)).toBe(false);
    expect(jsonTooDeep('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
    expect(jsonTooDeep('[[],[],[],[]]', 2)).toBe(false);
    expect(jsonTooDeep('{"a":[1],"b":[2],"c":[3]}', 2)).toBe(false);
    expect(jsonTooDeep('["[[[[[[", "{{{{{"]', 1)).toBe(false);
    expect(jsonTooDeep('["\\"[[[[", "x"]', 1)).toBe(false);
    expect(jsonTooDeep('["\\\\", [[[]]]]', 2)).toBe(true);
    expect(jsonTooDeep('"[[["', 0)).toBe(false);
    expect(jsonTooDeep('[', 0)).toBe(true);
    expect(jsonTooDeep('{"a":{},"b":{},"c":{}}', 2)).toBe(false); // a closing brace counts down like a bracket
  });

  it('a call with a body and a call with an empty body ({}) both reach the dispatcher; a body of JSON null is refused by the schema', async () => {
    const { host: h } = await start();
    expect((await request(h, { method: 'POST', path: '/api/body.get', headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' } })).status).toBe(200);
    const r = await json(h, 'body.get', 'null');
    expect(r.status).toBe(400);
    // Refused by the schema, in plain words (the call's name is never said).
    expect(errorOf(r.body).message).toBe('The request must be a group of fields.');
    const bad = await json(h, 'body.get', '{"a":');
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'bad_request', message: 'The request body is not valid JSON.' } });
    const deep = await json(h, 'body.get', '['.repeat(129) + ']'.repeat(129));
    expect(JSON.parse(deep.body)).toEqual({ ok: false, error: { code: 'bad_request', message: 'The request is nested more than 128 levels deep.' } });
    const name = await json(h, '%E0%A4%A', {});
    expect(JSON.parse(name.body)).toEqual({ ok: false, error: { code: 'bad_request', message: 'The call name in the URL is not valid.' } });
  });

  it('answers with no-store JSON and the security headers; refuses without the token with 401 and says why', async () => {
    const { host: h } = await start();
    const ok = await json(h, 'body.get', {});
    expect(ok.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const no = await json(h, 'body.get', {}, { Authorization: `Bearer ${'a'.repeat(15)}` });
    expect(no.status).toBe(401);
    expect(JSON.parse(no.body)).toEqual({ ok: false, error: { code: 'unauthorised', message: LAUNCH_CHANGED } });
    // Said plainly, as the minutes page says it: what happened and what to do, not the mechanism.
    expect(LAUNCH_CHANGED).toMatch(/^The app was started again, so this page of its earlier start can no longer reach it\. Open the address the app printed when it restarted/);
    expect(LAUNCH_CHANGED).not.toMatch(/token|launch|URL|call\b/i);
    expect((await json(h, 'body.get', {}, { Authorization: `bearer ${h.token}` })).status).toBe(401);
    expect((await json(h, 'body.get', {}, { Authorization: `Bearer ${h.token}${h.token}` })).status).toBe(401);
    const post = await request(h, { method: 'POST', path: '/' });
    expect(post.status).toBe(400);
    expect(errorOf(post.body).message).toBe('Only GET for pages.');
    const head = await request(h, { method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('the token must be the whole header: nothing before "Bearer", nothing after the token', async () => {
    const { host: h } = await start();
    for (const auth of [`Bearer ${h.token}!`, `Bearer ${h.token} x`, `xBearer ${h.token}`, `Basic Bearer ${h.token}`]) {
      const r = await json(h, 'body.get', {}, { Authorization: auth });
      expect(r.status, auth).toBe(401);
    }
  });

  it('says what is wrong with the Content-Type; a missing page is a JSON not-found', async () => {
    const { host: h } = await start();
    const r = await json(h, 'body.get', {}, { 'Content-Type': 'text/plain' });
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'bad_request', message: 'Calls carry JSON (Content-Type: application/json).' } });
    const missing = await request(h, { path: '/assets/missing.js' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(errorOf(missing.body).code).toBe('not_found');
  });

  it('listens on 127.0.0.1 only (not on ::1), and close() stops it', async () => {
    const { host: h } = await start();
    const connects = (address: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect(h.port, address);
        socket.on('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await connects('127.0.0.1')).toBe(true);
    expect(await connects('::1')).toBe(false);
    await h.close();
    host = undefined;
    expect(await connects('127.0.0.1')).toBe(false);
  });

  it('a call that fails unexpectedly is answered 500 "internal" in words, and logged', async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), 'x');
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a));
    try {
      host = await startBrowserHost({ dispatch: () => Promise.reject(new Error('boom')), rendererDir });
      const r = await json(host, 'body.get', {});
      expect(r.status).toBe(500);
      expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'internal', message: 'The server failed to answer.' } });
      expect(logged).toEqual([['browser host: request failed', expect.objectContaining({ message: 'boom' })]]);
    } finally {
      spy.mockRestore();
    }
  });

  it('a fixed token and port are used when given', async () => {
    const backend = makeBackend();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), 'x');
    const token = 'T'.repeat(32);
    host = await startBrowserHost({ dispatch: backend.dispatch, rendererDir, token });
    expect(host.token).toBe(token);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${token}`);
    expect((await json(host, 'body.get', {})).status).toBe(200);
    const again = await startBrowserHost({ dispatch: backend.dispatch, rendererDir, token, port: host.port }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Error);
  });

  it('runs whilePageLoads once, when the page (HTML) and the files asked for after it have been sent, never for calls or files alone; its errors stay out', async () => {
    const backend = makeBackend();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
    let runs = 0;
    host = await startBrowserHost({
      dispatch: backend.dispatch,
      rendererDir,
      whilePageLoads: () => {
        runs++;
        throw new Error('ignored');
      },
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      expect((await request(host, { path: '/assets/a.js' })).status).toBe(200);
      expect((await json(host, 'body.get', {})).status).toBe(200);
      vi.advanceTimersByTime(1000);
      expect(runs).toBe(0); // a file or a call alone: no page is loading
      expect((await request(host, { path: '/' })).status).toBe(200);
      vi.advanceTimersByTime(24);
      // Each file the page asks for puts it off by 25 ms more.
      expect((await request(host, { path: '/assets/a.js' })).status).toBe(200);
      vi.advanceTimersByTime(24);
      expect(runs).toBe(0);
      vi.advanceTimersByTime(1);
      expect(runs).toBe(1);
      expect((await request(host, { path: '/' })).status).toBe(200);
      vi.advanceTimersByTime(1000);
      expect(runs).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('several calls in one request (POST /api-batch, issue 16)', () => {
  const batch = (h: BrowserHost, body: unknown, headers: Record<string, string> = {}) =>
    request(h, {
      method: 'POST',
      path: '/api-batch',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.token}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const valueOf = (body: string) => (JSON.parse(body) as { ok: true; value: unknown[] }).value;

  it('answers each call as its own request would, in their order; each input is checked by the dispatcher', async () => {
    const { host: h } = await start();
    await json(h, 'example.load', {});
    const r = await batch(h, [
      ['body.get', {}],
      ['meetings.list', {}],
      ['no.such', {}],
      ['meetings.get', { id: 5 }],
    ]);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const answers = valueOf(r.body);
    expect(answers).toHaveLength(4);
    const alone = await Promise.all([json(h, 'body.get', {}), json(h, 'meetings.list', {}), json(h, 'no.such', {}), json(h, 'meetings.get', { id: 5 })]);
    expect(answers).toEqual(alone.map((a) => JSON.parse(a.body) as unknown));
    expect((answers[2] as { ok: boolean }).ok).toBe(false);
    expect((answers[3] as { ok: boolean; error: { code: string } }).error.code).toBe('bad_request');
  });

  it('runs the calls one after the other, in order: a write is seen by the read after it', async () => {
    const { host: h } = await start();
    const meeting = { title: 'Batched', startsAt: '2026-03-02T10:00', endsAt: '2026-03-02T12:00', timeZone: 'Europe/Brussels' };
    const answers = valueOf(
      (
        await batch(h, [
          ['meetings.list', {}],
          ['meetings.create', meeting],
          ['meetings.list', {}],
        ])
      ).body,
    ) as Array<{ ok: true; value: unknown[] }>;
    expect(answers[0]!.value).toHaveLength(0);
    expect(answers[2]!.value).toHaveLength(1);
  });

  it('refuses, running none of its calls: no token, not a POST, not JSON, not a list of [name, input], empty, more than 8 calls, too deep', async () => {
    const { host: h } = await start();
    const create: [string, unknown] = ['meetings.create', { title: 'Never', startsAt: '2026-03-02T10:00', endsAt: '2026-03-02T12:00', timeZone: 'Europe/Brussels' }];
    expect((await batch(h, [create], { Authorization: '' })).status).toBe(401);
    expect((await batch(h, [create], { 'Content-Type': 'text/plain' })).status).toBe(400);
    const get = await request(h, { path: '/api-batch', headers: { Authorization: `Bearer ${h.token}` } });
    expect(errorOf(get.body)).toEqual({ code: 'bad_request', message: 'Calls are POST requests.' });
    const shape = 'A request of several calls is a list of 1 to 8 [call name, input] pairs.';
    for (const body of ['{}', '[]', '[1]', JSON.stringify([create, ['x']]), JSON.stringify([create, [5, {}]]), JSON.stringify([create, ['a', {}, 1]]), JSON.stringify(Array(9).fill(['body.get', {}]))]) {
      const r = await batch(h, body);
      expect(r.status, body).toBe(400);
      expect(errorOf(r.body), body).toEqual({ code: 'bad_request', message: shape });
    }
    expect(errorOf((await batch(h, '[["body.get",')).body).message).toBe('The request body is not valid JSON.');
    // The depth limit is each input's, as for one call: the list and its pair add two levels.
    const deepInput = '['.repeat(129) + ']'.repeat(129);
    expect(errorOf((await batch(h, `[${JSON.stringify(create)},["body.get",${deepInput}]]`)).body).message).toBe('The request is nested more than 128 levels deep.');
    expect((await json(h, 'meetings.list', {})).body).toBe(JSON.stringify({ ok: true, value: [] }));
    // 128 levels inside a pair: within the limit, as for one call (the schema then refuses it as an input).
    const fits = await batch(h, `[["body.get",${'['.repeat(128) + ']'.repeat(128)}]]`);
    expect(fits.status).toBe(200);
  });
});
