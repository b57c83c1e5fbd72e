import type { BigIntStats } from 'node:fs';

/** Bytes at the head of a code cache file: the fingerprint of the bundle it was made from (start-loader.ts). */
export const FINGERPRINT_BYTES = 32;

/**
 * The fingerprint of a bundle as the file system describes it: its size, its inode, and its last modification and
 * status change times in nanoseconds. Writing the file again (a build) or editing it gives it another one; the change
 * time moves on any write and no program can set it back. It takes no reading and no digest of the bundle: a SHA-256
 * needed node:crypto, ~5 ms to load, and ~1 ms to hash 390 KB at every start of the browser host (issue 16).
 */
export function fingerprint(st: BigIntStats): Buffer {
  const b = Buffer.alloc(FINGERPRINT_BYTES);
  b.writeBigUInt64LE(BigInt.asUintN(64, st.size), 0);
  b.writeBigUInt64LE(BigInt.asUintN(64, st.ino), 8);
  b.writeBigInt64LE(BigInt.asIntN(64, st.mtimeNs), 16);
  b.writeBigInt64LE(BigInt.asIntN(64, st.ctimeNs), 24);
  return b;
}

/** The compiled code in a code cache file (`file`, its bytes) if it was made from the bundle that has `fp`. */
export function cachedDataFor(file: Buffer, fp: Buffer): Buffer | undefined {
  return file.length > FINGERPRINT_BYTES && file.subarray(0, FINGERPRINT_BYTES).equals(fp) ? file.subarray(FINGERPRINT_BYTES) : undefined;
}
