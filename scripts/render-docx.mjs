// Renders every .docx in a folder to PDF with LibreOffice and then to PNG pages with pdftoppm, so a person (or an
// agent's image viewer) can look at the exports. Each LibreOffice run gets its own throw-away profile
// (-env:UserInstallation), so runs never share or lock a profile.
// Usage: node scripts/render-docx.mjs <folder> [out-folder] [--dpi N]   (out-folder defaults to <folder>/rendered,
// dpi to 60). All the files go through one LibreOffice run. The documents of docs/documents/ are made by the layout
// test instead: TFS_DOCS_OUT=docs/documents npx vitest run --project unit test/integration/export-layout.test.ts
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const usage = () => {
  console.error('usage: node scripts/render-docx.mjs <folder-with-docx> [out-folder] [--dpi N]');
  process.exit(2);
};
let parsed;
try {
  parsed = parseArgs({ options: { dpi: { type: 'string', default: '60' } }, allowPositionals: true });
} catch {
  usage();
}
const dpi = Number(parsed.values.dpi);
const [dir, outArg, ...extra] = parsed.positionals;
if (!dir || extra.length || !(dpi > 0)) usage();
const out = outArg ?? path.join(dir, 'rendered');
fs.mkdirSync(out, { recursive: true });
const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.docx'));
if (files.length === 0) console.error(`no .docx in ${dir}`);

const profile = path.join(os.tmpdir(), `lo-${crypto.randomBytes(8).toString('hex')}`);
try {
  if (files.length)
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files.map((f) => path.join(dir, f))],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 },
    );
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}
for (const f of files) {
  const pdf = path.join(out, f.replace(/\.docx$/i, '.pdf'));
  const prefix = path.join(out, path.basename(f, path.extname(f)));
  for (const old of fs.readdirSync(out).filter((p) => p.startsWith(`${path.basename(prefix)}-`) && p.endsWith('.png'))) fs.rmSync(path.join(out, old));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix], { stdio: 'inherit' });
  const pages = fs.readdirSync(out).filter((p) => p.startsWith(path.basename(prefix)) && p.endsWith('.png'));
  console.log(`${f}: ${pages.length} page(s) → ${out}`);
}
