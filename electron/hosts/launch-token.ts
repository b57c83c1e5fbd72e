import fs from 'node:fs';
import { nodeCrypto } from '../node-crypto';

const TOKEN_BYTES = 24;

/**
 * A new launch token of the browser host: 24 random bytes as base64url (32 characters). On Linux and macOS the bytes
 * come from the kernel's random source (/dev/urandom, which node:crypto's generator is seeded from); on Windows, or if
 * the device cannot be read or is not the character device it should be, from node:crypto. Reading the device takes
 * ~0.3 ms; loading node:crypto for its randomBytes took ~5 ms of every start of the browser host (issue 16).
 */
export function newLaunchToken(readDevice: (n: number) => Buffer | null = readUrandom): string {
  const bytes = (process.platform === 'win32' ? null : readDevice(TOKEN_BYTES)) ?? nodeCrypto().randomBytes(TOKEN_BYTES);
  return bytes.toString('base64url');
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

/**
 * Whether an Authorization header carries `token` (`Bearer <token>`). The comparison takes the same time wherever the
 * first differing character is (it visits every byte and never stops early), as node:crypto's timingSafeEqual would,
 * without loading node:crypto for the first call; only the length is compared first, and every token has the same.
 */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
