// Renders every .docx in a folder to PDF with LibreOffice and then to PNG pages with pdftoppm, so a person (or an
// agent's image viewer) can look at the exports. Each LibreOffice run gets its own throw-away profile
// (-env:UserInstallation), so runs never share or lock a profile.
// Usage: node scripts/render-docx.mjs <folder> [out-folder]   (out-folder defaults to <folder>/rendered)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/render-docx.mjs <folder-with-docx> [out-folder]');
  process.exit(2);
}
const out = process.argv[3] ?? path.join(dir, 'rendered');
fs.mkdirSync(out, { recursive: true });
const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.docx'));
if (files.length === 0) console.error(`no .docx in ${dir}`);

for (const f of files) {
  const profile = path.join(os.tmpdir(), `lo-${crypto.randomBytes(8).toString('hex')}`);
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, path.join(dir, f)],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(out, f.replace(/\.docx$/i, '.pdf'));
  const prefix = path.join(out, path.basename(f, path.extname(f)));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, prefix], { stdio: 'inherit' });
  const pages = fs.readdirSync(out).filter((p) => p.startsWith(path.basename(prefix)) && p.endsWith('.png'));
  console.log(`${f}: ${pages.length} page(s) → ${out}`);
}
