import type { Database } from 'better-sqlite3-multiple-ciphers';
import { nodeCrypto } from '../../node-crypto';

/** What every service gets: the database (through repositories), a clock and an id source, so tests can fix both. */
export interface ServiceContext {
  db: Database;
  now: () => Date;
  newId: () => string;
  /**
   * Who is working, as recorded with flags: the officer's name from the settings ('' until given). Never the
   * operating-system account, which says nothing to a reader of the redaction record.
   */
  user: string;
}

export function defaultContext(db: Database): ServiceContext {
  return { db, now: () => new Date(), newId: () => nodeCrypto().randomUUID(), user: '' };
}

export const iso = (d: Date) => d.toISOString();
