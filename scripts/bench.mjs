// `npm run bench` — speed measured as ratios against a peer in the same run.
//
//   node scripts/bench.mjs [--quick] [--only=typing|startup|autosave|export|search|durability]
//
// Parts (sources in test/bench/): typing latency in Chromium beside a bare contenteditable; autosave commit time
// beside write+fsync+rename; the SIGKILL durability campaign at scale; the public summary export beside a deflate
// floor and pandoc; search over 1,000,000 paragraphs beside a LIKE scan; start-up (host spawn, meetings list
// interactive, first page's JS) beside a bare Node server and a Vite + React hello-world. Each part runs in its own
// Node process (its TypeScript bundled with esbuild), prints its table,
// and a failing part is reported while the others still run. Results go to docs/bench/latest.md and latest.json.
// Exit code 0 unless the bench itself crashed (a missed target or a failed part is a result, not a crash).
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Most timing-sensitive first; the long SIGKILL campaign last.
const PARTS = ['typing', 'startup', 'autosave', 'export', 'search', 'durability'];
const usage = () => {
  console.error(`usage: node scripts/bench.mjs [--quick] [--only=${PARTS.join('|')}]`);
  process.exit(2);
};
let parsed;
try {
  parsed = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
} catch {
  usage();
}
const quick = parsed.values.quick;
const only = parsed.values.only ?? null;
if (only !== null && !PARTS.includes(only)) usage();
const selected = only ? [only] : PARTS;
const PART_TIMEOUT_MS = 20 * 60_000;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-bench-'));
const started = new Date();
const env = {
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  loadBefore: os.loadavg().map((x) => +x.toFixed(2)),
};

try {
  const bundle = path.join(work, 'part.cjs');
  await build({
    entryPoints: [path.join(root, 'test/bench/part.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers', 'playwright-core', 'esbuild'],
    logLevel: 'warning',
  });

  console.log(`bench: ${quick ? 'quick' : 'full'} run of ${selected.join(', ')} — ${env.cpus}, load average ${env.loadBefore.join(' ')}`);
  const results = [];
  for (const name of selected) {
    const loadAtStart = os.loadavg()[0];
    const t0 = Date.now();
    console.log(`\n▶ ${name}`);
    const out = path.join(work, `${name}.json`);
    const { code, stderr } = await runPart(bundle, name, out);
    const seconds = (Date.now() - t0) / 1000;
    const load = { start: +loadAtStart.toFixed(2), end: +os.loadavg()[0].toFixed(2) };
    if (code === 0 && fs.existsSync(out)) {
      const r = JSON.parse(fs.readFileSync(out, 'utf8'));
      r.load = load;
      results.push(r);
      printPart(r);
    } else {
      const error = lastLines(stderr, 15);
      results.push({ name, failed: true, error, seconds, load });
      console.log(`✗ ${name} failed (exit ${code}) after ${seconds.toFixed(1)} s:\n${error}`);
    }
  }
  const finished = new Date();
  env.loadAfter = os.loadavg().map((x) => +x.toFixed(2));
  const report = { startedAt: started.toISOString(), finishedAt: finished.toISOString(), mode: quick ? 'quick' : 'full', only, env, results };
  const docs = path.join(root, 'docs/bench');
  fs.mkdirSync(docs, { recursive: true });
  // A run of one part does not replace the full report: it goes beside it (latest-<part>.md).
  const base = only ? `latest-${only}` : 'latest';
  fs.writeFileSync(path.join(docs, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(docs, `${base}.md`), markdown(report));
  console.log(`\nbench: done in ${((finished - started) / 1000).toFixed(0)} s; wrote docs/bench/${base}.md and ${base}.json`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

function runPart(bundle, name, out) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, name, out, ...(quick ? ['--quick'] : [])], {
      cwd: root,
      env: { ...process.env, TFS_ROOT: root, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    const timer = setTimeout(() => {
      stderr += `\n(bench: ${name} took longer than ${PART_TIMEOUT_MS / 60000} minutes and was stopped)`;
      child.kill('SIGKILL');
    }, PART_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

function lastLines(s, n) {
  return s.trim().split('\n').filter((l) => !l.startsWith('  · ')).slice(-n).join('\n');
}

function verdict(met) {
  return met === true ? 'met' : met === false ? 'NOT met' : 'not judged';
}

function textTable(t) {
  const cells = [t.headers, ...t.rows].map((r) => r.map((c) => String(c)));
  const widths = t.headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 || i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function printPart(r) {
  console.log(`\n${r.title}  (${r.seconds.toFixed(1)} s; load ${r.load.start} → ${r.load.end})`);
  for (const t of r.tables) {
    if (t.caption) console.log(t.caption);
    console.log(textTable(t));
  }
  for (const g of r.targets) console.log(`  target: ${g.name} — ${verdict(g.met)} (${g.detail})`);
  for (const n of r.notes) console.log(`  note: ${n}`);
}

function mdTable(t) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [`| ${t.headers.map(esc).join(' | ')} |`, `| ${t.headers.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`, ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function markdown(report) {
  const loaded = report.env.loadBefore[0] > os.cpus().length * 0.75;
  const out = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}${report.only ? ` -- --only=${report.only}` : ''}\` (scripts/bench.mjs, sources in test/bench/) ` +
      `on ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${report.mode} run.`,
    '',
    `Machine: ${report.env.cpus}, ${report.env.memoryGiB} GiB, ${report.env.platform}, Node ${report.env.node}. ` +
      `Load average (1/5/15 min) before: ${report.env.loadBefore.join(' / ')}, after: ${report.env.loadAfter.join(' / ')}` +
      (loaded ? ' — **the machine was loaded by other work during this run**: absolute times are pessimistic; the ratios against the peers measured in the same run are the figures to read.' : '.'),
    '',
    'Every figure is compared with a peer measured in the same run (a bare contenteditable, a plain write+fsync+rename, a deflate floor, pandoc), so the ratios say more than the absolute times.',
    '',
  ];
  for (const r of report.results) {
    if (r.failed) {
      out.push(`## ${r.name}: FAILED`, '', `The part failed after ${r.seconds.toFixed(1)} s:`, '', '```', r.error, '```', '');
      continue;
    }
    out.push(`## ${r.title}`, '', `${r.seconds.toFixed(1)} s; load average ${r.load.start} → ${r.load.end}.`, '');
    for (const t of r.tables) out.push(...(t.caption ? [t.caption, ''] : []), mdTable(t), '');
    out.push(`Method: ${r.method}`, '');
    if (r.targets.length) {
      out.push('Targets:', '');
      for (const g of r.targets) out.push(`- ${g.name}: **${verdict(g.met)}** — ${g.detail}`);
      out.push('');
    }
    if (r.notes.length) {
      out.push('Notes:', '');
      for (const n of r.notes) out.push(`- ${n}`);
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}
