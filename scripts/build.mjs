// Builds everything `npm start`, the tests and packaging need:
//   dist/renderer/            the React renderer (Vite)
//   dist/electron/start.cjs   `npm start`: desktop window when the Electron runtime is installed, else the browser host
//   dist/electron/main.cjs    Electron main process          (from electron/hosts/electron-main.ts)
//   dist/electron/preload.cjs sandboxed preload               (from electron/hosts/electron-preload.ts)
// Main-side bundles are CommonJS for Node 20 / Electron; 'electron' and the native better-sqlite3-multiple-ciphers stay external.
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--main-only') ? 'main' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';
const t0 = Date.now();

if (only !== 'main') {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (only !== 'renderer') {
  const entries = [
    ['electron/start.ts', 'dist/electron/start.cjs'],
    ['electron/hosts/electron-main.ts', 'dist/electron/main.cjs'],
    ['electron/hosts/electron-preload.ts', 'dist/electron/preload.cjs'],
  ].filter(([src]) => fs.existsSync(path.join(root, src)));
  await Promise.all(
    entries.map(([src, out]) =>
      esbuild({
        entryPoints: [path.join(root, src)],
        outfile: path.join(root, out),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['electron', 'better-sqlite3-multiple-ciphers'],
        sourcemap: 'linked',
        logLevel: 'warning',
        legalComments: 'none',
      }),
    ),
  );
}
console.log(`build: ${only} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
