import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Everything a record holds, found through the schema's own foreign keys: the record, every row that cascades from
 * it (recursively), and the rows that merely point at it (ON DELETE SET NULL) so the links can be put back. Used by
 * the trash (a deleted meeting, agenda item or organisation is kept as such a dump) and by meeting packages.
 * Reading the schema rather than listing tables means a table another feature adds later comes along by itself.
 */
export type Row = Record<string, unknown>;

export interface Relink {
  table: string;
  /** The referencing row's primary key (column → value). */
  key: Row;
  column: string;
  value: unknown;
}

export interface Dump {
  root: { table: string; id: string };
  /** Rows per table, each with every column. */
  tables: Record<string, Row[]>;
  relinks: Relink[];
}

interface ForeignKey {
  child: string;
  parent: string;
  from: string;
  to: string;
  onDelete: string;
}

interface TableInfo {
  name: string;
  columns: Array<{ name: string; notnull: boolean; pk: number; type: string }>;
  /** Primary-key columns in order ('rowid' for a table without one). */
  pk: string[];
}

/** Derived data rebuilt on restore (the search index), and the keepers of dumps themselves. */
export const NOT_DUMPED = new Set(['search_docs', 'search_sections', 'search_pending', 'trash', 'example_data']);

export class GraphRepo {
  private schemaCache: { tables: Map<string, TableInfo>; fks: ForeignKey[] } | null = null;
  constructor(private readonly db: Database) {}

  schema(): { tables: Map<string, TableInfo>; fks: ForeignKey[] } {
    if (this.schemaCache) return this.schemaCache;
    const names = this.db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`)
      .pluck()
      .all() as string[];
    // FTS5 shadow tables are ordinary tables named after their virtual table.
    const virtuals = this.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).pluck().all() as string[];
    const real = names.filter((n) => !virtuals.some((v) => n.startsWith(`${v}_`)));
    const tables = new Map<string, TableInfo>();
    const fks: ForeignKey[] = [];
    for (const name of real) {
      const cols = this.db.prepare(`SELECT name, "notnull" AS nn, pk, type FROM pragma_table_info(?)`).all(name) as Array<{ name: string; nn: number; pk: number; type: string }>;
      const pk = cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      tables.set(name, { name, columns: cols.map((c) => ({ name: c.name, notnull: c.nn === 1, pk: c.pk, type: c.type.toUpperCase() })), pk: pk.length ? pk : ['rowid'] });
      const list = this.db.prepare(`SELECT "table" AS parent, "from", "to", on_delete AS onDelete FROM pragma_foreign_key_list(?)`).all(name) as Array<{
        parent: string;
        from: string;
        to: string | null;
        onDelete: string;
      }>;
      for (const f of list) fks.push({ child: name, parent: f.parent, from: f.from, to: f.to ?? 'id', onDelete: f.onDelete.toUpperCase() });
    }
    this.schemaCache = { tables, fks };
    return this.schemaCache;
  }

  /** Whether a table of this schema holds a row with this primary key (single-column keys). */
  exists(table: string, id: string): boolean {
    const t = this.schema().tables.get(table);
    if (!t || t.pk.length !== 1) return false;
    return this.db.prepare(`SELECT 1 FROM "${table}" WHERE "${t.pk[0]}" = ?`).get(id) !== undefined;
  }

  /** The record `id` of `table` with everything that would be deleted with it, and the links to it that would be cut. */
  dump(table: string, id: string): Dump {
    const { tables, fks } = this.schema();
    const out: Record<string, Row[]> = {};
    const seen = new Map<string, Set<string>>();
    const keyOf = (t: string, r: Row) => JSON.stringify(tables.get(t)!.pk.map((c) => r[c]));
    const add = (t: string, rows: Row[]): Row[] => {
      const s = seen.get(t) ?? new Set<string>();
      seen.set(t, s);
      const fresh = rows.filter((r) => {
        const k = keyOf(t, r);
        if (s.has(k)) return false;
        s.add(k);
        return true;
      });
      if (fresh.length) (out[t] ??= []).push(...fresh);
      return fresh;
    };
    const rootInfo = tables.get(table);
    if (!rootInfo) throw new Error(`unknown table ${table}`);
    const queue: Array<{ table: string; rows: Row[] }> = [{ table, rows: add(table, this.db.prepare(`SELECT * FROM "${table}" WHERE "${rootInfo.pk[0]}" = ?`).all(id) as Row[]) }];
    const relinks: Relink[] = [];
    while (queue.length) {
      const { table: parent, rows } = queue.shift()!;
      if (rows.length === 0) continue;
      for (const fk of fks.filter((f) => f.parent === parent && !NOT_DUMPED.has(f.child))) {
        const values = [...new Set(rows.map((r) => r[fk.to]).filter((v) => v !== null && v !== undefined))];
        if (values.length === 0) continue;
        const children: Row[] = [];
        for (let i = 0; i < values.length; i += 500) {
          const chunk = values.slice(i, i + 500);
          children.push(...(this.db.prepare(`SELECT * FROM "${fk.child}" WHERE "${fk.from}" IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as Row[]));
        }
        if (fk.onDelete === 'CASCADE') queue.push({ table: fk.child, rows: add(fk.child, children) });
        else if (fk.onDelete === 'SET NULL') {
          const pk = tables.get(fk.child)!.pk;
          for (const c of children) relinks.push({ table: fk.child, key: Object.fromEntries(pk.map((k) => [k, c[k]])), column: fk.from, value: c[fk.from] });
        }
      }
    }
    // A relink inside the dump itself is restored with its row.
    const inside = (r: Relink) => (seen.get(r.table)?.has(JSON.stringify(tables.get(r.table)!.pk.map((c) => r.key[c]))) ?? false);
    return { root: { table, id }, tables: out, relinks: relinks.filter((r) => !inside(r)) };
  }

  /**
   * Writes a dump back (inside the caller's transaction). Foreign keys are checked at commit (defer_foreign_keys), so
   * rows go in in any order. A link to a record outside the dump that no longer exists is cleared where the column
   * allows it; otherwise `missingParent` explains why the restore cannot proceed. Returns the rows written per table.
   */
  restore(
    dump: Dump,
    missingParent: (fk: { table: string; column: string; parent: string; value: unknown }) => Error,
    opts: { renumber?: boolean } = {},
  ): Record<string, number> {
    const { tables, fks } = this.schema();
    this.db.pragma('defer_foreign_keys = ON');
    const written: Record<string, number> = {};
    const inDump = (table: string, column: string, value: unknown) => (dump.tables[table] ?? []).some((r) => r[column] === value);
    // Numbered rows (INTEGER PRIMARY KEY, e.g. meeting events) from another database get numbers of this one; the
    // rows pointing at them follow. Tables that are renumbered go first so their new numbers are known.
    const numbered = (t: string) => {
      const info = tables.get(t);
      return !!opts.renumber && !!info && info.pk.length === 1 && info.columns.find((c) => c.name === info.pk[0])?.type === 'INTEGER';
    };
    const renumbered = new Map<string, Map<unknown, number>>();
    const order = Object.keys(dump.tables).sort((a, b) => Number(numbered(b)) - Number(numbered(a)));
    for (const table of order) {
      const rows = dump.tables[table]!;
      const info = tables.get(table);
      if (!info || NOT_DUMPED.has(table)) throw new Error(`unknown table ${table}`);
      const known = new Set(info.columns.map((c) => c.name));
      const outward = fks.filter((f) => f.child === table);
      for (const row of rows) {
        const r: Row = {};
        for (const [k, v] of Object.entries(row)) {
          if (!known.has(k)) throw new Error(`unknown column ${table}.${k}`);
          r[k] = v;
        }
        for (const fk of outward) {
          const v = r[fk.from];
          if (v === null || v === undefined) continue;
          const map = renumbered.get(fk.parent);
          if (map && map.has(v)) {
            r[fk.from] = map.get(v);
            continue;
          }
          if (inDump(fk.parent, fk.to, v)) continue;
          const present = this.db.prepare(`SELECT 1 FROM "${fk.parent}" WHERE "${fk.to}" = ?`).get(v) !== undefined;
          if (present) continue;
          const col = info.columns.find((c) => c.name === fk.from)!;
          // From another database (renumber), a link to a kind of record the dump itself holds must be in it.
          if (col.notnull || (opts.renumber && dump.tables[fk.parent])) throw missingParent({ table, column: fk.from, parent: fk.parent, value: v });
          r[fk.from] = null;
        }
        const old = numbered(table) ? r[info.pk[0]!] : undefined;
        if (numbered(table)) delete r[info.pk[0]!];
        const cols = Object.keys(r);
        const res = this.db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => r[c]));
        if (numbered(table)) {
          const map = renumbered.get(table) ?? new Map<unknown, number>();
          map.set(old, Number(res.lastInsertRowid));
          renumbered.set(table, map);
        }
        written[table] = (written[table] ?? 0) + 1;
      }
    }
    for (const l of dump.relinks) {
      const info = tables.get(l.table);
      if (!info || !info.columns.some((c) => c.name === l.column)) continue;
      const keys = Object.keys(l.key);
      if (!keys.every((k) => info.pk.includes(k))) continue;
      this.db
        .prepare(`UPDATE "${l.table}" SET "${l.column}" = ? WHERE ${keys.map((k) => `"${k}" = ?`).join(' AND ')} AND "${l.column}" IS NULL`)
        .run(l.value, ...keys.map((k) => l.key[k]));
    }
    return written;
  }

  /** Rows of the dump whose primary key already exists in the database (what an import or restore would collide with). */
  collisions(dump: Dump, opts: { renumber?: boolean } = {}): Array<{ table: string; key: string }> {
    const { tables } = this.schema();
    const out: Array<{ table: string; key: string }> = [];
    for (const [table, rows] of Object.entries(dump.tables)) {
      const info = tables.get(table);
      if (!info || info.pk[0] === 'rowid') continue;
      if (opts.renumber && info.pk.length === 1 && info.columns.find((c) => c.name === info.pk[0])?.type === 'INTEGER') continue;
      const sql = `SELECT 1 FROM "${table}" WHERE ${info.pk.map((k) => `"${k}" = ?`).join(' AND ')}`;
      for (const r of rows) if (this.db.prepare(sql).get(...info.pk.map((k) => r[k])) !== undefined) out.push({ table, key: info.pk.map((k) => String(r[k])).join('/') });
    }
    return out;
  }

  deleteRoot(table: string, id: string): number {
    const info = this.schema().tables.get(table)!;
    return this.db.prepare(`DELETE FROM "${table}" WHERE "${info.pk[0]}" = ?`).run(id).changes;
  }

  /** A stable digest input of every table's content (tests and the import's "nothing changed" check). */
  contentRows(): Array<{ table: string; rows: unknown[] }> {
    const { tables } = this.schema();
    return [...tables.keys()].sort().map((t) => ({ table: t, rows: this.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all() }));
  }
}
