import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { addonOption } from '../../electron/backend/db/native';

describe("better-sqlite3's addon, given by its path (issue 16)", () => {
  it('under Node it is the package’s build/Release/better_sqlite3.node, found once, and a database opens with it', () => {
    const opt = addonOption();
    expect(opt.nativeBinding).toMatch(/better-sqlite3-multiple-ciphers[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/);
    expect(fs.existsSync(opt.nativeBinding!)).toBe(true);
    // Found by walking up the node_modules folders by hand: the same file Node's resolver finds.
    const resolved = path.join(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');
    expect(fs.realpathSync(opt.nativeBinding!)).toBe(fs.realpathSync(resolved));
    expect(addonOption()).toEqual(opt);
    const db = new BetterSqlite3(':memory:', opt);
    expect(db.prepare('SELECT 1 + 1 AS n').get()).toEqual({ n: 2 });
    db.close();
  });
});
