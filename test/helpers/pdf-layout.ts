import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Layout checks of a document as an office suite lays it out: DOCX → PDF with LibreOffice (headless, its own
 * throw-away profile), then the PDF read back with poppler (`pdftotext -bbox-layout` for where each line of text
 * is, `pdftoppm` for pixels). All positions are in PDF points (1/72 in), origin at the top left of the page.
 */

export function hasLayoutTools(): boolean {
  const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;
  return ok('soffice', ['--version']) && ok('pdftotext', ['-v']) && ok('pdftoppm', ['-v']);
}

/** Converts DOCX files to PDF in one LibreOffice run; returns the PDF paths in the same order. */
export function docxToPdf(files: string[], outDir: string): string[] {
  const profile = path.join(os.tmpdir(), `lo-${crypto.randomBytes(8).toString('hex')}`);
  let log: string;
  try {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    log = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''} (exit ${r.status})`;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdfs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
  const missing = pdfs.filter((p) => !fs.existsSync(p));
  if (missing.length) throw new Error(`LibreOffice did not write ${missing.map((m) => path.basename(m)).join(', ')}: ${log.slice(-2000)}`);
  return pdfs;
}

export interface Line {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Page {
  width: number;
  height: number;
  lines: Line[];
}

const num = (attrs: string, name: string) => Number(new RegExp(`${name}="([-0-9.]+)"`).exec(attrs)?.[1] ?? NaN);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every page and every line of text on it, from `pdftotext -bbox-layout`. */
export function readLayout(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: Page[] = [];
  for (const pm of html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: Line[] = [];
    for (const lm of pm[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...lm[2]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1]!));
      lines.push({ text: words.join(' '), xMin: num(lm[1]!, 'xMin'), yMin: num(lm[1]!, 'yMin'), xMax: num(lm[1]!, 'xMax'), yMax: num(lm[1]!, 'yMax') });
    }
    pages.push({ width: num(pm[1]!, 'width'), height: num(pm[1]!, 'height'), lines });
  }
  return pages;
}

/**
 * Lines of text drawn over each other: they share more than 1 pt horizontally and more than a quarter of the shorter
 * line's height vertically. (A title whose lines are fixed at 13.8 pt while its text is 20 pt overlaps by half.)
 */
export function overlappingLines(pages: Page[]): Array<{ page: number; a: string; b: string }> {
  const out: Array<{ page: number; a: string; b: string }> = [];
  pages.forEach((p, pi) => {
    for (let i = 0; i < p.lines.length; i++)
      for (let j = i + 1; j < p.lines.length; j++) {
        const a = p.lines[i]!;
        const b = p.lines[j]!;
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        const h = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
        if (dx > 1 && dy > h * 0.25) out.push({ page: pi + 1, a: a.text, b: b.text });
      }
  });
  return out;
}

/** Header and footer bands (points from the top and from the bottom) left out when judging how full a page is. */
const HEADER_BAND = 100;
const FOOTER_BAND = 62;

/** Pages other than the last whose text ends above half the page (the header and footer left aside). */
export function mostlyEmptyPages(pages: Page[]): Array<{ page: number; endsAt: number; height: number }> {
  const out: Array<{ page: number; endsAt: number; height: number }> = [];
  pages.slice(0, -1).forEach((p, i) => {
    const body = p.lines.filter((l) => l.yMin >= HEADER_BAND && l.yMax <= p.height - FOOTER_BAND);
    const endsAt = Math.max(0, ...body.map((l) => l.yMax));
    if (endsAt < p.height / 2) out.push({ page: i + 1, endsAt: Math.round(endsAt), height: Math.round(p.height) });
  });
  return out;
}

/**
 * The header logo as drawn on a page: the bounding box (in points) of its dark pixels, found in the header band at
 * the left margin. The logo is a dark disc, so a whole logo is as high as it is wide; a clipped one is not.
 */
export function headerLogoBox(pdf: string, page = 1, dpi = 144): { width: number; height: number } | null {
  const scale = dpi / 72;
  // points: the left margin is at 62.35 pt, the logo 16.5 pt wide, the body's name at 85 pt; the header starts 28.35 pt down
  const crop = { x: 56, y: 10, w: 26, h: 70 };
  const pgm = execFileSync(
    'pdftoppm',
    ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', '-x', String(Math.round(crop.x * scale)), '-y', String(Math.round(crop.y * scale)), '-W', String(Math.round(crop.w * scale)), '-H', String(Math.round(crop.h * scale)), pdf],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const img = parsePgm(pgm);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if (img.data[y * img.width + x]! < 90) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (!Number.isFinite(minX)) return null;
  return { width: (maxX - minX + 1) / scale, height: (maxY - minY + 1) / scale };
}

/** Binary PGM (P5), 8-bit: what `pdftoppm -gray` writes. */
function parsePgm(buf: Buffer): { width: number; height: number; data: Uint8Array } {
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (i < buf.length && /\s/.test(String.fromCharCode(buf[i]!))) i++;
    if (buf[i] === 0x23) {
      while (i < buf.length && buf[i] !== 0x0a) i++;
      continue;
    }
    let tok = '';
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i]!))) tok += String.fromCharCode(buf[i++]!);
    header.push(tok);
  }
  i++; // the single whitespace after maxval
  if (header[0] !== 'P5') throw new Error(`not a binary PGM: ${header[0]}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: new Uint8Array(buf.subarray(i, i + width * height)) };
}
