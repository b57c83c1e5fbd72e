// `npm run mutate [-- group ...]`: StrykerJS over the safety code, one group of files at a time (issue 15 point 1).
//
// Each group mutates its files, runs only the tests that exercise them (vitest.mutate.config.ts reads MUTATE_TESTS),
// and keeps its own incremental file in test/mutation/ (committed, so a re-run only tests mutants of changed code or
// tests). Reports: reports/mutation/<group>.json and .html (not committed); docs/mutation.md keeps the summary.
// Not part of `npm test`: on two shared cores a group takes minutes to an hour. MUTATE_CONCURRENCY (default 2).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** In priority order: the first groups guard what must never reach a published file. */
export const GROUPS = {
  redaction: {
    mutate: ['shared/redaction/public-model.ts', 'shared/redaction/redact.ts', 'shared/redaction/walk.ts', 'shared/redaction/flag-state.ts', 'shared/redaction/apply-flags.ts'],
    tests: ['test/unit/redaction.test.ts', 'test/unit/redaction.property.test.ts', 'test/unit/apply-flags.test.ts', 'test/unit/public-summary-conventions.test.ts'],
  },
  check: {
    mutate: ['electron/backend/export/match-text.ts', 'electron/backend/export/redaction-check.ts'],
    tests: ['test/unit/match-text.test.ts', 'test/unit/redaction-check.test.ts'],
  },
  sanitiser: {
    mutate: ['shared/text/sanitise.ts', 'electron/backend/export/sanitise.ts'],
    tests: ['test/unit/sanitise.test.ts', 'test/unit/export-hygiene.test.ts'],
  },
  dispatcher: {
    mutate: ['electron/backend/dispatch.ts'],
    tests: ['test/contract/dispatcher.test.ts'],
  },
  autosave: {
    mutate: ['renderer/features/minutes/autosave.ts'],
    tests: ['test/unit/autosave.test.ts', 'test/unit/minutes-save-state.test.ts'],
  },
  flags: {
    mutate: ['electron/backend/services/flags-service.ts'],
    tests: ['test/db/flags.test.ts'],
  },
  database: {
    mutate: ['electron/backend/db/connection.ts', 'electron/backend/db/migrations/index.ts'],
    tests: ['test/db/connection.test.ts'],
  },
  host: {
    mutate: ['electron/hosts/browser-host.ts'],
    tests: ['test/unit/browser-host.test.ts'],
  },
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = asked.length ? asked : Object.keys(GROUPS);
let failed = 0;
for (const name of names) {
  const g = GROUPS[name];
  if (!g) {
    console.error(`unknown group ${name}; groups: ${Object.keys(GROUPS).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name}: ${g.mutate.join(', ')}`);
  const r = spawnSync(
    'npx',
    [
      'stryker', 'run', 'stryker.config.mjs',
      '--mutate', g.mutate.join(','),
      '--incrementalFile', `test/mutation/${name}.incremental.json`,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATE_GROUP: name, MUTATE_TESTS: g.tests.join(','), FC_RUNS: process.env.FC_RUNS ?? '25' } },
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
