import fs, { type Stats } from 'node:fs';
import path from 'node:path';

/**
 * node:fs's callback calls as promises. Not node:fs/promises: loading it loads Node's readline, watchers and folder
 * streams with it, ~2 ms of every start of the browser host before its first answer (issue 16); node:fs is loaded anyway.
 */
function fsCall<T>(run: (done: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value))));
}
const realpath = (p: string) => fsCall<string>((done) => fs.realpath.native(p, done));
const lstat = (p: string) => fsCall<Stats>((done) => fs.lstat(p, done));
const readFile = (p: string) => fsCall<Buffer>((done) => fs.readFile(p, done));

/**
 * The one static file server of both hosts (the browser host's HTTP server and Electron's app:// protocol): the
 * Content-Security-Policy, the MIME table, the security headers and the containment rules live here once.
 * Never imports 'electron'; each host only adapts the answer to its transport.
 *
 * Containment: the decoded path must not hold NUL, backslashes or `..` segments, must resolve inside the root, and
 * its real path (symlinks resolved) must be exactly that path: a symlink anywhere under the root is not followed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy of a page: the common one, its script-src extended by the SHA-256 sources of the page's own inline
 * scripts. The build writes each beside its script, in a comment of exactly this form (scripts/build.mjs: the boot
 * script, issue 16): `<!-- script-src 'sha256-<44 base64 characters>' (what it is) -->`. Only such sources are taken,
 * never other text of the page, so a page can allow its own scripts and nothing else: no 'unsafe-inline'.
 */
export function pagePolicy(html: string): string {
  const sources = [...html.matchAll(/<!-- script-src ('sha256-[A-Za-z0-9+/]{43}=')(?: \([^()<>]*\))? -->/g)].map((m) => m[1]!);
  return sources.length === 0 ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${sources.join(' ')}`);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Headers on every answer of both hosts, files and errors alike.
 *
 * No Cross-Origin-Opener-Policy (chosen in issue 16, it was `same-origin` before): it protects a page that a
 * cross-origin opener could otherwise reach through its window handle, and this page holds nothing such a handle can
 * reach. A window another site opens on the app's address has no token (the token arrives only in the launch URL and
 * stays in that tab's sessionStorage; the app's tabs pass a new launch's token to each other, renderer/launch-renewal.ts,
 * but only to a tab that had one of its own), so it shows nothing and can call nothing; cross-origin scripts cannot read a
 * window they opened; other sites already run in other processes (site isolation), and framing is refused below
 * (X-Frame-Options, CSP frame-ancestors). What COOP did cost: every new tab on the app started in a second renderer
 * process, ~100 ms before the first page could run (measured by `npm run bench -- --only=startup`).
 */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-cache',
  };
}

export interface StaticAnswer {
  status: number;
  headers: Record<string, string>;
  /** null for HEAD and for errors answered by the host in its own format. */
  body: Buffer | null;
  /** For errors: a sentence for the reader. */
  error?: { code: 'bad_request' | 'forbidden' | 'not_found'; message: string };
}

const refuse = (status: number, code: NonNullable<StaticAnswer['error']>['code'], message: string): StaticAnswer => ({
  status,
  headers: securityHeaders('text/plain; charset=utf-8'),
  body: null,
  error: { code, message },
});

/** The decoded, contained relative path of a URL pathname, or an answer refusing it. */
export function containedPath(root: string, pathname: string): string | StaticAnswer {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return refuse(400, 'bad_request', 'Bad path.');
  }
  if (rel.includes('\0') || rel.includes('\\')) return refuse(400, 'bad_request', 'Bad path.');
  if (rel.split('/').some((seg) => seg === '..')) return refuse(403, 'forbidden', 'Outside the app.');
  if (rel === '' || rel === '/') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + rel);
  if (file !== base && !file.startsWith(base + path.sep)) return refuse(403, 'forbidden', 'Outside the app.');
  return file;
}

export interface ServeOptions {
  /** A path without an extension that is no file is the page itself (routes inside the page). */
  fallbackToIndex?: boolean;
  head?: boolean;
}

/**
 * The renderer's content-hashed files (`assets/<name>-<hash>.js|css`, Vite's output) as first served, kept in memory:
 * a name always holds the same bytes, so after the first answer (which passed every check below) the next ones are
 * answered without touching the disk — each file used to cost four file-system round trips of the host's event loop
 * on every page load (issue 16). Files over 1 MiB (the suggestion engine's worker) are read each time.
 */
const HASHED_ASSET = /^\/assets\/[^/\\]+-[A-Za-z0-9_-]{8}\.(?:js|css)$/;
const MAX_KEPT_BYTES = 1024 * 1024;
const kept = new Map<string, { headers: Record<string, string>; data: Buffer }>();

/** Reads a file of the renderer for GET/HEAD: 200 with the headers, or a refusal (400/403/404). */
export async function serveStatic(root: string, pathname: string, opts: ServeOptions = {}): Promise<StaticAnswer> {
  const keyOf = HASHED_ASSET.test(pathname) ? `${path.resolve(root)}\0${pathname}` : null;
  const hit = keyOf === null ? undefined : kept.get(keyOf);
  if (hit) return { status: 200, headers: { ...hit.headers }, body: opts.head ? null : hit.data };
  let realRoot: string;
  try {
    realRoot = await realpath(path.resolve(root));
  } catch {
    return refuse(404, 'not_found', 'The renderer is not built. Run `npm run build`.');
  }
  const contained = containedPath(realRoot, pathname);
  if (typeof contained !== 'string') return contained;
  let file = contained;
  let st = await lstat(file).catch(() => null);
  if ((!st || st.isDirectory()) && opts.fallbackToIndex && path.extname(file) === '') {
    file = path.join(realRoot, 'index.html');
    st = await lstat(file).catch(() => null);
    if (!st) return refuse(404, 'not_found', 'The renderer is not built. Run `npm run build`.');
  }
  if (!st) return refuse(404, 'not_found', 'No such file.');
  // No symlinks: neither the file nor any folder between it and the root.
  const real = await realpath(file).catch(() => null);
  if (st.isSymbolicLink() || real !== file) return refuse(403, 'forbidden', 'Outside the app.');
  if (!st.isFile()) return refuse(404, 'not_found', 'No such file.');
  const data = await readFile(file);
  const headers: Record<string, string> = { ...securityHeaders(contentTypeOf(file)), 'Content-Length': String(data.length) };
  if (path.basename(file) === 'index.html') headers['Cache-Control'] = 'no-store';
  if (path.extname(file) === '.html') headers['Content-Security-Policy'] = pagePolicy(data.toString('latin1'));
  if (keyOf !== null && data.length <= MAX_KEPT_BYTES) {
    // Same name, same bytes: the browser may keep it too (a reload then neither asks nor compiles it again).
    headers['Cache-Control'] = 'max-age=31536000, immutable';
    kept.set(keyOf, { headers: { ...headers }, data });
  }
  return { status: 200, headers, body: opts.head ? null : data };
}
