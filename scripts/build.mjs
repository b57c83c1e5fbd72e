// Builds everything `npm start`, the tests and packaging need:
//   dist/renderer/            the React renderer (Vite), with its head start inline in index.html (renderer/boot.ts, esbuild)
//   dist/electron/start.cjs   `npm start`: runs start-app.cjs with V8's code cache (electron/start-loader.ts)
//   dist/electron/start-app.cjs  desktop window when the Electron runtime is installed, else the browser host
//   dist/electron/start-app.cjs.v8-cache  what V8 compiled during one start of the browser host at build time
//   dist/electron/main.cjs    Electron main process          (from electron/hosts/electron-main.ts)
//   dist/electron/preload.cjs sandboxed preload               (from electron/hosts/electron-preload.ts)
//   dist/electron/export-documents.cjs  DOCX builders + redaction check, required by main/start when an export starts
//   dist/electron/settings-conf.cjs     conf for the browser host's settings, required by start on the first settings use
// Main-side bundles are CommonJS for Node 20 / Electron; 'electron' and the native better-sqlite3-multiple-ciphers stay external
// (start-app.cjs bundles better-sqlite3's JavaScript and loads only its compiled addon from the package).
import { build as esbuild } from 'esbuild';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { 'main-only': { type: 'boolean', default: false }, 'renderer-only': { type: 'boolean', default: false } } });
const only = flags['main-only'] ? 'main' : flags['renderer-only'] ? 'renderer' : 'all';
const t0 = Date.now();

if (only !== 'main') {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { manifest: true } });
  await buildBoot();
}

/**
 * V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints), `//# allFunctionsCalledOnLoad`, as the
 * entry chunk's first line (Chromium 136+, so Electron 45 too; issue 16). The entry is the app's own code for the
 * first page, nearly all of it run at once: with the hint its functions are compiled while the file streams in, on a
 * background thread, instead of one by one on the main thread when first called. An A/B of 21 and 25 interleaved
 * loads put the meetings list 8–10 ms (3–4%) sooner. Only there: on `core`, eagerly compiling all of React DOM
 * (206 KB) kept the main thread waiting for the background compile, no faster in the same A/B; the lazy chunks run
 * only in part. First line, not Rolldown's postBanner (after Vite's own first line): a trace counted 62 more functions
 * compiled lazily on the main thread that way. The source map gets one more line with no mappings.
 * test/packaging/bundle-budget.test.ts checks where the hint is.
 */
function hintEagerCompile(file) {
  fs.writeFileSync(file, `//# allFunctionsCalledOnLoad\n${fs.readFileSync(file, 'utf8')}`);
  const mapFile = `${file}.map`;
  if (fs.existsSync(mapFile)) {
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
    map.mappings = `;${map.mappings}`;
    fs.writeFileSync(mapFile, JSON.stringify(map));
  }
}

/**
 * The entry chunk's stylesheet (renderer/styles.css and the first page's imports), inline in index.html's head instead
 * of a file (issue 16): one request fewer before the first page can show, and the rules are there as the page is
 * parsed. A/Bs of 21–25 interleaved loads put the meetings list 3–11 ms sooner (three runs). Every page needs them, so
 * nothing is loaded that would not be. The Content-Security-Policy already allows inline styles (style-src 'unsafe-inline', for
 * React's style attributes).
 *
 * Vite's loader fetches, with a lazy chunk, the stylesheets of every chunk it imports — the entry's among them (its
 * lists in `__vite__mapDeps`). Left there, the stylesheet would come a second time when the minutes page first
 * imports such a chunk, after the minutes' own stylesheet, and override it. So each list names the entry chunk itself
 * instead, which is always loaded before any lazy chunk (it is the page's module): the loader finds it there and
 * fetches nothing. Positions in the lists stay as they were (they are on Vite's own first line of each chunk, which
 * has no source mappings). The file is removed; the build fails if any built file still names it.
 *
 * Both edits here (this one and the compile hint) come after Vite has named the files by their content: a file's name
 * still stands for one content, since the edits follow from that content alone.
 */
function inlineEntryCss(dir, entryFile, cssFiles) {
  const htmlFile = path.join(dir, 'index.html');
  let html = fs.readFileSync(htmlFile, 'utf8');
  const assets = path.join(dir, 'assets');
  for (const rel of cssFiles) {
    const name = path.basename(rel);
    const link = [...html.matchAll(/<link rel="stylesheet"[^>]*\shref="\.\/([^"]+)"[^>]*>/g)].find((m) => m[1] === rel);
    if (!link) throw new Error(`build: index.html has no stylesheet link to ${rel}`);
    const css = fs.readFileSync(path.join(dir, rel), 'utf8');
    if (/<\/style/i.test(css)) throw new Error(`build: ${rel} holds </style: it cannot be inline`);
    html = html.replace(link[0], () => `<style>${css.trim()}</style>`);
    fs.rmSync(path.join(dir, rel));
    fs.rmSync(path.join(dir, `${rel}.map`), { force: true });
    for (const f of fs.readdirSync(assets).filter((f) => !f.endsWith('.map'))) {
      const code = fs.readFileSync(path.join(assets, f), 'utf8');
      const listed = code.split(`"./${name}"`);
      if (listed.length > 1) fs.writeFileSync(path.join(assets, f), listed.join(`"./${path.basename(entryFile)}"`));
      if (listed.some((part) => part.includes(name))) throw new Error(`build: ${f} still names ${name}, which is inline in index.html`);
    }
  }
  fs.writeFileSync(htmlFile, html);
}

/**
 * The boot script (renderer/boot.ts): one small classic script, inline in index.html's head, that starts the first
 * page's calls — and on the minutes page has the browser fetch that page's code — while the entry chunk is still
 * arriving (issue 16). Inline, it runs as the page's head is parsed; as a file (`async`) it ran only once the browser
 * had handed its arrival to the page, 20-60 ms later, which held back the minutes page's code. The Content-Security-
 * Policy allows it by its SHA-256, which the build writes beside it in a comment that the hosts read
 * (electron/hosts/static-files.ts): no 'unsafe-inline'. The minutes page's files (its chunk, the chunks it imports,
 * its CSS) are read from Vite's manifest, which is then removed (it is not part of the app).
 */
async function buildBoot() {
  const dir = path.join(root, 'dist/renderer');
  const manifestFile = path.join(dir, '.vite/manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  fs.rmSync(path.join(dir, '.vite'), { recursive: true, force: true });
  const closure = (key, files = new Set()) => {
    const c = manifest[key];
    if (!c || files.has(c.file)) return files;
    files.add(c.file);
    for (const css of c.css ?? []) files.add(css);
    for (const k of c.imports ?? []) closure(k, files);
    return files;
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const minutesKey = Object.keys(manifest).find((k) => k.endsWith('features/minutes/MinutesPage.tsx'));
  if (!entry || !minutesKey) throw new Error('build: the Vite manifest has no entry or no minutes page chunk');
  hintEagerCompile(path.join(dir, manifest[entry].file));
  inlineEntryCss(dir, manifest[entry].file, manifest[entry].css ?? []);
  const already = closure(entry);
  const minutesFiles = [...closure(minutesKey)].filter((f) => !already.has(f));
  const built = await esbuild({
    entryPoints: [path.join(root, 'renderer/boot.ts')],
    write: false,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    minify: true,
    legalComments: 'none',
    define: { __MINUTES_FILES__: JSON.stringify(minutesFiles) },
    logLevel: 'warning',
  });
  const code = built.outputFiles[0].text.trim();
  // The script's text must end only at its own </script> (esbuild escapes the sequence in strings; this checks it).
  if (/<\/script|<!--/i.test(code)) throw new Error('build: the boot script holds </script or <!--: it cannot be inline');
  const hash = createHash('sha256').update(code).digest('base64');
  const htmlFile = path.join(dir, 'index.html');
  const html = fs.readFileSync(htmlFile, 'utf8');
  // Before the entry chunk's tags: it runs before the parser reaches them.
  const at = html.indexOf('<script type="module"');
  if (at < 0) throw new Error('build: index.html has no module script');
  const inline = `<!-- script-src 'sha256-${hash}' (the boot script below: renderer/boot.ts) -->\n    <script>${code}</script>\n    `;
  fs.writeFileSync(htmlFile, `${html.slice(0, at)}${inline}${html.slice(at)}`);
}

if (only !== 'renderer') {
  const entries = [
    ['electron/start.ts', 'dist/electron/start-app.cjs'],
    ['electron/start-loader.ts', 'dist/electron/start.cjs'],
    ['electron/hosts/electron-main.ts', 'dist/electron/main.cjs'],
    ['electron/hosts/electron-preload.ts', 'dist/electron/preload.cjs'],
    ['electron/backend/export/documents.ts', 'dist/electron/export-documents.cjs'],
    ['electron/backend/conf-loader.ts', 'dist/electron/settings-conf.cjs'],
  ].filter(([src]) => fs.existsSync(path.join(root, src)));
  // The export code (docx, the redaction check) is its own file, required when the first export starts: the dynamic
  // import of export/documents in export-service.ts becomes require('./export-documents.cjs') (issue 16).
  const lazyExports = {
    name: 'lazy-export-documents',
    setup(b) {
      // A plain require (not import(), which would go through the ESM loader): a tiny shim module stands for it.
      b.onResolve({ filter: /[\\/]export[\\/]documents$/ }, (args) =>
        args.kind === 'dynamic-import' ? { path: 'export-documents', namespace: 'lazy-export' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy-export' }, () => ({ contents: 'module.exports = require("./export-documents.cjs");', loader: 'js' }));
      b.onResolve({ filter: /^\.\/export-documents\.cjs$/ }, () => ({ path: './export-documents.cjs', external: true }));
    },
  };
  // conf (ajv, semver, fast-uri …) for the browser host's settings is its own file too, required on the first settings
  // read or write: in start.cjs, `Conf` of conf-loader.ts is a getter that requires ./settings-conf.cjs (issue 16).
  // main.cjs keeps it inline: electron-store brings conf into it anyway.
  const lazyConf = {
    name: 'lazy-settings-conf',
    setup(b) {
      b.onResolve({ filter: /[\\/]conf-loader$/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: 'settings-conf', namespace: 'lazy-conf' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-conf' }, () => ({
        contents: 'let m; module.exports = { get Conf() { return (m ??= require("./settings-conf.cjs")).Conf; } };',
        loader: 'js',
      }));
      b.onResolve({ filter: /^\.\/settings-conf\.cjs$/ }, () => ({ path: './settings-conf.cjs', external: true }));
    },
  };
  // zod re-exports all its locales (`z.locales`, `core.locales`; a third of these bundles) and the app uses none: English
  // is registered by zod itself from locales/en.js. The namespace is replaced by one holding `en` only.
  const zodEnglishOnly = {
    name: 'zod-english-only',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
          ? { path: path.join(path.dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
        contents: "export { default as en } from './en.js';",
        resolveDir: path.dirname(args.path),
        loader: 'js',
      }));
    },
  };
  const freshSchema = await freshSchemaScript();
  await Promise.all(
    entries.map(([src, out]) =>
      esbuild({
        entryPoints: [path.join(root, src)],
        outfile: path.join(root, out),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        // start-app.cjs (the browser host, never run by Electron nor packaged) carries better-sqlite3's JavaScript: required
        // from node_modules it was a dozen files resolved, read and compiled at every start (~8 ms, issue 16); bundled it
        // is in the code cache. Its compiled addon is still loaded from the package (electron/backend/db/native.ts gives
        // its path, so the bundled copy never calls `bindings`). The other bundles leave the package external: Electron
        // packaging ships it, rebuilt for Electron.
        external: out.endsWith('start-app.cjs') ? ['electron', 'bindings'] : ['electron', 'better-sqlite3-multiple-ciphers'],
        // What the migrations make of an empty database, as one script: the browser host makes a new data file from it
        // (electron/backend/db/fresh-schema.ts). main.cjs runs the migrations.
        define: out.endsWith('start-app.cjs') ? { __TFS_FRESH_SCHEMA__: JSON.stringify(freshSchema) } : {},
        // The stored-document schema (shared/editor/doc-schema.ts) is written with zod/mini's functions, which full zod
        // has too, with the same meaning (test/unit/doc-schema.test.ts): on the main side it is built with full zod, whose
        // objects compile a parser of their own where eval is allowed (Node: 56 ms vs 88 ms for a 3 MB section, 2 vs 5 ms
        // for 300 KB). The renderer keeps zod/mini (its CSP forbids eval, so full zod would parse no faster there).
        alias: { 'zod/mini': 'zod' },
        plugins: /(export-documents|settings-conf)\.cjs$/.test(out) ? [zodEnglishOnly] : out.endsWith('start-app.cjs') ? [zodEnglishOnly, lazyExports, lazyConf] : out.endsWith('start.cjs') ? [] : [zodEnglishOnly, lazyExports],
        sourcemap: 'linked',
        // Minified: Node and Electron compile every byte of these at start-up (issue 16). Source maps stay beside them.
        minify: true,
        logLevel: 'warning',
        legalComments: 'none',
      }),
    ),
  );
}
if (only !== 'renderer') await writeCodeCache();

/**
 * Runs the migrations on an empty in-memory database (electron/backend/db/fresh-schema.ts, bundled for this and removed)
 * and returns the script of the result: { version, sql }, or null if that failed. The bundle is written in dist/electron
 * so that it finds better-sqlite3 in the project's node_modules.
 */
async function freshSchemaScript() {
  const tmp = path.join(root, 'dist/electron', `.fresh-schema-${process.pid}.cjs`);
  await esbuild({
    entryPoints: [path.join(root, 'electron/backend/db/fresh-schema.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    logLevel: 'warning',
  });
  try {
    const { freshSchemaOf } = createRequire(import.meta.url)(tmp);
    const fresh = freshSchemaOf();
    if (!Number.isInteger(fresh.version) || fresh.version < 1 || typeof fresh.sql !== 'string' || fresh.sql.length === 0) throw new Error('the script is empty');
    return fresh;
  } catch (err) {
    // Like the code cache: without the script the browser host runs the migrations for a new data file, as main.cjs does.
    console.warn(`build: no fresh-schema script for start-app.cjs (${err.message}); a new data file will be made by the migrations`);
    return null;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * V8's code cache for start-app.cjs (electron/start-loader.ts uses it): the browser host started once on a throwaway
 * data folder, its first call answered, then stopped; the loader writes what V8 compiled at the exit. Without it
 * (this step failed) the host starts as well, only compiling its bundle itself.
 */
async function writeCodeCache() {
  const cache = path.join(root, 'dist/electron/start-app.cjs.v8-cache');
  fs.rmSync(cache, { force: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-code-cache-'));
  const child = spawn(process.execPath, [path.join(root, 'dist/electron/start.cjs'), '--browser', '--port', '0', '--data-dir', path.join(tmp, 'data'), '--key-file', path.join(tmp, 'key')], {
    env: { ...process.env, TFS_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('the host did not start in 30 s')), 30_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=(\S+))/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`the host exited with ${code}`)));
    });
    const { origin, hash } = new URL(url);
    const token = /token=([^&]+)/.exec(hash)[1];
    for (const name of ['meetings.list', 'app.info', 'body.get']) {
      await fetch(`${origin}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    if (!fs.existsSync(cache)) throw new Error('no cache was written');
  } catch (err) {
    child.kill('SIGKILL');
    console.warn(`build: no code cache for start-app.cjs (${err.message}); the host will compile its bundle at each start`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

console.log(`build: ${only} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
