import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3's compiled addon, found once by its path (issue 16). Without this option better-sqlite3 finds it with
 * the `bindings` package, which reads a stack trace to find its caller and then tries a dozen candidate paths: 5–10 ms
 * of every start of the browser host. Here: the package's own build/Release/better_sqlite3.node, if it is there —
 * where npm's install (prebuilt or compiled) puts it. Anywhere else, and under Electron (whose packaged app keeps the
 * addon beside the asar archive), nothing is given and better-sqlite3 looks it up as it always did.
 */
let found: string | null | undefined;

export function addonOption(): { nativeBinding?: string } {
  if (found === undefined) {
    found = null;
    try {
      if (!process.versions.electron) {
        const file = path.join(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');
        if (fs.existsSync(file)) found = file;
      }
    } catch {
      /* not resolvable from here: the default lookup */
    }
  }
  return found ? { nativeBinding: found } : {};
}
