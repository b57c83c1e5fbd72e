import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { AppInfo } from '../../shared/contract/core';
import fs from 'node:fs';
import { closeDatabase, DB_FILE_NAME, LATEST_SCHEMA_VERSION, openDatabase } from './db/connection';
import { FILE_MODE, fileIdentity } from './db/data-file';
import { createDispatcher, type Dispatch, type DispatchLogger, type Handlers } from './dispatch';
import { coreHandlers } from './handlers/core';
import { exportsHandlers } from './handlers/exports';
import { flagsHandlers } from './handlers/flags';
import { minutesHandlers } from './handlers/minutes';
import { defaultContext, type ServiceContext } from './services/context';
import { ExampleService } from './services/example-service';
import { MeetingsService } from './services/meetings-service';
import { MembersService } from './services/members-service';
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
  /** Per-user settings; default: conf in dataDir (Electron passes electron-store). */
  settings?: SettingsStore;
}

/**
 * The host-independent application: one SQLite file, the services, and the dispatcher that both hosts call.
 * Never imports 'electron'.
 */
export class Backend {
  readonly db: Database;
  readonly dbFile: string;
  readonly ctx: ServiceContext;
  readonly services: { members: MembersService; meetings: MeetingsService; example: ExampleService };
  readonly dispatch: Dispatch;
  readonly settings: SettingsStore;

  constructor(private readonly opts: BackendOptions) {
    this.dbFile = path.join(opts.dataDir, DB_FILE_NAME);
    this.db = openDatabase(this.dbFile);
    this.ctx = { ...defaultContext(this.db), ...opts.context };
    this.settings = opts.settings ?? createConfSettings(opts.dataDir);
    const meetings = new MeetingsService(this.ctx);
    this.services = { members: new MembersService(this.ctx), meetings, example: new ExampleService(this.ctx, meetings) };
    const handlers: Handlers = { ...coreHandlers(this), ...minutesHandlers(this), ...flagsHandlers(this), ...exportsHandlers(this) };
    this.identity = fileIdentity(this.dbFile);
    const inner = createDispatcher(handlers, opts.log);
    // The data file must still be the one opened, before a call runs and again before its answer is given: a save
    // into a deleted or replaced file would be acknowledged and then lost at the next start.
    this.dispatch = async (name, raw) => {
      if (this.lost || this.dataFileGone()) return this.refuseLost(name, raw);
      const result = await inner(name, raw);
      if (this.dataFileGone()) return this.refuseLost(name, raw);
      return result;
    };
  }

  private readonly identity: string | null;
  private lost: { recoveryFile: string | null; callsFile: string } | null = null;

  /** True (once, then for good) when the data file was deleted or replaced under the running app. */
  private dataFileGone(): boolean {
    if (this.lost) return true;
    if (fileIdentity(this.dbFile) === this.identity) return false;
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
    if (!this.db.open) return;
    if (this.lost || fileIdentity(this.dbFile) !== this.identity) this.db.close();
    else closeDatabase(this.db, this.dbFile);
  }
}
