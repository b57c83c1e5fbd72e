/**
 * node:crypto, loaded when it is first used instead of when the backend is loaded (issue 16). Loading it takes ~5 ms,
 * and the browser host's start up to its first answer needs none of it: ids, hashes and ciphers are made later, the
 * launch token comes from the system's random source (hosts/launch-token.ts), and the code cache's check needs no
 * digest (start-loader.ts). Everything in `electron/` that uses node:crypto takes it from here; a test fails on a
 * static import of it (test/unit/layering.test.ts).
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}
