import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The interface's type scale (issue 16): every font size and weight a page shows is one more font the browser looks
 * up and lays out on first use, so the stylesheets take sizes from the six `--fs-*` variables and the strong weight
 * from `--fw-strong` (renderer/styles.css). Only the minutes' own text (editor.css: headings, bold, in em of the text)
 * and the public preview (`.pv-*`, which mimics the published document) keep sizes of their own.
 */
const RENDERER = path.resolve(__dirname, '../../renderer');

function cssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return cssFiles(p);
    return e.name.endsWith('.css') ? [p] : [];
  });
}

/** Each `selector { … }` rule's font declarations, with the file it is in. */
function fontDeclarations(): Array<{ file: string; selector: string; property: string; value: string }> {
  const out: Array<{ file: string; selector: string; property: string; value: string }> = [];
  for (const file of cssFiles(RENDERER)) {
    const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const selector = rule[1]!.trim();
      for (const d of rule[2]!.matchAll(/(?:^|;)\s*(font-size|font-weight|font)\s*:\s*([^;]+)/g))
        out.push({ file: path.relative(RENDERER, file), selector, property: d[1]!, value: d[2]!.trim() });
    }
  }
  return out;
}

const ownText = (d: { file: string; selector: string }) => d.file === path.join('editor', 'editor.css') || /(^|[\s,])\.pv-/.test(d.selector);

describe('the type scale', () => {
  const all = fontDeclarations();

  it('finds the stylesheets and their font declarations', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((d) => d.selector === ':root' && d.property === 'font-size')).toBe(true);
  });

  it('takes every interface font size from the scale', () => {
    const off = all.filter((d) => d.property === 'font-size' && !ownText(d) && d.selector !== ':root' && !/^var\(--fs-(xs|sm|ctl|md|lg|xl)\)$/.test(d.value));
    expect(off.map((d) => `${d.file}: ${d.selector} { font-size: ${d.value} }`)).toEqual([]);
  });

  it('sets a font shorthand only to inherit or to a size from the scale', () => {
    const off = all.filter((d) => d.property === 'font' && !ownText(d) && !/^(inherit|var\(--fs-(xs|sm|ctl|md|lg|xl)\)(\/[\d.]+)?\s.+)$/.test(d.value));
    expect(off.map((d) => `${d.file}: ${d.selector} { font: ${d.value} }`)).toEqual([]);
  });

  it("keeps the minutes' own headings and the preview's bold at 700, as the documents print them", () => {
    // The interface's rule (h1–h4, th, strong, b at --fw-strong) would otherwise reach into both.
    const bold = (selector: string) => all.some((d) => d.property === 'font-weight' && d.value === '700' && d.selector.includes(selector));
    for (const s of ['.tfs-h1', '.tfs-h2', '.tfs-h3', '.pv-doc :is(h1, h2, h3, h4, h5, h6, th, strong, b)']) expect(bold(s), s).toBe(true);
  });

  it('has one strong weight in the interface (and the normal one)', () => {
    const off = all.filter((d) => d.property === 'font-weight' && !ownText(d) && !['var(--fw-strong)', '400', 'normal', 'inherit'].includes(d.value));
    expect(off.map((d) => `${d.file}: ${d.selector} { font-weight: ${d.value} }`)).toEqual([]);
  });
});
