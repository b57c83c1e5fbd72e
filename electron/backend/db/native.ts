import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * better-sqlite3's compiled addon, found once by its path (issue 16). Without this option better-sqlite3 finds it with
 * the `bindings` package, which reads a stack trace to find its caller and then tries a dozen candidate paths: 5–10 ms
 * of every start of the browser host. Here: the package's own build/Release/better_sqlite3.node, if it is there —
 * where npm's install (prebuilt or compiled) puts it. Under Electron (whose packaged app keeps the addon beside the
 * asar archive) nothing is given and better-sqlite3 looks it up as it always did.
 *
 * Under Node, when the file is elsewhere, its path is found here with the package's own `bindings` lookup rooted at
 * the package, which is what better-sqlite3 does by itself: the browser host's bundle (start-app.cjs) carries
 * better-sqlite3's JavaScript, and that copy's own lookup would search from the bundle's folder instead of the
 * package's (scripts/build.mjs).
 */
let found: { nativeBinding?: string } | undefined;

export function addonOption(): { nativeBinding?: string } {
  if (found === undefined) {
    let option: { nativeBinding?: string } = {};
    if (!process.versions.electron) {
      let packageJson: string | null = null;
      try {
        packageJson = require.resolve('better-sqlite3-multiple-ciphers/package.json');
      } catch {
        /* not resolvable from here: the default lookup */
      }
      if (packageJson) {
        const dir = path.dirname(packageJson);
        const file = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
        if (fs.existsSync(file)) option = { nativeBinding: file };
        else {
          // `path: true`: the file bindings would load, not loaded. Throws as better-sqlite3 itself would (the paths
          // tried, in its message) when the addon is nowhere.
          const bindings = createRequire(packageJson)('bindings') as (opts: { bindings: string; module_root: string; path: true }) => string;
          option = { nativeBinding: bindings({ bindings: 'better_sqlite3.node', module_root: dir, path: true }) };
        }
      }
    }
    found = option;
  }
  return found;
}
