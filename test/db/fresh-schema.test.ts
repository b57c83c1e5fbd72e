import type { Database } from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, DB_FILE_NAME, LATEST_SCHEMA_VERSION, openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { freshSchemaOf } from '../../electron/backend/db/fresh-schema';
import { MIGRATIONS } from '../../electron/backend/db/migrations/index';
import type { SearchOutput } from '../../shared/contract/search';
import { TEST_KEY, testKeyFile } from '../helpers/key';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { content, fullMeeting } from './trash-fixture';

/** Everything a data file holds but its page layout: each schema object's SQL, every row (with its rowid) of every table, the version. */
function contentOf(db: Database) {
  const objects = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`).all() as Array<{ type: string; name: string }>;
  const rows: Record<string, unknown[]> = {};
  const tables = db.prepare(`SELECT name, wr FROM pragma_table_list WHERE type IN ('table', 'shadow') AND schema = 'main' AND name != 'sqlite_schema'`).all() as Array<{ name: string; wr: number }>;
  for (const t of tables) {
    const q = `"${t.name.replace(/"/g, '""')}"`;
    const all = db.prepare(t.wr ? `SELECT * FROM ${q}` : `SELECT rowid, * FROM ${q}`).raw().all();
    rows[t.name] = all.map((r) => JSON.stringify(r)).sort();
  }
  return { objects, rows, version: schemaVersion(db) };
}

function open(freshSchema: ReturnType<typeof freshSchemaOf> | null) {
  const file = path.join(tempDir(), 'data.sqlite3');
  return { file, db: openDatabase(file, { key: TEST_KEY, freshSchema }) };
}

describe("a new data file made from the build's script of the migrations (fresh-schema.ts)", () => {
  it('holds exactly what running every migration on it holds: every schema object, every row, the version', () => {
    const script = freshSchemaOf(MIGRATIONS);
    expect(script.version).toBe(LATEST_SCHEMA_VERSION);
    const migrated = open(null);
    const made = open(script);
    const a = contentOf(migrated.db);
    const b = contentOf(made.db);
    expect(a.objects.length).toBeGreaterThan(50);
    expect(Object.keys(a.rows)).toContain('search_fts_config'); // the virtual table's own tables are compared too
    expect(b).toEqual(a);
    for (const { db } of [migrated, made]) {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL once created
    }
    closeDatabase(migrated.db, migrated.file);
    closeDatabase(made.db, made.file);
  });

  it('works as a migrated file does: the same calls on each leave the same content (search index, records, attendance)', async () => {
    const made = path.join(tempDir(), DB_FILE_NAME);
    closeDatabase(openDatabase(made, { key: TEST_KEY, freshSchema: freshSchemaOf(MIGRATIONS) }), made);
    const fromScript = makeBackend({ dataDir: path.dirname(made) });
    const migrated = makeBackend();
    for (const b of [fromScript, migrated]) await fullMeeting(b);
    // search_sections holds a per-process counter in a tag (the same in both but for its number): left out.
    expect(content(fromScript, ['search_sections'])).toEqual(content(migrated, ['search_sections']));
    expect((await call<SearchOutput>(fromScript, 'search.query', { query: 'quorum' })).hits.length).toBeGreaterThan(0);
  });

  it('is used only for a new file at the last version: an existing file, or a test stopping earlier, runs the migrations', () => {
    const script = freshSchemaOf(MIGRATIONS);
    const file = path.join(tempDir(), 'data.sqlite3');
    const early = openDatabase(file, { key: TEST_KEY, freshSchema: script, targetVersion: 5 });
    expect(schemaVersion(early)).toBe(5);
    closeDatabase(early, file);
    const later = openDatabase(file, { key: TEST_KEY, freshSchema: script });
    expect(schemaVersion(later)).toBe(LATEST_SCHEMA_VERSION);
    const reference = open(null);
    expect(contentOf(later).objects).toEqual(contentOf(reference.db).objects);
    closeDatabase(later, file);
    closeDatabase(reference.db, reference.file);
    // A script of another version is never used: the migrations run.
    const stale = open({ version: LATEST_SCHEMA_VERSION - 1, sql: 'CREATE TABLE wrong (x INTEGER);' });
    expect(stale.db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'wrong'`).pluck().get()).toBe(0);
    closeDatabase(stale.db, stale.file);
  });

  const START = path.resolve(__dirname, '../../dist/electron/start.cjs');
  it.skipIf(!fs.existsSync(START))("the built browser host's new data file equals a migrated one (the script in start-app.cjs is this version's)", async () => {
    const dataDir = path.join(tempDir(), 'data');
    const child = spawn(process.execPath, [START, '--browser', '--port', '0', '--data-dir', dataDir, '--key-file', testKeyFile(dataDir)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/Data: /.test(out)) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the host exited with ${code}: ${out}`)));
    });
    await new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    const file = path.join(dataDir, DB_FILE_NAME);
    const hosted = openDatabase(file, { key: TEST_KEY });
    const reference = open(null);
    expect(contentOf(hosted)).toEqual(contentOf(reference.db));
    closeDatabase(hosted, file);
    closeDatabase(reference.db, reference.file);
  });
});
