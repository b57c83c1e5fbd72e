// `npm run mutate [-- group ...] [--force]` (`-- --summary`: the table and the survivors of the last runs): StrykerJS over the safety code, one group of files at a time (issue 15 point 1).
//
// Each group mutates its files, runs only the tests that exercise them (vitest.mutate.config.ts reads MUTATE_TESTS),
// and keeps its own incremental file in test/mutation/ (committed, so a re-run only tests mutants of changed code or
// tests). Reports: reports/mutation/<group>.json and .html (not committed); docs/mutation.md keeps the summary.
// Not part of `npm test`: on two shared cores a group takes minutes to an hour. MUTATE_CONCURRENCY (default 2).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** In priority order: the first groups guard what must never reach a published file. */
export const GROUPS = {
  redaction: {
    mutate: [
      'shared/redaction/public-model.ts',
      'shared/redaction/redact.ts',
      'shared/redaction/walk.ts',
      'shared/redaction/flag-state.ts',
      'shared/redaction/apply-flags.ts',
      'shared/redaction/carry-flags.ts',
    ],
    tests: [
      'test/unit/redaction.test.ts',
      'test/unit/redaction.property.test.ts',
      'test/unit/apply-flags.test.ts',
      'test/unit/carry-flags.test.ts',
      'test/unit/tables.test.ts',
      'test/unit/tables-edges.test.ts',
      'test/unit/flag-state.test.ts',
      'test/unit/public-summary-conventions.test.ts',
    ],
  },
  // The redaction check (redaction-check.ts: what a DOCX and its text are checked for before they are published), with
  // its own tests. Not the matcher's tests: they never import the check, so they cannot kill one of its mutants, and a
  // static mutant runs every test of the group. The matcher itself is mutated in `check-match`.
  check: {
    mutate: ['electron/backend/export/redaction-check.ts'],
    tests: ['test/unit/redaction-check.test.ts', 'test/unit/redaction-check-edges.test.ts', 'test/unit/redaction-check-survivors.test.ts', 'test/unit/redaction-check-reading.test.ts'],
  },
  // The text matcher alone, with its own tests.
  'check-match': {
    mutate: ['shared/redaction/match-text.ts', 'shared/text/look-alikes.ts', 'shared/text/look-alikes-build.ts'],
    tests: ['test/unit/match-text.test.ts', 'test/unit/match-text-edges.test.ts', 'test/unit/look-alikes.test.ts'],
  },
  sanitiser: {
    mutate: ['shared/text/sanitise.ts', 'electron/backend/export/sanitise.ts'],
    tests: ['test/unit/sanitise.test.ts'],
  },
  dispatcher: {
    mutate: ['electron/backend/dispatch.ts'],
    tests: ['test/contract/dispatcher.test.ts', 'test/contract/output-checks.test.ts'],
  },
  autosave: {
    mutate: ['renderer/features/minutes/autosave.ts'],
    tests: ['test/unit/autosave.test.ts', 'test/unit/minutes-save-state.test.ts'],
  },
  flags: {
    mutate: ['electron/backend/services/flags-service.ts'],
    tests: ['test/db/flags.test.ts', 'test/integration/redaction-lifecycle.property.test.ts'],
  },
  database: {
    mutate: ['electron/backend/db/connection.ts', 'electron/backend/db/migrations/index.ts'],
    // connection.test.ts, the migration tests (each opens a database through openDatabase/migrate) and the data-file
    // tests (damage, encryption, backup, disk full). Not private.test.ts: it sets process.umask(), which Stryker's
    // vitest runner (worker threads) refuses; the tests through a host process skip themselves (start-host.ts).
    tests: ['test/db/connection.test.ts', 'test/db/migration-*.test.ts', 'test/datafile/damage.test.ts', 'test/datafile/encryption.test.ts', 'test/datafile/backup.test.ts', 'test/datafile/disk-full.test.ts'],
  },
  host: {
    mutate: ['electron/hosts/browser-host.ts'],
    tests: ['test/unit/browser-host.test.ts', 'test/unit/static-files.test.ts', 'test/contract/boundary-fuzz.test.ts'],
  },
};

/** `--summary`: the table for docs/mutation.md and every survivor, from the JSON reports of the last runs. */
function summary() {
  const rows = ['| group | files | mutants | killed | timeout | survived | no coverage | errors | score |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  const survivors = [];
  for (const name of Object.keys(GROUPS)) {
    const file = path.join(root, 'reports', 'mutation', `${name}.json`);
    if (!fs.existsSync(file)) {
      rows.push(`| ${name} | ${GROUPS[name].mutate.length} | not run | | | | | | |`);
      continue;
    }
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    const n = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
    for (const [f, data] of Object.entries(report.files)) {
      for (const m of data.mutants) {
        n[m.status] = (n[m.status] ?? 0) + 1;
        if (m.status === 'Survived' || m.status === 'NoCoverage')
          survivors.push(`${name}\t${f}:${m.location.start.line}:${m.location.start.column}\t${m.status}\t${m.mutatorName}\t${JSON.stringify(m.replacement ?? '')}`);
      }
    }
    const detected = n.Killed + n.Timeout;
    const valid = detected + n.Survived + n.NoCoverage;
    const score = valid ? ((100 * detected) / valid).toFixed(1) : '-';
    rows.push(`| ${name} | ${Object.keys(report.files).length} | ${valid} | ${n.Killed} | ${n.Timeout} | ${n.Survived} | ${n.NoCoverage} | ${n.CompileError + n.RuntimeError} | ${score} % |`);
  }
  console.log(rows.join('\n'));
  console.log(`\n${survivors.length} survivors:\n${survivors.join('\n')}`);
}
const { values: flags, positionals: asked } = parseArgs({
  options: { summary: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  allowPositionals: true,
});
if (flags.summary) {
  summary();
  process.exit(0);
}

// Every group by default.
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
      // `--force`: test every mutant again (the incremental run reuses old results, and has kept a stale "Survived").
      ...(flags.force ? ['--force'] : []),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATE_GROUP: name, MUTATE_TESTS: g.tests.join(','), FC_RUNS: process.env.FC_RUNS ?? '25' } },
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
