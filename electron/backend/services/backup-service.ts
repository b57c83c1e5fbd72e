import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/errors';
import { checkBackupFile, encryptBackupFile, syncFolder, writeBackupFile } from '../db/backup';
import type { DataKey } from '../db/key';
import { DIR_MODE, narrowMode, settlePrivateFile } from '../db/data-file';
import type { Database } from 'better-sqlite3-multiple-ciphers';

export const BACKUP_FOLDER = 'backups';
export const AUTO_BACKUP_MINUTES = 10;
export const BACKUPS_KEPT = 10;

const NAME = /^backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(auto|manual|before-restore|before-encryption)\.sqlite3$/;

/** 2026-02-10T10-00-00-000Z ⇄ 2026-02-10T10:00:00.000Z (file names cannot hold colons on every platform). */
const stampOf = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const instantOf = (stamp: string) => stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

/**
 * The backups folder (data folder/backups, 0700, files 0600): writing, listing, pruning to the last N automatic
 * backups, and finding the newest good one. The database side (VACUUM INTO, checks) is in db/backup.ts.
 */
export class BackupStore {
  readonly folder: string;
  /** The data file's key: backups are written and checked with it (null: plain, tests of the plain format only). */
  key: DataKey | null = null;
  constructor(
    dataDir: string,
    private readonly knownVersion: number,
    private readonly now: () => Date,
    readonly keep = BACKUPS_KEPT,
  ) {
    this.folder = path.join(dataDir, BACKUP_FOLDER);
  }

  private ensureFolder() {
    fs.mkdirSync(this.folder, { recursive: true, mode: DIR_MODE });
    narrowMode(this.folder, DIR_MODE);
  }

  list(): BackupInfo[] {
    if (!fs.existsSync(this.folder)) return [];
    const out: BackupInfo[] = [];
    for (const name of fs.readdirSync(this.folder)) {
      const m = NAME.exec(name);
      if (!m) continue;
      const st = fs.statSync(path.join(this.folder, name));
      out.push({ name, createdAt: instantOf(m[1]!), bytes: st.size, kind: m[2] as BackupInfo['kind'] });
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
  }

  pathOf(name: string): string {
    if (!NAME.test(name)) throw new AppError('bad_request', 'That is not the name of a backup.');
    return path.join(this.folder, name);
  }

  /** Writes a checked backup of the open database; automatic ones beyond the last N are removed. */
  write(db: Database, kind: BackupInfo['kind']): BackupInfo {
    this.ensureFolder();
    let at = this.now();
    let name = `backup-${stampOf(at)}-${kind}.sqlite3`;
    while (fs.existsSync(path.join(this.folder, name))) {
      at = new Date(at.getTime() + 1);
      name = `backup-${stampOf(at)}-${kind}.sqlite3`;
    }
    writeBackupFile(db, path.join(this.folder, name), this.knownVersion, this.key);
    this.prune();
    return this.list().find((b) => b.name === name)!;
  }

  /** Keeps the newest `keep` automatic backups (manual ones and those made before a restore stay). */
  prune(): void {
    const autos = this.list().filter((b) => b.kind === 'auto');
    for (const old of autos.slice(this.keep)) fs.rmSync(path.join(this.folder, old.name), { force: true });
  }

  /** Checks a backup as restorable (throws a DataFileError naming the fault). */
  check(name: string): void {
    checkBackupFile(this.pathOf(name), this.knownVersion, this.key);
  }

  /**
   * Before a plain data file is encrypted in place: a plain backup of it, written and checked like any other.
   * Encrypted itself (with every other plain backup) once the data file is (see encryptPlainBackups).
   */
  writeBeforeEncryption(db: Database): BackupInfo {
    this.ensureFolder();
    const name = `backup-${stampOf(this.now())}-before-encryption.sqlite3`;
    writeBackupFile(db, path.join(this.folder, name), this.knownVersion, null);
    return this.list().find((b) => b.name === name)!;
  }

  /** Encrypts every plain backup in place with the key (after the data file was encrypted). Returns how many. */
  encryptPlainBackups(): number {
    if (!this.key) return 0;
    let n = 0;
    for (const b of this.list()) {
      try {
        if (encryptBackupFile(path.join(this.folder, b.name), this.knownVersion, this.key)) n++;
      } catch {
        /* a damaged plain backup is left as it is (and never offered: it fails its check) */
      }
    }
    return n;
  }

  /** The newest backup that passes its checks, or null. */
  newestGood(): BackupInfo | null {
    for (const b of this.list()) {
      try {
        this.check(b.name);
        return b;
      } catch {
        /* damaged backups are skipped */
      }
    }
    return null;
  }

  /** Moves the data file (and its -wal) aside into the backups folder; returns where it went. */
  keepAside(dbFile: string): string {
    this.ensureFolder();
    const aside = path.join(this.folder, `backup-${stampOf(this.now())}-before-restore.sqlite3`);
    if (fs.existsSync(dbFile)) fs.renameSync(dbFile, aside);
    for (const ext of ['-wal', '-shm']) if (fs.existsSync(dbFile + ext)) fs.renameSync(dbFile + ext, aside + ext);
    fs.rmSync(`${dbFile}.sha256`, { force: true });
    return aside;
  }

  /**
   * Copies a checked backup beside the data file (`<data file>.restoring`, copied and fsynced), before anything else
   * of a restore happens: a full disk refuses the restore here, with the data file still in place and in use (an
   * audit, 2026-12-07: the data file used to be moved aside first, and a failed copy left none).
   */
  stage(name: string, dbFile: string): void {
    const tmp = `${dbFile}.restoring`;
    try {
      fs.copyFileSync(this.pathOf(name), tmp);
      settlePrivateFile(tmp);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  /** Drops a staged backup (the restore was refused before the data file was moved aside). */
  unstage(dbFile: string): void {
    fs.rmSync(`${dbFile}.restoring`, { force: true });
  }

  /** Puts the staged backup in place as the data file (a rename: never a half-written data file). */
  putStagedInPlace(dbFile: string): void {
    fs.renameSync(`${dbFile}.restoring`, dbFile);
    syncFolder(path.dirname(dbFile));
  }

  /**
   * At start: a restore interrupted (a crash, the power) after the data file was moved aside and before the backup was
   * put in place leaves no data file and a staged backup. The data file kept aside is put back (the restore did not
   * happen: what it would have carried into the backup was never carried), and the staged copy dropped. A staged copy
   * beside a data file is one whose restore stopped before the file was moved: dropped.
   */
  finishInterruptedRestore(dbFile: string): void {
    const staged = `${dbFile}.restoring`;
    if (!fs.existsSync(staged)) return;
    if (!fs.existsSync(dbFile)) {
      const aside = this.list()
        .map((b) => b.name)
        .filter((n) => n.endsWith('-before-restore.sqlite3'))
        .sort()
        .at(-1);
      if (!aside) return; // nothing to put back: the staged copy is left for the officer (or IT) to see
      const from = path.join(this.folder, aside);
      for (const ext of ['-wal', '-shm']) if (fs.existsSync(from + ext)) fs.renameSync(from + ext, dbFile + ext);
      fs.renameSync(from, dbFile);
      syncFolder(path.dirname(dbFile));
    }
    fs.rmSync(staged, { force: true });
  }
}
