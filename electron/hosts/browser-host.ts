import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HTTP_STATUS, type Result, type WireError } from '../../shared/errors';
import type { Dispatch } from '../backend/dispatch';

/**
 * The browser host: serves the built renderer and the contract's calls on 127.0.0.1 only.
 * - Every call is `POST /api/<name>` with a JSON body and `Authorization: Bearer <token>`; the token is made anew at
 *   each launch and handed to the page in the URL's fragment (never sent to the server in a URL, never logged).
 * - Host must be 127.0.0.1:<port> or localhost:<port> (DNS rebinding); Origin, when present, must be this origin.
 * - No CORS headers at all: another origin cannot read an answer, and cannot send the Authorization header.
 */
export interface BrowserHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted (minutes of a long meeting fit many times over). */
  maxBodyBytes?: number;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function fail(res: http.ServerResponse, error: WireError) {
  sendJson(res, HTTP_STATUS[error.code], { ok: false, error });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const rendererDir = path.resolve(opts.rendererDir);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = http.createServer(async (req, res) => {
    try {
      if (!allowedHosts().has(req.headers.host ?? '')) {
        return fail(res, { code: 'forbidden', message: 'This server answers only on 127.0.0.1.' });
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) {
        return fail(res, { code: 'forbidden', message: 'Requests from another origin are refused.' });
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return fail(res, { code: 'bad_request', message: 'Calls are POST requests.' });
        if (!tokenMatches(req.headers.authorization, token))
          return fail(res, { code: 'unauthorised', message: 'This call needs the token of the current launch. Open the URL the app printed.' });
        const ct = req.headers['content-type'] ?? '';
        if (!ct.startsWith('application/json')) return fail(res, { code: 'bad_request', message: 'Calls carry JSON (Content-Type: application/json).' });
        const body = await readBody(req, maxBody);
        if (body === 'too_large') return fail(res, { code: 'bad_request', message: `The request is larger than ${maxBody} bytes.` });
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        } catch {
          return fail(res, { code: 'bad_request', message: 'The request body is not valid JSON.' });
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        const result = await opts.dispatch(name, input);
        return sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, { code: 'bad_request', message: 'Only GET for pages.' });
      return serveStatic(url.pathname, rendererDir, req, res);
    } catch (err) {
      console.error('browser host: request failed', err);
      if (!res.headersSent) fail(res, { code: 'internal', message: 'The server failed to answer.' });
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serveStatic(pathname: string, rendererDir: string, req: http.IncomingMessage, res: http.ServerResponse) {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return fail(res, { code: 'bad_request', message: 'Bad path.' });
  }
  if (rel.includes('\0')) return fail(res, { code: 'bad_request', message: 'Bad path.' });
  let file = path.resolve(rendererDir, '.' + path.posix.normalize('/' + rel));
  if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) return fail(res, { code: 'forbidden', message: 'Outside the app.' });
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // The renderer routes inside the page (hash routes); anything that is not a file is the page itself.
    if (path.extname(rel) !== '') return fail(res, { code: 'not_found', message: 'No such file.' });
    file = path.join(rendererDir, 'index.html');
    if (!fs.existsSync(file)) return fail(res, { code: 'not_found', message: 'The renderer is not built. Run `npm run build`.' });
  }
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  const data = fs.readFileSync(file);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': data.length,
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=31536000, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}
