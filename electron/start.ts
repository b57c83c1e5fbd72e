import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { Backend } from './backend/backend';
import { DB_FILE_NAME } from './backend/db/connection';
import { looksEncrypted } from './backend/db/data-file';
import { openKeyFile, type DataKey } from './backend/db/key';
import { readPassphrase } from './hosts/terminal-passphrase';
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
 *   --key-file PATH   browser host: the data file's key is in this file (created 0600 with a random key if absent);
 *                     without it the passphrase is asked on the terminal
 */
export interface StartArgs {
  browser: boolean;
  port: number;
  dataDir: string;
  example: boolean;
  keyFile?: string;
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
    else if (a === '--key-file') args.keyFile = path.resolve(value());
    else throw new Error(`Unknown option ${a}. Options: --browser, --port N, --data-dir DIR, --key-file PATH, --example`);
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

export const MIN_PASSPHRASE = 8;

export const NO_KEY_MESSAGE =
  'Taskforce Secretariat cannot start: the data is encrypted, and there is no terminal to type its passphrase on. ' +
  'Nothing was changed. Either start it in a terminal (the passphrase is asked, not shown), or give a key file with --key-file PATH ' +
  '(created with a new random key if it does not exist; whoever can read that file can read the data).';

/**
 * The browser host's key: the key file the user chose (--key-file), else a passphrase typed on the terminal (asked
 * twice for a new data file), else none (the caller exits with NO_KEY_MESSAGE). `say` prints what the officer must
 * know (the key file was created; who can read it). Throws an AppError with a message for the officer.
 */
export async function browserHostKey(
  args: StartArgs,
  deps: { isTTY: () => boolean; ask: (prompt: string) => Promise<string | null>; say: (line: string) => void },
): Promise<DataKey | null> {
  const dataFile = path.join(args.dataDir, DB_FILE_NAME);
  const encrypted = looksEncrypted(dataFile);
  if (args.keyFile) {
    const { key, created } = openKeyFile(args.keyFile, encrypted);
    deps.say(
      created
        ? `A new key file was created: ${args.keyFile} (readable by this account only). Whoever can read that file can read the data: keep it private, and keep a copy somewhere safe — without it the data cannot be opened.`
        : `Key file: ${args.keyFile}. Whoever can read that file can read the data.`,
    );
    return key;
  }
  if (!deps.isTTY()) return null;
  const isNew = !fs.existsSync(dataFile) || !encrypted;
  for (;;) {
    const first = await deps.ask(isNew ? `Choose a passphrase for the data in ${args.dataDir} (at least ${MIN_PASSPHRASE} characters, not shown): ` : `Passphrase for the data in ${args.dataDir} (not shown): `);
    if (first === null) throw new AppError('storage', 'No passphrase was given. Nothing was changed.');
    if (!isNew) return { kind: 'passphrase', text: first, source: 'the passphrase given' };
    if ([...first].length < MIN_PASSPHRASE) {
      deps.say(`The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
      continue;
    }
    const again = await deps.ask('The same passphrase again: ');
    if (again === null) throw new AppError('storage', 'No passphrase was given. Nothing was changed.');
    if (again === first) {
      deps.say('Remember it: without the passphrase the data cannot be opened (there is no way to recover it).');
      return { kind: 'passphrase', text: first, source: 'the passphrase given' };
    }
    deps.say('The two passphrases differ; try again.');
  }
}

export async function runBrowserHost(args: StartArgs) {
  const rendererDir = path.join(__dirname, '..', 'renderer');
  let backend: Backend;
  try {
    // Whether stdin is a terminal, asked only when no key file is given: process.stdin would build a stream for it
    // (~4 ms of the start; issue 16), and isatty(0) is what its isTTY means; node:tty itself is loaded only then (~5 ms).
    // process.getBuiltinModule, not import(): this file runs through node:vm (start-loader.ts), which has no dynamic import.
    const key = await browserHostKey(args, {
      isTTY: () => process.getBuiltinModule('node:tty').isatty(0),
      ask: (p) => readPassphrase(p),
      say: (line) => console.log(line),
    });
    if (!key) {
      console.error(NO_KEY_MESSAGE);
      process.exit(2);
    }
    backend = new Backend({ dataDir: args.dataDir, host: 'browser', autoBackup: true, recoverFromBackup: true, outputChecks: outputChecksFromEnv(process.env), key });
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
  // The settings store (conf) is loaded on its first use, 60–110 ms: while the page's scripts load, not on its first call.
  const host = await startBrowserHost({ dispatch: backend.dispatch, rendererDir, port: args.port, whilePageLoads: () => void backend.settings.get() });
  console.log(`Taskforce Secretariat is running. Open ${host.url}${hash}`);
  console.log(`Data: ${backend.dbFile}`);
  const stop = async () => {
    await host.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
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
  const notInstalled =
    'The Electron desktop runtime is not installed (its download was skipped or blocked), so the app is served to your browser instead; to get the desktop window, run `node node_modules/electron/install.js` where downloads are allowed.';
  if (args.browser) {
    // The browser host was asked for: whether Electron is there only decides the note below, so it is looked up once
    // the host answers, not before (resolving and reading the electron package is ~1 ms of the start; issue 16).
    await runBrowserHost(args);
    if (!electronBinary()) console.log(notInstalled);
    return;
  }
  const bin = electronBinary();
  if (bin) {
    const main = path.join(__dirname, 'main.cjs');
    // Loaded here, not at the top: the browser host never spawns (child_process is ~5 ms of its start, issue 16). Not by
    // import(): this file runs through node:vm (start-loader.ts), where a dynamic import fails.
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn(bin, [main, ...(args.example ? ['--example'] : [])], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(notInstalled);
  await runBrowserHost(args);
}

if (require.main === module) void main();
