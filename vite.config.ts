import path from 'node:path';
import { defineConfig } from 'vite';

/** The renderer: plain React + Lexical, no network at run time, relative asset paths so both hosts can serve it. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: false,
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
  // The suggestion engine's Web Worker (renderer/features/suggestions/engine.worker.ts): an ES module worker.
  worker: { format: 'es' },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { host: '127.0.0.1' },
});
