import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { AppInfo } from '../../shared/contract/core';
import { DB_FILE_NAME, LATEST_SCHEMA_VERSION, openDatabase } from './db/connection';
import { createDispatcher, type Dispatch, type DispatchLogger, type Handlers } from './dispatch';
import { coreHandlers } from './handlers/core';
import { exportsHandlers } from './handlers/exports';
import { flagsHandlers } from './handlers/flags';
import { minutesHandlers } from './handlers/minutes';
import { procedureHandlers } from './handlers/procedure';
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
    const handlers: Handlers = { ...coreHandlers(this), ...minutesHandlers(this), ...flagsHandlers(this), ...exportsHandlers(this), ...procedureHandlers(this) };
    this.dispatch = createDispatcher(handlers, opts.log);
  }

  info(): AppInfo {
    return { name: APP_NAME, version: APP_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, host: this.opts.host, dataPath: this.dbFile };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
