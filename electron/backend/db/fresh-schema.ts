import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS, type Migration } from './migrations/index';
import { addonOption } from './native';

/**
 * What the migrations make of an empty database, as one SQL script: the browser host creates a new data file from it
 * (issue 16: host start). The migrations stay the only place the schema is written: `npm run build` runs them on an
 * empty in-memory database and writes the result into start-app.cjs (scripts/build.mjs, __TFS_FRESH_SCHEMA__), and
 * test/db/fresh-schema.test.ts checks that a file made from the script equals one made by the migrations (every
 * schema object's SQL, every row, the version). Why: replaying the migrations re-parses the whole schema at each
 * ALTER TABLE and rebuilds tables only to reach their present form — about half of the time spent creating a data file.
 * An existing data file is still migrated migration by migration (connection.ts).
 */
export interface FreshSchema {
  /** The schema version the script makes (PRAGMA user_version). */
  version: number;
  /** The CREATE TABLE statements, then every row the migrations left (INSERTs), then the indexes and triggers. */
  sql: string;
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The script of `migrations` run on an empty database with the pragmas a data file has (foreign keys, secure delete). */
export function freshSchemaOf(migrations: readonly Migration[] = MIGRATIONS): FreshSchema {
  const db = new BetterSqlite3(':memory:', addonOption());
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    let version = 0;
    db.transaction(() => {
      for (const m of migrations) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
        version = m.version;
      }
    })();
    return { version, sql: scriptOf(db) };
  } finally {
    db.close();
  }
}

/**
 * The tables first (not SQLite's own, not the shadow tables a virtual table makes for itself, not the automatic
 * indexes of UNIQUE and PRIMARY KEY constraints: each is made again by its CREATE statement), in the order SQLite
 * recorded them; then the rows of the ordinary tables and of sqlite_sequence as they are at the end, as literals (with
 * their rowids); then
 * the indexes and triggers, so no trigger fires on rows that are already the migrations' final result.
 */
function scriptOf(db: Database): string {
  const list = db.prepare(`SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'`).all() as Array<{ name: string; type: string; wr: number }>;
  const kinds = new Map(list.map((t) => [t.name, t.type]));
  const withoutRowid = new Set(list.filter((t) => t.wr).map((t) => t.name));
  const objects = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid`).all() as Array<{ type: string; name: string; sql: string }>;
  const own = objects.filter((o) => !o.name.startsWith('sqlite_') && kinds.get(o.name) !== 'shadow');
  const tables = own.filter((o) => o.type === 'table');
  const statements = tables.map((o) => `${o.sql};`);
  const withRows = tables.filter((o) => kinds.get(o.name) === 'table').map((o) => o.name);
  if (kinds.has('sqlite_sequence')) withRows.push('sqlite_sequence');
  for (const table of withRows) {
    // With its rowid where it has one: the same rows under the same rowids.
    const columns = [...(withoutRowid.has(table) ? [] : ['rowid']), ...(db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(quoteName)];
    const literals = db.prepare(`SELECT ${columns.map((c) => `quote(${c})`).join(" || ', ' || ")} FROM ${quoteName(table)}`).pluck().all() as string[];
    for (const values of literals) statements.push(`INSERT INTO ${quoteName(table)} (${columns.join(', ')}) VALUES (${values});`);
  }
  for (const o of own) if (o.type !== 'table') statements.push(`${o.sql};`);
  return statements.join('\n');
}
