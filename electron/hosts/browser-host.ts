import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HTTP_STATUS, type Result, type WireError } from '../../shared/errors';
import { MAX_INPUT_DEPTH, type Dispatch } from '../backend/dispatch';
import { newLaunchToken, tokenMatches } from './launch-token';
import { securityHeaders, serveStatic } from './static-files';

/**
 * The browser host: serves the built renderer and the contract's calls on 127.0.0.1 only.
 * - Every call is `POST /api/<name>` with a JSON body and `Authorization: Bearer <token>`; the token is made anew at
 *   each launch and handed to the page in the URL's fragment (never sent to the server in a URL, never logged).
 * - Host must be 127.0.0.1:<port> or localhost:<port> (DNS rebinding); Origin, when present, must be this origin.
 * - No CORS headers at all: another origin cannot read an answer, and cannot send the Authorization header.
 * - `POST /api-batch` carries several calls in one request — `[[name, input], …]`, 1 to MAX_BATCH — under the same
 *   checks, and answers `{ ok: true, value: [answer, …] }`: each call's answer exactly as its own request would have
 *   had it, the calls run one after the other, in their order, each through the dispatcher (which checks its input).
 *   The page uses it for the calls it makes at once when it opens (renderer/boot.ts): one request where there were
 *   four to seven, each of which cost the page's main thread and the browser's network code a few milliseconds while
 *   the page's own code was arriving (issue 16). A transport matter only: the contract is the same calls; under
 *   Electron each call goes over IPC.
 */
export interface BrowserHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted (minutes of a long meeting fit many times over). */
  maxBodyBytes?: number;
  /** Bytes of request bodies held at once across all requests (memory bound under many parallel uploads). */
  maxBodyBytesInFlight?: number;
  /** Calls handled at once; more are answered 503 "busy" at once instead of queueing without bound. */
  maxConcurrentCalls?: number;
  /**
   * Called once, when the page (the HTML) and the files it asked for right after have been sent and no other has been
   * asked for in 25 ms: the browser is then running the renderer's scripts, for a hundred milliseconds or more, and
   * the host has nothing to do. Errors are ignored.
   */
  whilePageLoads?: () => void;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The path of a request of several calls, and how many it may carry. */
export const BATCH_PATH = '/api-batch';
export const MAX_BATCH = 8;
const BATCH_SHAPE = `A request of several calls is a list of 1 to ${MAX_BATCH} [call name, input] pairs.`;

/** The calls of a batch's parsed body, or null when it is not a list of 1 to MAX_BATCH [name, input] pairs. */
function batchCalls(body: unknown): Array<[string, unknown]> | null {
  if (!Array.isArray(body) || body.length === 0 || body.length > MAX_BATCH) return null;
  for (const pair of body) if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') return null;
  return body as Array<[string, unknown]>;
}

/**
 * Said to a page of an earlier launch (its token is refused): in the words the minutes page uses for the same case
 * (renderer/features/minutes/saveState.ts), never "token" or "launch". Its pages take the new launch's token from a tab
 * that opens the printed address (renderer/launch-renewal.ts), so that is what the officer is told to do.
 */
export const LAUNCH_CHANGED =
  'The app was started again, so this page of its earlier start can no longer reach it. Open the address the app printed when it restarted, in this browser (a new tab); this page then works again. What you typed here is kept: do not reload or close this page.';

/** How long after the last file of the page was sent the host counts as idle (whilePageLoads). */
const WARM_AFTER_MS = 25;

/** Headers of every API answer: the static module's security headers (one CSP for both hosts). */
const SECURITY_HEADERS = (() => {
  const { 'Content-Type': _t, 'Cache-Control': _c, ...rest } = securityHeaders('');
  return rest;
})();

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** `close`: the request's body is not read, so the connection is closed after the answer. */
function fail(res: http.ServerResponse, error: WireError, close = false) {
  if (close) res.setHeader('Connection', 'close');
  sendJson(res, HTTP_STATUS[error.code], { ok: false, error });
}

/**
 * Reads a body up to `limit` bytes, counting every byte against the host's shared budget while it is held. Over the
 * limit or the budget it answers at once (the caller closes the connection); a client that goes away is 'aborted'.
 */
function readBody(req: http.IncomingMessage, limit: number, budget: { take(n: number): boolean }): Promise<Buffer | 'too_large' | 'busy' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (v: Buffer | 'too_large' | 'busy' | 'aborted') => {
      if (done) return;
      done = true;
      chunks.length = 0;
      resolve(v);
    };
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) finish('too_large');
      else if (!budget.take(c.length)) finish('busy');
      else chunks.push(c);
    });
    req.on('end', () => finish(Buffer.concat(chunks)));
    req.on('error', () => finish('aborted'));
    req.on('close', () => finish('aborted'));
  });
}

/** `application/json`, optionally with `charset=utf-8`; nothing else (not application/jsonp, not text/plain). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** True when the JSON text nests arrays/objects deeper than `max` (checked before JSON.parse, strings skipped). */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? newLaunchToken();
  const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const bodyBudget = opts.maxBodyBytesInFlight ?? Math.max(maxBody, 64 * 1024 * 1024);
  const maxCalls = opts.maxConcurrentCalls ?? 16;
  let heldBytes = 0;
  let activeCalls = 0;
  const rendererDir = path.resolve(opts.rendererDir);
  let port = 0;
  let warm = opts.whilePageLoads;
  let pageSent = false;
  let warmTimer: NodeJS.Timeout | null = null;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  // Every failure is caught inside and answered, so the promise is left to run on its own.
  const handleRequest = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      if (!allowedHosts().has(req.headers.host ?? '')) {
        return fail(res, { code: 'forbidden', message: 'This server answers only on 127.0.0.1.' });
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) {
        return fail(res, { code: 'forbidden', message: 'Requests from another origin are refused.' });
      }
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      } catch {
        return fail(res, { code: 'bad_request', message: 'Bad URL.' });
      }
      const isBatch = url.pathname === BATCH_PATH;
      if (isBatch || url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return fail(res, { code: 'bad_request', message: 'Calls are POST requests.' });
        if (!tokenMatches(req.headers.authorization, token))
          return fail(res, { code: 'unauthorised', message: LAUNCH_CHANGED });
        let name = '';
        if (!isBatch) {
          try {
            name = decodeURIComponent(url.pathname.slice('/api/'.length));
          } catch {
            return fail(res, { code: 'bad_request', message: 'The call name in the URL is not valid.' });
          }
        }
        if (!isJsonContentType(req.headers['content-type'])) return fail(res, { code: 'bad_request', message: 'Calls carry JSON (Content-Type: application/json).' });
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > maxBody) return fail(res, { code: 'bad_request', message: `The request is larger than ${maxBody} bytes.` }, true);
        if (activeCalls >= maxCalls) return fail(res, { code: 'busy', message: 'The app is busy with other requests. Nothing was changed; try again.' }, true);
        activeCalls++;
        // A body's bytes count against the budget until its call is answered (the parsed value is of the same order).
        let held = 0;
        const budget = {
          take(n: number) {
            if (heldBytes + n > bodyBudget) return false;
            heldBytes += n;
            held += n;
            return true;
          },
        };
        try {
          const body = await readBody(req, maxBody, budget);
          if (body === 'aborted') return void res.destroy();
          if (body === 'too_large') return fail(res, { code: 'bad_request', message: `The request is larger than ${maxBody} bytes.` }, true);
          if (body === 'busy') return fail(res, { code: 'busy', message: 'The app is busy with other large requests. Nothing was changed; try again.' }, true);
          const text = body.toString('utf8');
          // A batch's list and pair are two levels around each input: the limit stays each input's.
          if (jsonTooDeep(text, MAX_INPUT_DEPTH + (isBatch ? 2 : 0)))
            return fail(res, { code: 'bad_request', message: `The request is nested more than ${MAX_INPUT_DEPTH} levels deep.` });
          let input: unknown;
          try {
            input = body.length === 0 ? {} : JSON.parse(text);
          } catch {
            return fail(res, { code: 'bad_request', message: 'The request body is not valid JSON.' });
          }
          if (isBatch) {
            const calls = batchCalls(input);
            if (!calls) return fail(res, { code: 'bad_request', message: BATCH_SHAPE });
            const answers: Array<Result<unknown>> = [];
            for (const [callName, callInput] of calls) answers.push(await opts.dispatch(callName, callInput));
            return sendJson(res, 200, { ok: true, value: answers });
          }
          const result = await opts.dispatch(name, input);
          return sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
        } finally {
          heldBytes -= held;
          activeCalls--;
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, { code: 'bad_request', message: 'Only GET for pages.' });
      const answer = await serveStatic(rendererDir, url.pathname, { fallbackToIndex: true, head: req.method === 'HEAD' });
      if (answer.error) return fail(res, answer.error);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? undefined);
      if (warm && (pageSent || (answer.status === 200 && String(answer.headers['Content-Type'] ?? '').startsWith('text/html')))) {
        // The page and then its scripts are sent; once no file has been asked for in WARM_AFTER_MS, the browser is
        // running the scripts and the host is idle: the head start runs then, not in the way of a file.
        pageSent = true;
        if (warmTimer) clearTimeout(warmTimer);
        warmTimer = setTimeout(() => {
          const run = warm;
          warm = undefined;
          try {
            run?.();
          } catch {
            // only a head start: whatever failed here fails again, and is reported, when the page asks for it
          }
        }, WARM_AFTER_MS);
        warmTimer.unref();
      }
      return;
    } catch (err) {
      console.error('browser host: request failed', err);
      if (!res.headersSent) fail(res, { code: 'internal', message: 'The server failed to answer.' });
      else res.destroy();
    }
  };
  const server = http.createServer((req, res) => void handleRequest(req, res));
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
