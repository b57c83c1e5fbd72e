import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3's compiled addon, found once by its path (issue 16). Without this option better-sqlite3 finds it with
 * the `bindings` package, which reads a stack trace to find its caller and then tries a dozen candidate paths: 5–10 ms
 * of every start of the browser host. Here: the package's own build/Release/better_sqlite3.node, if it is there —
 * where npm's install (prebuilt or compiled) puts it. Under Electron (whose packaged app keeps the addon beside the
 * asar archive) nothing is given and better-sqlite3 looks it up as it always did.
 *
 * The package is looked for as Node's `require` looks first, in the node_modules folders from here up — by hand: the
 * first require.resolve of a start is ~1 ms of Node's resolver (package scopes, realpath) that this does not need.
 * Anywhere else (NODE_PATH, a global folder) require.resolve finds it.
 *
 * Under Node, when the addon is not in build/Release, its path is found with the package's own `bindings` lookup rooted
 * at the package, which is what better-sqlite3 does by itself: the browser host's bundle (start-app.cjs) carries
 * better-sqlite3's JavaScript, and that copy's own lookup would search from the bundle's folder instead of the
 * package's (scripts/build.mjs).
 */
const PACKAGE = 'better-sqlite3-multiple-ciphers';
const ADDON = path.join('build', 'Release', 'better_sqlite3.node');

let found: { nativeBinding?: string } | undefined;

/** The package's folder in the nearest node_modules from `from` up, or null. */
function nearestPackage(from: string): string | null {
  for (let dir = from; ; ) {
    const candidate = path.join(dir, 'node_modules', PACKAGE);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export function addonOption(): { nativeBinding?: string } {
  if (found === undefined) {
    let option: { nativeBinding?: string } = {};
    if (!process.versions.electron) {
      let dir = nearestPackage(__dirname);
      if (!dir) {
        try {
          dir = path.dirname(require.resolve(`${PACKAGE}/package.json`));
        } catch {
          /* not resolvable from here: the default lookup */
        }
      }
      if (dir) {
        const file = path.join(dir, ADDON);
        if (fs.existsSync(file)) option = { nativeBinding: file };
        else {
          // `path: true`: the file bindings would load, not loaded. Throws as better-sqlite3 itself would (the paths
          // tried, in its message) when the addon is nowhere.
          // node:module only here: loading it at start costs ~0.4 ms (its ESM loader) that the usual case does not need.
          const { createRequire } = process.getBuiltinModule('node:module');
          const bindings = createRequire(path.join(dir, 'package.json'))('bindings') as (opts: { bindings: string; module_root: string; path: true }) => string;
          option = { nativeBinding: bindings({ bindings: 'better_sqlite3.node', module_root: dir, path: true }) };
        }
      }
    }
    found = option;
  }
  return found;
}
