import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * Base of repositories on the autosave path: each SQL text is prepared once per connection and reused, since a
 * save runs several statements per keystroke pause.
 */
export abstract class PreparedRepo {
  private readonly cache = new Map<string, Statement>();
  constructor(protected readonly db: Database) {}

  protected stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}
