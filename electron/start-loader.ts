import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { cachedDataFor, fingerprint } from './code-cache';
import { sourceText } from './source-text';

/**
 * `dist/electron/start.cjs`: runs `start-app.cjs` (electron/start.ts bundled) with V8's code cache (issue 16).
 *
 * Compiling the 430 KB bundle, and then each function the start runs (zod, the backend, the host), was about a fifth of
 * the browser host's start. `npm run build` starts the host once and keeps what V8 compiled in
 * `start-app.cjs.v8-cache`; here V8 takes the compiled code from it instead of compiling again. The cache is used only
 * if it was made from this very file (its fingerprint heads the cache: size, inode, modification and change times;
 * code-cache.ts) and by this V8 with these flags (V8 checks and rejects it otherwise): else the bundle is simply
 * compiled as without a cache. Nothing else changes: the bundle runs as the main module, with this module's `require`
 * (same folder), so `require.main === module` holds.
 */
const APP = path.join(__dirname, 'start-app.cjs');
const CODE_CACHE = `${APP}.v8-cache`;
/**
 * Node's CommonJS wrapper, written out (what Module.wrap returns): importing node:module for it loaded Node's ESM
 * loader at every start (~0.4 ms).
 */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

function run() {
  const fd = fs.openSync(APP, 'r');
  let bytes: Buffer;
  let fp: Buffer;
  try {
    fp = fingerprint(fs.fstatSync(fd, { bigint: true }));
    bytes = fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const source = sourceText(bytes);
  let cachedData: Buffer | undefined;
  try {
    cachedData = cachedDataFor(fs.readFileSync(CODE_CACHE), fp);
  } catch {
    /* no cache (a build that could not make one): compiled as usual */
  }
  const script = new vm.Script(wrap(source), { filename: APP, cachedData });
  if (process.env.TFS_WRITE_CODE_CACHE === '1') {
    // The build's run: what V8 compiled up to the exit (start, first calls, stop) goes into the cache.
    process.once('exit', () => fs.writeFileSync(CODE_CACHE, Buffer.concat([fp, script.createCachedData()])));
  }
  const wrapper = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, mod: NodeJS.Module, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, require, module, APP, __dirname);
}

run();
