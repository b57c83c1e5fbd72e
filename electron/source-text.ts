import { isAscii } from 'node:buffer';

/**
 * A bundle's bytes as JavaScript source text. The built bundles are ASCII (esbuild escapes other characters in strings;
 * test/packaging/start-loader.test.ts checks start-app.cjs), and ASCII bytes read as Latin-1 are the same text: decoding
 * them so takes about half the time of UTF-8 (~1.5 ms of the browser host's start for start-app.cjs, issue 16). Any
 * other byte and the bytes are decoded as UTF-8, as before.
 */
export function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
