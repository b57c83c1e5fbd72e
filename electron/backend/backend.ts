import type { Database } from 'better-sqlite3-multiple-ciphers';
import os from 'node:os';
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
import { changeCount, checkBackupFile, readUnchanged, syncFolder, writeBackupFile } from './db/backup';
import { backupWriteError, refuseControlChars } from './backup-file-words';
import type { DataKey } from './db/key';
import { AUTO_BACKUP_MINUTES, BackupStore } from './services/backup-service';
import { AppError } from '../../shared/errors';
import type { BackupInfo, RestoreResult, SavedBackup } from '../../shared/contract/backup';
import { DataFileError } from './db/data-file';
import { searchHandlers } from './handlers/search';
import { trashHandlers } from './handlers/trash';
import { registerHandlers } from './handlers/register';
import { composeServices, type Services } from './services/compose';
import { keepConfidentialityAtRestore, nothingCarried } from './services/carry-confidentiality';
import { carryHold, currentHold, placeHold, releaseHold } from './services/publication-hold';
import { MinutesRepo } from './repositories/minutes-repo';
import type { CarriedConfidentiality } from '../../shared/contract/carried';
import { defaultContext, type ServiceContext } from './services/context';
import { createConfSettings, type SettingsStore } from './settings';

export const APP_NAME = 'Taskforce Secretariat';
export const APP_VERSION = '0.1.0';

/** A fault of reading a damaged file (SQLite's corrupt, not-a-database or read error codes), not of writing. */
const isReadFault = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code);
};

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
  /**
   * The key of the encrypted data file (the hosts always give one: keychain, passphrase or key file). A plain data
   * file is encrypted in place at open, after a verified backup. null/absent: the plain format (tests only).
   */
  key?: DataKey | null;
}

interface Session {
  db: Database;
  ctx: ServiceContext;
  services: Services;
  dispatch: Dispatch;
  identity: string | null;
  /** The log's (-wal) identity, from its first sight (dataFileGone). */
  walIdentity: string | null;
  changesAtBackup: number;
}

/** How long calls must pause before the search index takes in the passages saves have noted. */
export const SEARCH_FLUSH_MS = 1_500;

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
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: BackendOptions) {
    this.dbFile = path.join(opts.dataDir, DB_FILE_NAME);
    this.backups = new BackupStore(opts.dataDir, LATEST_SCHEMA_VERSION, () => opts.context?.now?.() ?? new Date());
    this.backups.key = opts.key ?? null;
    try {
      this.backups.finishInterruptedRestore(this.dbFile);
      this.session = this.openSession();
    } catch (err) {
      // A damaged data file with a good backup to offer: start in recovery mode; otherwise refuse to start. A wrong
      // key is not damage: the backups need the same key, so the officer is sent back to give the right one.
      const notDamage = err instanceof DataFileError && ['in_use', 'wrong_key', 'encrypted'].includes(err.problem);
      const good = opts.recoverFromBackup && err instanceof DataFileError && err.problem !== 'in_use' && err.problem !== 'encrypted' ? this.backups.newestGood() : null;
      if (!good || !(err instanceof DataFileError)) throw err;
      if (notDamage && err.problem !== 'wrong_key') throw err;
      // "Wrong key, or a damaged first page": a backup that opens with this same key proves the key right, so the
      // data file is damaged (its header, the cipher's salt, or its first page).
      this.damage =
        err.problem === 'wrong_key'
          ? new DataFileError('corrupt', this.dbFile, 'cannot be read: its header is damaged (the key that opens its backups does not open it)')
          : err;
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
      this.flushSearchSoon();
      return result;
    };
    if (opts.autoBackup) {
      this.timer = setInterval(() => this.autoBackup(), AUTO_BACKUP_MINUTES * 60_000);
      this.timer.unref();
    }
  }

  private openSession(): Session {
    const key = this.opts.key ?? null;
    const db = openDatabase(this.dbFile, { key, beforeEncrypt: (plain) => void this.backups.writeBeforeEncryption(plain) });
    // No plain copy of the data stays behind: backups made before the data file was encrypted are encrypted too.
    if (key) this.backups.encryptPlainBackups();
    const ctx = { ...defaultContext(db), ...this.opts.context };
    if (this.opts.context?.user === undefined) {
      // The officer's name is read when a flag is recorded, so a name given in the app counts from then on.
      Object.defineProperty(ctx, 'user', { get: () => this.settings.get().officerName, enumerable: true });
    }
    const services = composeServices(ctx);
    const session: Session = { db, ctx, services, dispatch: () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'starting' } }), identity: fileIdentity(this.dbFile), walIdentity: fileIdentity(`${this.dbFile}-wal`), changesAtBackup: 0 };
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

  /** The publication hold in force (services/publication-hold.ts), or null; null in recovery mode (no data open). */
  publicationHold(): { backupCreatedAt: string; placedAt: string } | null {
    if (!this.session) return null;
    const hold = currentHold(this.session.db);
    return hold ? { backupCreatedAt: hold.backupCreatedAt, placedAt: hold.placedAt } : null;
  }

  /** Releases the publication hold: the officer (`by`, their name) has checked the minutes changed since the backup. */
  releaseHold(by: string): void {
    const ctx = this.ctx;
    releaseHold(ctx.db, ctx.now(), by || ctx.user);
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

  /**
   * Back up now to a file the officer chose: written beside it as a .partial file (0600, fsynced, encrypted like the
   * data file, checked), then renamed. An existing file is replaced only when asked and only when it is itself a
   * backup this app can open (never an unrelated file). The mode is checked before success is reported.
   */
  backupTo(dest: string, replace = false): SavedBackup {
    refuseControlChars(dest);
    const s = this.open;
    if (this.lost) throw new AppError('storage', 'The data file was deleted or replaced; no backup was made from it.');
    const file = path.resolve(dest);
    const dir = path.dirname(file);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError('bad_request', `The folder ${dir} does not exist. Choose an existing folder.`);
    if (path.resolve(this.opts.dataDir) === dir || path.resolve(this.backups.folder) === dir)
      throw new AppError('bad_request', 'Choose a folder outside the data folder (the backups there are made automatically).');
    if (fs.existsSync(file)) {
      if (!replace) throw new AppError('conflict', `${file} already exists. Choose another name, or replace it.`);
      try {
        checkBackupFile(file, LATEST_SCHEMA_VERSION, this.opts.key ?? null);
      } catch {
        throw new AppError('conflict', `${file} exists and is not a backup of this app's data, so it was not replaced. Choose another name.`);
      }
    }
    try {
      writeBackupFile(s.db, file, LATEST_SCHEMA_VERSION, this.opts.key ?? null);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw backupWriteError(file, err);
    }
    fs.chmodSync(file, FILE_MODE);
    syncFolder(dir);
    const st = fs.statSync(file);
    const mode = st.mode & 0o777;
    if ((mode & 0o077) !== 0) throw new AppError('storage', `The backup ${file} was written but others can read it (mode ${mode.toString(8)}): delete it or make it private.`);
    return { path: file, bytes: st.size, mode: mode.toString(8).padStart(4, '0') };
  }

  /**
   * Saves only note the passages they changed (migration 013); the search index takes them in when calls pause for
   * SEARCH_FLUSH_MS (and before any query, whatever the timer), so the FTS5 work of a burst of autosaves is done once,
   * off the save. Each call re-arms the timer.
   */
  private flushSearchSoon(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flushSearch();
    }, SEARCH_FLUSH_MS);
    this.flushTimer.unref();
  }

  /** Never throws (a timer): the notes stay, and the next query or flush takes them in. */
  flushSearch(): void {
    try {
      if (!this.session?.db.open || this.lost || this.dataFileGone()) return;
      this.session.services.search.flush();
    } catch (err) {
      this.opts.log?.error('Bringing the search index up to date failed', err);
    }
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
   * file is closed and kept aside in the backups folder; the backup is put in place and opened. Then what the data
   * kept aside knew of confidentiality and the backup does not (flags set, items withheld since) is carried into the
   * restored data, in one transaction (carry-confidentiality.ts): going back in time never makes confidential text
   * public, and the answer says what was kept. The file kept aside is read (through a copy) and never changed. Should the
   * carrying fail, the previous file is put back and the restore refused (fail-closed): nothing changes.
   */
  restore(name: string): RestoreResult {
    this.backups.check(name);
    const restored = this.backups.list().find((b) => b.name === name);
    if (!restored) throw new AppError('not_found', 'There is no such backup.');
    // What can fail for want of space comes first, the data file still open and in use: the backup's copy beside it,
    // then the data file's log written into it. Refused there, nothing has changed and the app goes on saving (an
    // audit, 2026-12-07: the checkpoint used to fail after the file was closed, and the app could not save until
    // restarted).
    this.backups.stage(name, this.dbFile);
    if (this.session) {
      try {
        if (this.session.db.open) this.session.db.pragma('wal_checkpoint(TRUNCATE)');
        if (this.session.db.open) closeDatabase(this.session.db, this.dbFile);
      } catch (err) {
        this.backups.unstage(this.dbFile);
        if (!this.session.db.open) this.session = this.openSession();
        throw err;
      }
      this.session = null;
    }
    const keptAside = this.backups.keepAside(this.dbFile);
    this.backups.putStagedInPlace(this.dbFile);
    this.lost = null;
    let carried: CarriedConfidentiality;
    try {
      this.session = this.openSession();
      carried = this.keepConfidentiality(keptAside);
      // What it could not carry is unknown: every public file waits for the officer (publication-hold.ts).
      if (carried.unreadable) placeHold(this.db, restored, this.ctx.now());
    } catch (err) {
      // Should not happen (the backup was checked): put the previous file back rather than leave nothing, or leave
      // the restored data without the confidentiality of the data it replaced.
      if (this.session?.db.open) this.session.db.close();
      this.session = null;
      // The restored copy's own log must not be read as the previous file's.
      for (const ext of ['-wal', '-shm']) fs.rmSync(this.dbFile + ext, { force: true });
      fs.renameSync(keptAside, this.dbFile);
      for (const ext of ['-wal', '-shm']) if (fs.existsSync(keptAside + ext)) fs.renameSync(keptAside + ext, this.dbFile + ext);
      this.session = this.openSession();
      if (err instanceof AppError) throw err;
      throw new AppError('storage', `The backup was not restored: what the current data keeps confidential could not be carried into it (${(err as Error).message}). Nothing was changed.`);
    }
    this.damage = null;
    return { restored, keptAside, carried };
  }

  /**
   * The flags and withheld items of the data kept aside, carried into the restored data. A data file kept aside that
   * cannot be read (the damaged file of the recovery screen) carries nothing: the answer says so, for the officer to check.
   */
  private keepConfidentiality(keptAside: string): CarriedConfidentiality {
    if (!fs.existsSync(keptAside)) return nothingCarried(false);
    const ctx = this.ctx;
    try {
      // Read in full inside the restored data's transaction: a damaged file kept aside is reported, not half carried.
      return readUnchanged(keptAside, this.opts.key ?? null, (aside) =>
        ctx.db.transaction(() => {
          carryHold(aside, ctx.db);
          // Pages open from before still hold the revs of the data kept aside: its marks are taken, and the restored
          // sections below them go above (migration 020).
          const minutes = new MinutesRepo(ctx.db);
          minutes.takeMarksOf(aside);
          minutes.liftBehindMarks();
          return keepConfidentialityAtRestore(ctx, aside);
        })(),
      );
    } catch (err) {
      if (err instanceof DataFileError || isReadFault(err)) return nothingCarried(true);
      throw err;
    }
  }

  private lost: { recoveryFile: string | null; callsFile: string; stamp: string } | null = null;

  /** True (once, then for good) when the data file was deleted or replaced under the running app. */
  private dataFileGone(): boolean {
    if (this.lost) return true;
    if (!this.session) return false;
    // The log too (-wal): SQLite goes on committing into a deleted one, and those commits are gone at the next start
    // (an audit, 2026-12-07). Known from its first sight on (it is made at the first write), and never deleted by
    // SQLite while the connection is open (exclusive locking).
    const wal = fileIdentity(`${this.dbFile}-wal`);
    if (this.session.walIdentity === null) this.session.walIdentity = wal;
    if (fileIdentity(this.dbFile) === this.session.identity && wal === this.session.walIdentity) return false;
    const stamp = this.ctx.now().toISOString().replace(/[:.]/g, '-');
    const base = path.join(this.opts.dataDir, `recovery-${stamp}`);
    this.lost = { recoveryFile: null, callsFile: `${base}-changes.jsonl`, stamp };
    this.writeRecoveryCopy();
    return true;
  }

  /**
   * The recovery copy of a lost data file, out of the connection still open (it still reads the old file: everything
   * acknowledged so far). In the data folder, made again if it was deleted with the file; else in the home folder.
   * Tried again at each refused call and at the close while it could not be written (a full disk freed meanwhile).
   */
  private writeRecoveryCopy(): void {
    const lost = this.lost;
    if (!lost || lost.recoveryFile !== null || !this.session?.db.open) return;
    for (const dir of [this.opts.dataDir, os.homedir()]) {
      const file = path.join(dir, `recovery-${lost.stamp}.sqlite3`);
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        this.db.prepare('VACUUM INTO ?').run(file);
        fs.chmodSync(file, FILE_MODE);
        lost.recoveryFile = file;
        lost.callsFile = path.join(dir, `recovery-${lost.stamp}-changes.jsonl`);
        return;
      } catch (err) {
        fs.rmSync(file, { force: true });
        this.opts.log?.error('Could not write the recovery copy', err);
      }
    }
  }

  /** Refuses the call and keeps its input (what the officer typed) in the recovery folder. */
  private refuseLost(name: string, raw: unknown): { ok: false; error: { code: 'storage'; message: string; details: unknown } } {
    this.writeRecoveryCopy();
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
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const s = this.session;
    if (!s || !s.db.open) return;
    // The file deleted or replaced since the last call: the recovery copy is written now, out of the connection still
    // open, or the acknowledged words would be in no file once it is closed (an audit, 2026-12-07).
    if (this.lost || this.dataFileGone()) {
      this.writeRecoveryCopy();
      return void s.db.close();
    }
    this.flushSearch();
    // On quit, a last backup when something changed since the previous one.
    if (this.opts.autoBackup) this.autoBackup();
    try {
      closeDatabase(s.db, this.dbFile);
    } catch (err) {
      // A full disk: the log could not be written into the file. The connection is closed all the same and every
      // acknowledged save is in the log, which the next start reads; the quit goes on without a stack trace.
      this.opts.log?.error('The data file could not be closed cleanly (its log is kept and read at the next start)', err);
    }
  }
}
