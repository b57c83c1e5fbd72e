import { systemRandomBytes } from '../node-crypto';

const TOKEN_BYTES = 24;

/** A new launch token of the browser host: 24 random bytes (node-crypto.ts, systemRandomBytes) as base64url (32 characters). */
export function newLaunchToken(readDevice?: (n: number) => Buffer | null): string {
  return systemRandomBytes(TOKEN_BYTES, readDevice).toString('base64url');
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
