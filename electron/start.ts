import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { Backend } from './backend/backend';
import { outputChecksFromEnv } from './backend/dispatch';
import { startBrowserHost } from './hosts/browser-host';
import { defaultDataDir } from './paths';

/**
 * `npm start`. With the Electron runtime installed: the desktop window. Without it (these machines cannot download
 * it): one line saying so, then the browser host on 127.0.0.1.
 *
 *   --browser         serve the browser host even when Electron is installed
 *   --port N          browser host port (default: a free one)
 *   --data-dir DIR    browser host data folder (default: the platform's user data folder)
 *   --example         load the example meeting (constitutive meeting, 30 January 2026) if it is not there yet
 */
export interface StartArgs {
  browser: boolean;
  port: number;
  dataDir: string;
  example: boolean;
}

export function parseArgs(argv: string[]): StartArgs {
  const args: StartArgs = { browser: false, port: 0, dataDir: defaultDataDir(), example: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--browser') args.browser = true;
    else if (a === '--example') args.example = true;
    else if (a === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port takes a number from 0 to 65535');
      args.port = n;
    } else if (a === '--data-dir') args.dataDir = path.resolve(value());
    else throw new Error(`Unknown option ${a}. Options: --browser, --port N, --data-dir DIR, --example`);
  }
  return args;
}

/**
 * The Electron binary's path when the runtime is really there, else undefined. Reads the electron package's
 * path.txt itself: requiring 'electron' from Node would try to download the binary.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
    const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
    if (!rel && !env.ELECTRON_OVERRIDE_DIST_PATH) return undefined;
    const bin = path.join(dist, rel || 'electron');
    return fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** What the officer reads when the data cannot be opened: the AppError's own sentence, or a wrapped one. */
export function startupMessage(err: unknown): string {
  if (err instanceof AppError) return `Taskforce Secretariat cannot start. ${err.message}`;
  return `Taskforce Secretariat cannot start: its data could not be opened (${err instanceof Error ? err.message : String(err)}). Nothing was changed.`;
}

export async function runBrowserHost(args: StartArgs) {
  const rendererDir = path.join(__dirname, '..', 'renderer');
  let backend: Backend;
  try {
    backend = new Backend({ dataDir: args.dataDir, host: 'browser', autoBackup: true, recoverFromBackup: true, outputChecks: outputChecksFromEnv(process.env) });
  } catch (err) {
    // One clear message, never a stack trace; a non-zero exit so scripts and service managers notice.
    console.error(startupMessage(err));
    process.exit(2);
  }
  let hash = '';
  const damaged = backend.damaged();
  if (damaged) {
    // Recovery mode: the page offers the newest good backup; nothing else runs on the damaged file.
    console.error(startupMessage(new AppError('storage', damaged.message)));
    console.error('A good backup exists: open the page to restore it (the damaged file is kept aside, not deleted).');
  } else if (args.example) hash = `&meeting=${backend.services.example.ensureLoaded().meeting.id}`;
  const host = await startBrowserHost({ dispatch: backend.dispatch, rendererDir, port: args.port });
  console.log(`Taskforce Secretariat is running. Open ${host.url}${hash}`);
  console.log(`Data: ${backend.dbFile}`);
  const stop = async () => {
    await host.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { host, backend };
}

async function main() {
  let args: StartArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(64);
  }
  const bin = electronBinary();
  if (bin && !args.browser) {
    const main = path.join(__dirname, 'main.cjs');
    const child = spawn(bin, [main, ...(args.example ? ['--example'] : [])], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!bin)
    console.log(
      'The Electron desktop runtime is not installed (its download was skipped or blocked), so the app is served to your browser instead; to get the desktop window, run `node node_modules/electron/install.js` where downloads are allowed.',
    );
  await runBrowserHost(args);
}

if (require.main === module) void main();
