// `npm run suggest -- FILE.json` — runs the confidentiality-suggestion engine over paragraphs, for evaluation.
//
//   node scripts/suggest.mjs [--pretty] [--reference-date YYYY-MM-DD] [--term TEXT]... FILE.json|-
//
// Input: JSON [{ "id": "...", "sentences": ["...", "..."] }, …] — the sentences of one paragraph, in order (the
// engine reads them as one paragraph, so a pronoun in the second sentence refers to the member named in the first).
// Output (stdout): JSON [{ "id", "spans": [{ "sentence", "start", "end", "kind", "reason", "flagReason" }] }], offsets
// inside the sentence (UTF-16, end exclusive). Context: the organisations and representatives of the example meeting
// (shared/example/constitutive-meeting.ts), the meeting's date as reference date, and the --term values as the
// secretariat's sensitive terms. Exit codes: 0 done, 2 bad usage or bad input (the message says what is wrong).
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const usage = 'usage: npm run suggest -- [--pretty] [--reference-date YYYY-MM-DD] [--term TEXT]... FILE.json  (FILE "-" reads standard input)';

function fail(message) {
  console.error(`suggest: ${message}\n${usage}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      pretty: { type: 'boolean', default: false },
      'reference-date': { type: 'string', default: '2026-01-30' },
      term: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (e) {
  fail(e.message);
}
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
if (args.positionals.length !== 1) fail('give exactly one input file');
if (!/^\d{4}-\d{2}-\d{2}$/.test(args.values['reference-date'])) fail('--reference-date must be YYYY-MM-DD');

const file = args.positionals[0];
let raw;
try {
  raw = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${e.code ?? e.message}`);
}
let input;
try {
  input = JSON.parse(raw);
} catch (e) {
  fail(`${file} is not JSON: ${e.message}`);
}
if (!Array.isArray(input)) fail('the input must be a JSON array of {id, sentences}');
input.forEach((p, i) => {
  const where = `item ${i}`;
  if (typeof p !== 'object' || p === null) fail(`${where} is not an object`);
  if (typeof p.id !== 'string' && typeof p.id !== 'number') fail(`${where}: "id" must be a string or a number`);
  if (!Array.isArray(p.sentences) || p.sentences.some((s) => typeof s !== 'string')) fail(`${where} (id ${p.id}): "sentences" must be an array of strings`);
});

// The engine is TypeScript: bundle it (with winkNLP and its model) for Node once per run.
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-suggest-')), 'engine.cjs');
try {
  await build({
    stdin: {
      contents:
        "export { suggestParagraphs } from './shared/suggestions';\nexport { EXAMPLE_ORGANISATIONS } from './shared/example/constitutive-meeting';",
      resolveDir: root,
      loader: 'ts',
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  const { suggestParagraphs, EXAMPLE_ORGANISATIONS } = createRequire(import.meta.url)(out);
  const context = {
    organisations: EXAMPLE_ORGANISATIONS.map((o) => ({
      name: o.name,
      shortName: o.shortName,
      isMember: o.isMember,
      representatives: o.representatives.map((r) => r.name),
    })),
    people: EXAMPLE_ORGANISATIONS.flatMap((o) => o.representatives.map((r) => r.name)),
    sensitiveTerms: args.values.term,
    dismissed: [],
    referenceDate: args.values['reference-date'],
  };
  const result = suggestParagraphs(
    input.map((p) => ({ id: String(p.id), sentences: p.sentences })),
    context,
  ).map((p, i) => ({
    id: input[i].id,
    spans: p.spans.map((s) => ({ sentence: s.sentence, start: s.start, end: s.end, kind: s.kind, reason: s.reason, flagReason: s.flagReason })),
  }));
  process.stdout.write(`${JSON.stringify(result, null, args.values.pretty ? 2 : undefined)}\n`);
} finally {
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}
