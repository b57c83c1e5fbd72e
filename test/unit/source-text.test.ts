import { describe, expect, it } from 'vitest';
import { sourceText } from '../../electron/source-text';

describe('sourceText (the start loader reading start-app.cjs)', () => {
  it('reads ASCII bytes as the same text UTF-8 gives', () => {
    const src = 'const a = "x";\n/[^\\p{L}\\u2013]/u.test(a);\n';
    expect(sourceText(Buffer.from(src, 'utf8'))).toBe(src);
  });

  it('reads any other byte as UTF-8, not Latin-1', () => {
    for (const src of ['const dash = "–";', 'é', 'x = "€ 😀";', 'ß\u0000ok']) expect(sourceText(Buffer.from(src, 'utf8'))).toBe(src);
  });
});
