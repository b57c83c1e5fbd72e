import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser-host';
import { createRendererHandler } from '../../electron/hosts/electron-protocol';
import { CONTENT_SECURITY_POLICY as ELECTRON_CSP } from '../../electron/hosts/electron-security';
import { CONTENT_SECURITY_POLICY, securityHeaders, serveStatic } from '../../electron/hosts/static-files';
import { makeBackend, tempDir } from '../helpers/temp';

/** A renderer folder with symlinks pointing out of it (a file, a folder) and one pointing inside it. */
function rendererWithSymlinks() {
  const outside = tempDir('tfs-outside-');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'TOP-SECRET outside');
  fs.mkdirSync(path.join(outside, 'dir'));
  fs.writeFileSync(path.join(outside, 'dir', 'x.js'), 'TOP-SECRET in folder');
  const root = tempDir('tfs-renderer-');
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
  fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'linked'));
  fs.symlinkSync(path.join(root, 'assets', 'a.js'), path.join(root, 'assets', 'inner.js'));
  return root;
}

let host: BrowserHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('one static file module for both hosts', () => {
  it('one Content-Security-Policy', () => {
    expect(ELECTRON_CSP).toBe(CONTENT_SECURITY_POLICY);
  });

  it('follows no symlink, in or out of the renderer folder, in either host', async () => {
    const root = rendererWithSymlinks();
    expect((await serveStatic(root, '/assets/a.js')).status).toBe(200);
    const handle = createRendererHandler(root);
    host = await startBrowserHost({ dispatch: makeBackend().dispatch, rendererDir: root });
    const get = (p: string) =>
      new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: host!.port, path: p, headers: { Host: `127.0.0.1:${host!.port}` } }, (res) => {
            let b = '';
            res.on('data', (d) => (b += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b, headers: res.headers }));
          })
          .on('error', reject);
      });
    for (const p of ['/assets/leak.js', '/linked/x.js', '/assets/inner.js']) {
      const s = await serveStatic(root, p);
      expect([p, s.status]).toEqual([p, 403]);
      const e = await handle(new Request(`app://renderer${p}`));
      expect([p, e.status]).toEqual([p, 403]);
      expect(await e.text()).not.toContain('TOP-SECRET');
      const b = await get(p);
      expect([p, b.status]).toEqual([p, 403]);
      expect(b.body).not.toContain('TOP-SECRET');
      expect(b.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
    // Same headers and types from both hosts for the same file.
    const viaElectron = await handle(new Request('app://renderer/assets/a.js'));
    const viaBrowser = await get('/assets/a.js');
    for (const h of ['content-type', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'cross-origin-resource-policy', 'x-frame-options'])
      expect([h, viaBrowser.headers[h]]).toEqual([h, viaElectron.headers.get(h)]);
  });
});

describe('the security headers are a fixed, chosen set', () => {
  it('sends these and no others: no Cross-Origin-Opener-Policy (issue 16: see securityHeaders)', () => {
    const h = securityHeaders('text/html; charset=utf-8');
    expect(Object.keys(h).sort()).toEqual(
      ['Cache-Control', 'Content-Security-Policy', 'Content-Type', 'Cross-Origin-Resource-Policy', 'Referrer-Policy', 'X-Content-Type-Options', 'X-Frame-Options'].sort(),
    );
    expect(h['X-Frame-Options']).toBe('DENY');
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(h['Cross-Origin-Resource-Policy']).toBe('same-origin');
  });
});

describe("the page's inline boot script is allowed by its hash, and nothing else inline (issue 16)", () => {
  const HASH = `'sha256-${'A'.repeat(43)}='`;
  const page = (head: string) => `<!doctype html><html><head>${head}<title>app</title></head><body></body></html>`;

  it('the page is answered with script-src extended by the hash the build wrote beside its script, in both hosts', async () => {
    const root = tempDir('tfs-renderer-');
    fs.writeFileSync(path.join(root, 'index.html'), page(`<!-- script-src ${HASH} (the boot script below: renderer/boot.ts) -->\n<script>boot()</script>`));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
    const expected = CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${HASH}`);
    expect(expected).not.toBe(CONTENT_SECURITY_POLICY);
    expect((await serveStatic(root, '/index.html')).headers['Content-Security-Policy']).toBe(expected);
    expect((await serveStatic(root, '/meetings', { fallbackToIndex: true })).headers['Content-Security-Policy']).toBe(expected);
    expect((await createRendererHandler(root)(new Request('app://renderer/index.html'))).headers.get('content-security-policy')).toBe(expected);
    // Other files keep the common policy.
    expect((await serveStatic(root, '/assets/a.js')).headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('only well-formed SHA-256 sources are taken from the page; anything else leaves the common policy', async () => {
    const root = tempDir('tfs-renderer-');
    for (const head of [
      '',
      `<!-- script-src 'unsafe-inline' -->`,
      `<!-- script-src 'sha256-abc=' -->`,
      `<!-- script-src ${HASH}; connect-src * -->`,
      `<!-- script-src ${HASH.replace('A', '"')} -->`,
      `<p>script-src ${HASH}</p>`,
    ]) {
      fs.writeFileSync(path.join(root, 'index.html'), page(head));
      expect([head, (await serveStatic(root, '/index.html')).headers['Content-Security-Policy']]).toEqual([head, CONTENT_SECURITY_POLICY]);
    }
  });
});

describe('content-hashed renderer files are kept in memory once served (issue 16)', () => {
  it('a hashed asset is answered from memory after its first answer, immutable; other files are read each time', async () => {
    const root = tempDir('tfs-renderer-');
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'page-Ab3_x-9Z.js'), 'console.log("hashed")');
    fs.writeFileSync(path.join(root, 'assets', 'plain.js'), 'console.log("plain")');
    const first = await serveStatic(root, '/assets/page-Ab3_x-9Z.js');
    expect(first.status).toBe(200);
    expect(first.headers['Cache-Control']).toBe('max-age=31536000, immutable');
    expect((await serveStatic(root, '/assets/plain.js')).headers['Cache-Control']).toBe('no-cache');
    expect((await serveStatic(root, '/index.html')).headers['Cache-Control']).toBe('no-store');
    fs.rmSync(path.join(root, 'assets', 'page-Ab3_x-9Z.js'));
    fs.rmSync(path.join(root, 'assets', 'plain.js'));
    const again = await serveStatic(root, '/assets/page-Ab3_x-9Z.js');
    expect([again.status, again.body?.toString()]).toEqual([200, 'console.log("hashed")']);
    expect(again.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await serveStatic(root, '/assets/page-Ab3_x-9Z.js', { head: true })).body).toBeNull();
    expect((await serveStatic(root, '/assets/plain.js')).status).toBe(404);
  });

  it('a refused path is never kept', async () => {
    const root = rendererWithSymlinks();
    fs.symlinkSync(path.join(root, 'assets', 'a.js'), path.join(root, 'assets', 'link-abcdefgh.js'));
    expect((await serveStatic(root, '/assets/link-abcdefgh.js')).status).toBe(403);
    expect((await serveStatic(root, '/assets/link-abcdefgh.js')).status).toBe(403);
  });
});

describe('the browser host bounds concurrent requests and the memory their bodies hold', () => {
  /** Starts a call whose body is sent only in part, so the host holds it. */
  function partial(h: BrowserHost, declared: number, sent: number) {
    const socket = net.connect(h.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.write(
      `POST /api/meetings.list HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nAuthorization: Bearer ${h.token}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n` +
        ' '.repeat(sent),
    );
    return { socket, answer: () => answer };
  }
  const status = (s: string) => Number(/^HTTP\/1\.1 (\d+)/.exec(s)?.[1] ?? 0);
  const settle = () => new Promise((r) => setTimeout(r, 150));

  it('more calls at once than allowed: answered 503 busy at once, the others unharmed', async () => {
    host = await startBrowserHost({ dispatch: makeBackend().dispatch, rendererDir: tempDir(), maxConcurrentCalls: 2 });
    const held = [partial(host, 100, 10), partial(host, 100, 10)];
    await settle();
    const third = partial(host, 2, 2);
    await settle();
    expect(status(third.answer())).toBe(503);
    expect(third.answer()).toMatch(/"code":"busy"/);
    for (const h of held) h.socket.write(' '.repeat(88) + '{}');
    await settle();
    for (const h of held) expect(status(h.answer())).toBe(200);
    for (const s of [...held, third]) s.socket.destroy();
  });

  it('the busy and too-large answers say so and close the connection (their bodies are not read)', async () => {
    host = await startBrowserHost({ dispatch: makeBackend().dispatch, rendererDir: tempDir(), maxBodyBytes: 4000, maxConcurrentCalls: 1 });
    const held = partial(host, 100, 10);
    await settle();
    const busy = partial(host, 2, 2);
    const big = partial(host, 4001, 10);
    await settle();
    expect(status(busy.answer())).toBe(503);
    expect(busy.answer()).toContain('The app is busy with other requests. Nothing was changed; try again.');
    expect(busy.answer()).toMatch(/\r\nConnection: close\r\n/i);
    expect(status(big.answer())).toBe(400);
    expect(big.answer()).toContain('The request is larger than 4000 bytes.');
    expect(big.answer()).toMatch(/\r\nConnection: close\r\n/i);
    for (const s of [held, busy, big]) s.socket.destroy();
    await host.close();
    host = await startBrowserHost({ dispatch: makeBackend().dispatch, rendererDir: tempDir(), maxBodyBytes: 4000, maxBodyBytesInFlight: 5000 });
    const a = partial(host, 3900, 3500);
    await settle();
    const b = partial(host, 3900, 3500);
    await settle();
    expect(status(b.answer())).toBe(503);
    expect(b.answer()).toContain('The app is busy with other large requests. Nothing was changed; try again.');
    expect(b.answer()).toMatch(/\r\nConnection: close\r\n/i);
    for (const s of [a, b]) s.socket.destroy();
  });

  it('limits are exact, and the bytes and call slots of an answered call are given back', async () => {
    host = await startBrowserHost({ dispatch: makeBackend().dispatch, rendererDir: tempDir(), maxBodyBytes: 4000, maxBodyBytesInFlight: 8000, maxConcurrentCalls: 2 });
    for (let round = 0; round < 3; round++) {
      // Two bodies held at once, each completed to exactly the largest body: together exactly the budget.
      const calls = [partial(host, 4000, 3500), partial(host, 4000, 3500)];
      await settle();
      for (const c of calls) expect(c.answer(), `round ${round}`).toBe('');
      for (const c of calls) c.socket.write(' '.repeat(498) + '{}');
      await settle();
      for (const c of calls) expect(status(c.answer()), `round ${round}`).toBe(200);
      for (const c of calls) c.socket.destroy();
    }
  });

  it('bodies held at once may fill the budget exactly', async () => {
    host = await startBrowserHost({ dispatch: makeBackend().dispatch, rendererDir: tempDir(), maxBodyBytes: 4000, maxBodyBytesInFlight: 7998 });
    const a = partial(host, 4000, 3999);
    await settle();
    const b = partial(host, 4000, 3999);
    await settle();
    expect(a.answer()).toBe('');
    expect(b.answer()).toBe(''); // 7,998 bytes held: not busy
    for (const s of [a, b]) s.socket.destroy();
  });

  it('by default the bytes held at once may exceed the largest body (64 MiB in all)', async () => {
    host = await startBrowserHost({ dispatch: makeBackend().dispatch, rendererDir: tempDir(), maxBodyBytes: 4000 });
    const calls = [partial(host, 3900, 3500), partial(host, 3900, 3500), partial(host, 3900, 3500)];
    await settle();
    for (const c of calls) expect(c.answer()).toBe('');
    for (const c of calls) c.socket.write(' '.repeat(398) + '{}');
    await settle();
    for (const c of calls) expect(status(c.answer())).toBe(200);
    for (const c of calls) c.socket.destroy();
  });

  it('bodies held at once are bounded in bytes; an oversized declared body is refused before it is read', async () => {
    host = await startBrowserHost({ dispatch: makeBackend().dispatch, rendererDir: tempDir(), maxBodyBytes: 4000, maxBodyBytesInFlight: 8000 });
    const a = partial(host, 3900, 3500);
    const b = partial(host, 3900, 3500);
    await settle();
    const c = partial(host, 3900, 3500);
    await settle();
    expect(status(c.answer())).toBe(503);
    const big = partial(host, 10_000_000, 10);
    await settle();
    expect(status(big.answer())).toBe(400);
    a.socket.write(' '.repeat(398) + '{}');
    await settle();
    expect(status(a.answer())).toBe(200);
    for (const s of [a, b, c, big]) s.socket.destroy();
  });
});
