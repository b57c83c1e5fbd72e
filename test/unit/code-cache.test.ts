import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedDataFor, fingerprint, FINGERPRINT_BYTES } from '../../electron/code-cache';
import { tempDir } from '../helpers/temp';

/**
 * The start loader's check of V8's code cache (electron/start-loader.ts): the cache is used only for the very file it
 * was made from. A stale cache of a bundle of the same length would otherwise run old compiled code against new text:
 * V8's own check compares only the length of the source.
 */
describe('code cache fingerprint', () => {
  const stat = (f: string) => fs.statSync(f, { bigint: true });
  const cacheOf = (fp: Buffer) => Buffer.concat([fp, Buffer.from('compiled code')]);

  it('takes the cache made from this file, and leaves a cache without compiled code', () => {
    const f = path.join(tempDir('tfs-cache-'), 'app.cjs');
    fs.writeFileSync(f, 'module.exports = 1;');
    const fp = fingerprint(stat(f));
    expect(fp.length).toBe(FINGERPRINT_BYTES);
    expect(cachedDataFor(cacheOf(fp), fp)?.toString()).toBe('compiled code');
    expect(cachedDataFor(fp, fp)).toBeUndefined();
    expect(cachedDataFor(Buffer.alloc(0), fp)).toBeUndefined();
  });

  it('refuses it once the file is written again, even with the same length and its times set back', () => {
    const f = path.join(tempDir('tfs-cache-'), 'app.cjs');
    fs.writeFileSync(f, 'module.exports = 1;');
    const before = stat(f);
    const cache = cacheOf(fingerprint(before));
    // File times advance with the kernel's clock tick (a few ms): the next write comes a few ticks later, as any
    // rebuild does.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    fs.writeFileSync(f, 'module.exports = 2;');
    // Same size; the modification time put back as it was: the change time still moved.
    fs.utimesSync(f, new Date(Number(before.atimeMs)), new Date(Number(before.mtimeMs)));
    const after = stat(f);
    expect(after.size).toBe(before.size);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
    expect(cachedDataFor(cache, fingerprint(after))).toBeUndefined();
  });

  it('refuses a cache of another file of the same size and times (another inode)', () => {
    const dir = tempDir('tfs-cache-');
    const a = path.join(dir, 'a.cjs');
    const b = path.join(dir, 'b.cjs');
    fs.writeFileSync(a, 'module.exports = 1;');
    fs.copyFileSync(a, b);
    const sa = stat(a);
    fs.utimesSync(b, new Date(Number(sa.atimeMs)), new Date(Number(sa.mtimeMs)));
    expect(cachedDataFor(cacheOf(fingerprint(sa)), fingerprint(stat(b)))).toBeUndefined();
  });

  it('each field counts: size, inode, modification time, change time', () => {
    const base = { size: 10n, ino: 20n, mtimeNs: 30n, ctimeNs: 40n } as fs.BigIntStats;
    const fp = fingerprint(base);
    for (const k of ['size', 'ino', 'mtimeNs', 'ctimeNs'] as const) {
      const other = fingerprint({ ...base, [k]: base[k] + 1n });
      expect(cachedDataFor(cacheOf(fp), other), k).toBeUndefined();
    }
    // Times before 1970 and inodes past 2^63 (Windows file ids) still make a fingerprint.
    expect(fingerprint({ ...base, mtimeNs: -5n, ino: 2n ** 64n - 1n }).length).toBe(FINGERPRINT_BYTES);
  });
});
