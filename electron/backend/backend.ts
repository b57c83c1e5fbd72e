import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { AppInfo } from '../../shared/contract/core';
import fs from 'node:fs';
import { closeDatabase, DB_FILE_NAME, LATEST_SCHEMA_VERSION, openDatabase } from './db/connection';
import { FILE_MODE, fileIdentity } from './db/data-file';
import { createDispatcher, type Dispatch, type DispatchLogger, type Handlers, type OutputChecks } from './dispatch';
import { coreHandlers } from './handlers/core';
import { exportsHandlers } from './handlers/exports';
import { flagsHandlers } from './handlers/flags';
import { minutesHandlers } from './handlers/minutes';
import { procedureHandlers } from './handlers/procedure';
import { backupHandlers } from './handlers/backup';
import { changeCount } from './db/backup';
import { AUTO_BACKUP_MINUTES, BackupStore } from './services/backup-service';
import { AppError } from '../../shared/errors';
import type { BackupInfo, RestoreResult } from '../../shared/contract/backup';
import { DataFileError } from './db/data-file';
import { searchHandlers } from './handlers/search';
import { trashHandlers } from './handlers/trash';
import { registerHandlers } from './handlers/register';
import { defaultContext, type ServiceContext } from './services/context';
import { ExampleService } from './services/example-service';
import { MeetingsService } from './services/meetings-service';
import { MembersService } from './services/members-service';
import { SearchService } from './services/search-service';
import { TrashService } from './services/trash-service';
import { createConfSettings, type SettingsStore } from './settings';

export const APP_NAME = 'Taskforce Secretariat';
export const APP_VERSION = '0.1.0';

export interface BackendOptions {
  /** Folder that holds the data file (Electron: userData; browser host: --data-dir). */
  dataDir: string;
  host: AppInfo['host'];
  /** Tests fix the clock and ids. */
  context?: Partial<Omit<ServiceContext, 'db'>>;
  log?: DispatchLogger;
  /** How answers are checked (dispatch.ts): 'all' (default: tests, development) or 'production' (the hosts). */
  outputChecks?: OutputChecks;
  /** Per-user settings; default: conf in dataDir (Electron passes electron-store). */
  settings?: SettingsStore;
  /**
   * Automatic backups (every 10 minutes while there are changes, and on close). The hosts turn them on; tests that
   * do not test backups leave them off.
   */
  autoBackup?: boolean;
  /** When the data file cannot be opened and a good backup exists: start anyway, offering only the restore. */
  recoverFromBackup?: boolean;
}

interface Session {
  db: Database;
  ctx: ServiceContext;
  services: { members: MembersService; meetings: MeetingsService; example: ExampleService; search: SearchService; trash: TrashService };
  dispatch: Dispatch;
  identity: string | null;
  changesAtBackup: number;
}

/**
 * The host-independent application: one SQLite file, the services, and the dispatcher that both hosts call.
 * Never imports 'electron'. A restore swaps the whole session (connection, services, handlers) behind the same
 * `dispatch`, so the hosts keep the function they were given.
 */
export class Backend {
  readonly dbFile: string;
  readonly dispatch: Dispatch;
  readonly settings: SettingsStore;
  readonly backups: BackupStore;
  private session: Session | null = null;
  /** Why the data file could not be opened at start (recovery mode: only backup calls work). */
  private damage: DataFileError | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: BackendOptions) {
    this.dbFile = path.join(opts.dataDir, DB_FILE_NAME);
    this.backups = new BackupStore(opts.dataDir, LATEST_SCHEMA_VERSION, () => opts.context?.now?.() ?? new Date());
    try {
      this.session = this.openSession();
    } catch (err) {
      // A damaged data file with a good backup to offer: start in recovery mode; otherwise refuse to start.
      if (!(opts.recoverFromBackup && err instanceof DataFileError && err.problem !== 'in_use' && this.backups.newestGood())) throw err;
      this.damage = err;
    }
    this.settings = opts.settings ?? createConfSettings(opts.dataDir);
    // The data file must still be the one opened, before a call runs and again before its answer is given: a save
    // into a deleted or replaced file would be acknowledged and then lost at the next start.
    this.dispatch = async (name, raw) => {
      const s = this.session;
      if (!s) return this.recoveryDispatch(name, raw);
      if (this.lost || this.dataFileGone()) return this.refuseLost(name, raw);
      const result = await s.dispatch(name, raw);
      if (this.dataFileGone()) return this.refuseLost(name, raw);
      return result;
    };
    if (opts.autoBackup) {
      this.timer = setInterval(() => this.autoBackup(), AUTO_BACKUP_MINUTES * 60_000);
      this.timer.unref();
    }
  }

  private openSession(): Session {
    const db = openDatabase(this.dbFile);
    const ctx = { ...defaultContext(db), ...this.opts.context };
    if (this.opts.context?.user === undefined) {
      // The officer's name is read when a flag is recorded, so a name given in the app counts from then on.
      Object.defineProperty(ctx, 'user', { get: () => this.settings.get().officerName, enumerable: true });
    }
    const meetings = new MeetingsService(ctx);
    const members = new MembersService(ctx);
    const search = new SearchService(ctx, meetings);
    const services = { members, meetings, example: new ExampleService(ctx, meetings), search, trash: new TrashService(ctx, { meetings, members, search }) };
    const session: Session = { db, ctx, services, dispatch: async () => ({ ok: false, error: { code: 'internal', message: 'starting' } }), identity: fileIdentity(this.dbFile), changesAtBackup: 0 };
    this.session = session; // the handler factories read ctx and services from this backend
    const handlers: Handlers = {
      ...coreHandlers(this),
      ...minutesHandlers(this),
      ...flagsHandlers(this),
      ...exportsHandlers(this),
      ...backupHandlers(this),
      ...searchHandlers(this),
      ...trashHandlers(this),
      ...registerHandlers(this),
      ...procedureHandlers(this),
    };
    session.dispatch = createDispatcher(handlers, this.opts.log, this.opts.outputChecks ?? 'all');
    session.changesAtBackup = changeCount(db);
    return session;
  }

  private get open(): Session {
    if (!this.session) throw this.damage ?? new AppError('storage', 'The data file is not open.');
    return this.session;
  }
  get db(): Database {
    return this.open.db;
  }
  get ctx(): ServiceContext {
    return this.open.ctx;
  }
  get services(): Session['services'] {
    return this.open.services;
  }

  /** In recovery mode: the backup calls and app.info answer; everything else says what is wrong. */
  private recoveryDispatch: Dispatch = (() => {
    let d: Dispatch | null = null;
    return (name, raw) => {
      d ??= createDispatcher(
        new Proxy({} as Handlers, {
          get: (_t, key) => {
            const own = (backupHandlers(this) as Record<string, unknown>)[key as string];
            if (own) return own;
            if (key === 'app.info') return () => this.info();
            return () => {
              throw this.damage!;
            };
          },
        }),
        this.opts.log,
      );
      return d(name, raw);
    };
  })();

  /** What the backup calls report at start: the damage, if any. */
  damaged(): { message: string; file: string } | null {
    return this.damage ? { message: this.damage.message, file: this.damage.file } : null;
  }

  /** Back up now (also what the timer and close do when there are changes). */
  backupNow(kind: BackupInfo['kind'] = 'manual'): BackupInfo {
    const s = this.open;
    if (this.lost) throw new AppError('storage', 'The data file was deleted or replaced; no backup was made from it.');
    const changes = changeCount(s.db);
    const info = this.backups.write(s.db, kind);
    s.changesAtBackup = changes;
    return info;
  }

  private hasChangesSinceBackup(): boolean {
    return !!this.session && changeCount(this.session.db) !== this.session.changesAtBackup;
  }

  /** Every 10 minutes: a backup only if something changed since the last one. Never throws (a timer). */
  autoBackup(): BackupInfo | null {
    try {
      if (!this.hasChangesSinceBackup() || this.lost) return null;
      return this.backupNow('auto');
    } catch (err) {
      this.opts.log?.error('Automatic backup failed', err);
      return null;
    }
  }

  /**
   * Restore: the backup is checked first (a damaged or empty one is refused and nothing changes); the current data
   * file is closed and kept aside in the backups folder; the backup is put in place and opened.
   */
  restore(name: string): RestoreResult {
    this.backups.check(name);
    const restored = this.backups.list().find((b) => b.name === name);
    if (!restored) throw new AppError('not_found', 'There is no such backup.');
    if (this.session) {
      if (this.session.db.open) closeDatabase(this.session.db, this.dbFile);
      this.session = null;
    }
    const keptAside = this.backups.keepAside(this.dbFile);
    this.backups.putInPlace(name, this.dbFile);
    this.lost = null;
    try {
      this.session = this.openSession();
    } catch (err) {
      // Should not happen (the backup was checked): put the previous file back rather than leave nothing.
      fs.renameSync(keptAside, this.dbFile);
      this.session = this.openSession();
      throw err;
    }
    this.damage = null;
    return { restored, keptAside };
  }

  private lost: { recoveryFile: string | null; callsFile: string } | null = null;

  /** True (once, then for good) when the data file was deleted or replaced under the running app. */
  private dataFileGone(): boolean {
    if (this.lost) return true;
    if (!this.session || fileIdentity(this.dbFile) === this.session.identity) return false;
    const stamp = this.ctx.now().toISOString().replace(/[:.]/g, '-');
    const base = path.join(this.opts.dataDir, `recovery-${stamp}`);
    let recoveryFile: string | null = `${base}.sqlite3`;
    try {
      // The open connection still reads the old file: everything acknowledged so far is copied out of it.
      this.db.prepare('VACUUM INTO ?').run(recoveryFile);
      fs.chmodSync(recoveryFile, FILE_MODE);
    } catch (err) {
      this.opts.log?.error('Could not write the recovery copy', err);
      recoveryFile = null;
    }
    this.lost = { recoveryFile, callsFile: `${base}-changes.jsonl` };
    return true;
  }

  /** Refuses the call and keeps its input (what the officer typed) in the recovery folder. */
  private refuseLost(name: string, raw: unknown): { ok: false; error: { code: 'storage'; message: string; details: unknown } } {
    const lost = this.lost!;
    let kept = false;
    if (!/\.(get|list|info|status|preview|search)$/.test(name)) {
      try {
        fs.appendFileSync(lost.callsFile, JSON.stringify({ at: new Date().toISOString(), call: name, input: raw }) + '\n', { mode: FILE_MODE });
        kept = true;
      } catch (err) {
        this.opts.log?.error('Could not write the recovery file', err);
      }
    }
    const saved = lost.recoveryFile ? `Everything saved before is in ${lost.recoveryFile}. ` : '';
    const thisChange = kept ? `This change was written to ${lost.callsFile} instead. ` : '';
    return {
      ok: false,
      error: {
        code: 'storage',
        message:
          `The data file ${this.dbFile} was deleted or replaced while the app was running, so this change was NOT saved to it. ${saved}${thisChange}` +
          'Keep this window open, copy anything you still need, then quit and put the recovery file in place of the data file (or ask IT).',
        details: { problem: 'lost', file: this.dbFile, recoveryFile: lost.recoveryFile, changesFile: kept ? lost.callsFile : null },
      },
    };
  }

  info(): AppInfo {
    return { name: APP_NAME, version: APP_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, host: this.opts.host, dataPath: this.dbFile };
  }

  /** A clean close (WAL checkpointed, checksum written), unless the file was lost: then only the handle is released. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const s = this.session;
    if (!s || !s.db.open) return;
    if (this.lost || fileIdentity(this.dbFile) !== s.identity) return void s.db.close();
    // On quit, a last backup when something changed since the previous one.
    if (this.opts.autoBackup) this.autoBackup();
    closeDatabase(s.db, this.dbFile);
  }
}
