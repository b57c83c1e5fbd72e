import fs from 'node:fs';

/**
 * node:crypto, loaded when it is first used instead of when the backend is loaded (issue 16). Loading it takes ~5 ms,
 * and the browser host's start up to its first answer needs none of it: ids, hashes and ciphers are made later, the
 * launch token and a new key file's key come from the system's random source (systemRandomBytes below), and the code
 * cache's check needs no digest (start-loader.ts). Everything in `electron/` that uses node:crypto takes it from here;
 * a test fails on a static import of it (test/unit/layering.test.ts).
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}

/**
 * `n` random bytes from the system's random source without loading node:crypto (~5 ms, issue 16): on Linux and macOS
 * from the kernel's /dev/urandom (what node:crypto's generator is seeded from); on Windows, or if the device cannot be
 * read or is not the character device it should be, from node:crypto. Reading the device takes ~0.3 ms. `readDevice`
 * is for tests.
 */
export function systemRandomBytes(n: number, readDevice: (n: number) => Buffer | null = readUrandom): Buffer {
  return (process.platform === 'win32' ? null : readDevice(n)) ?? nodeCrypto().randomBytes(n);
}

function readUrandom(n: number): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync('/dev/urandom', 'r');
  } catch {
    return null;
  }
  try {
    if (!fs.fstatSync(fd).isCharacterDevice()) return null;
    const bytes = Buffer.alloc(n);
    for (let got = 0; got < n; ) {
      const read = fs.readSync(fd, bytes, got, n - got, null);
      if (read <= 0) return null;
      got += read;
    }
    return bytes;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
