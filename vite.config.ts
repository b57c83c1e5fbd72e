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
    // One chunk, `core`, for what the first page and the minutes page both need: React, the transport (with what renews
    // its token, launch-renewal.ts: api.ts imports it), the UI kit, the in-app dialog, and the few small shared modules
    // the minutes page would otherwise fetch as three more files of ~300 bytes each (issue 16: each file is a request,
    // a compile and a wait; the minutes page opened directly went from five chunks to two, ~2% of its time to the first
    // typed key). The dates' formatting (shared/format/zoned.ts) too: the first page, the minutes, the meeting and the
    // backups pages all write dates, and it was split into a file of its own. The note of an address that names no
    // meeting (features/meetings/MeetingMissing.tsx, with the id's shape it reads) too: the meeting and the minutes
    // pages both show it. test/packaging/bundle-budget.test.ts fails if the minutes page needs another chunk again: add
    // its module here, or say why not.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'core',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|renderer[\\/](transport|api|launch-renewal|ui[\\/](kit|Dialog)|features[\\/]meetings[\\/]MeetingMissing)\.tsx?$|shared[\\/](domain[\\/](minutes-labels|id-pattern)|text[\\/]forbidden-chars|redaction[\\/]publication|format[\\/]zoned)\.ts$/,
            },
          ],
        },
      },
    },
  },
  // The suggestion engine's Web Worker (renderer/features/suggestions/engine.worker.ts): an ES module worker.
  worker: { format: 'es' },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { host: '127.0.0.1' },
});
