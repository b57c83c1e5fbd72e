import type { Database } from 'better-sqlite3-multiple-ciphers';

/** A publication hold in force (migration 016): the backup the data was restored from, and when it was placed. */
export interface PublicationHold {
  backupName: string;
  backupCreatedAt: string;
  placedAt: string;
}

export class HoldsRepo {
  constructor(private readonly db: Database) {}

  /** The newest hold not yet released, or null (also for a file made before migration 016: a data file kept aside). */
  current(): PublicationHold | null {
    const table = this.db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'publication_holds'`).get();
    if (!table) return null;
    const row = this.db
      .prepare(
        `SELECT backup_name AS backupName, backup_created_at AS backupCreatedAt, placed_at AS placedAt
           FROM publication_holds WHERE released_at IS NULL ORDER BY id DESC LIMIT 1`,
      )
      .get() as PublicationHold | undefined;
    return row ?? null;
  }

  place(h: PublicationHold): void {
    this.db
      .prepare(`INSERT INTO publication_holds (reason, backup_name, backup_created_at, placed_at) VALUES ('restored_over_unreadable', ?, ?, ?)`)
      .run(h.backupName, h.backupCreatedAt, h.placedAt);
  }

  /** Releases every hold in force, saying when and by whom; the number released. */
  release(at: string, by: string): number {
    return this.db.prepare(`UPDATE publication_holds SET released_at = ?, released_by = ? WHERE released_at IS NULL`).run(at, by).changes;
  }
}
