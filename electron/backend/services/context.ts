import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import os from 'node:os';

/** What every service gets: the database (through repositories), a clock and an id source, so tests can fix both. */
export interface ServiceContext {
  db: Database;
  now: () => Date;
  newId: () => string;
  /** Who is working: the operating-system account (recorded with flags; several officers will co-edit later). */
  user: string;
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

export function defaultContext(db: Database): ServiceContext {
  return { db, now: () => new Date(), newId: () => randomUUID(), user: osUser() };
}

export const iso = (d: Date) => d.toISOString();
