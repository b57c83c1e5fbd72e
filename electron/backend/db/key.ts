import { systemRandomBytes } from '../../node-crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { FILE_MODE, settlePrivateFile } from './data-file';

/**
 * The key of the encrypted data file (SQLite3MultipleCiphers, cipher ChaCha20-Poly1305: every page authenticated,
 * so a changed byte is detected, not read). Where the key comes from is the hosts' business (desktop: a random key
 * wrapped by the system keychain; browser host: a passphrase typed at start or a key file the user chose); this
 * module only knows the two shapes and the files that hold them. Never imports 'electron'.
 */
export type DataKey =
  /** 32 random bytes (a key file, or the key the system keychain unwraps). */
  | { kind: 'key'; bytes: Buffer; source: string }
  /** What the officer typed at start. */
  | { kind: 'passphrase'; text: string; source: string };

export const CIPHER = 'chacha20';
export const KEY_BYTES = 32;

/**
 * What SQLite3MultipleCiphers is given. A random key (key file, keychain) goes in as a raw key, `x'<64 hex digits>'`:
 * the cipher uses its 32 bytes directly and no key derivation runs. Key derivation (PBKDF2-SHA256, 64,007 rounds,
 * ~40 ms at every open) exists to slow down guessing a passphrase; 256 random bits cannot be guessed, so it added
 * nothing but start-up time (issue 16). A passphrase still goes through the derivation.
 */
function material(key: DataKey): Buffer {
  return key.kind === 'key' ? Buffer.from(`x'${key.bytes.toString('hex')}'`, 'utf8') : Buffer.from(key.text.normalize('NFC'), 'utf8');
}

/**
 * How a random key was handed over before raw keys (files encrypted until December 2026): its hex text, as if it were
 * a passphrase, through the key derivation. Such files still open (see `applyKey`); null for a passphrase.
 */
function legacyMaterial(key: DataKey): Buffer | null {
  return key.kind === 'key' ? Buffer.from(key.bytes.toString('hex'), 'utf8') : null;
}

const notADatabase = (err: unknown) => (err as { code?: unknown } | null)?.code === 'SQLITE_NOTADB';

/**
 * Sets the cipher and the key on a connection just opened (before its first read). A random key is tried raw first;
 * if the file does not open with it (SQLITE_NOTADB) the key is tried in its earlier form (hex text through the key
 * derivation), so data files and backups encrypted before raw keys still open with the same key file. A file that
 * opens with neither is left to the caller's first read, which fails as before (wrong key, or a damaged first page).
 * Returns which form opened it ('raw' also for a new, empty file).
 */
export function applyKey(db: Database, key: DataKey): 'raw' | 'legacy' | 'passphrase' {
  db.pragma(`cipher = '${CIPHER}'`);
  db.key(material(key));
  const legacy = legacyMaterial(key);
  if (!legacy) return 'passphrase';
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return 'raw';
  } catch (err) {
    if (!notADatabase(err)) throw err;
  }
  db.pragma(`cipher = '${CIPHER}'`);
  db.key(legacy);
  return 'legacy';
}

/**
 * Encrypts an open plain database in place with `key`. Rekeying needs a rollback journal (not WAL); the caller puts
 * the journal mode back. The whole file is rewritten in one transaction: a crash leaves the plain file.
 */
export function encryptInPlace(db: Database, key: DataKey): void {
  db.pragma('journal_mode = DELETE');
  db.pragma(`cipher = '${CIPHER}'`);
  db.rekey(material(key));
}

/**
 * A random key, as the key of a new key file or the key the keychain wraps: from the system's random source, as
 * node:crypto's would be, without loading node:crypto (a new key file is made in the browser host's start, before its
 * first answer; issue 16). `readDevice` is for tests.
 */
export function newRandomKey(source: string, readDevice?: (n: number) => Buffer | null): Extract<DataKey, { kind: 'key' }> {
  return { kind: 'key', bytes: systemRandomBytes(KEY_BYTES, readDevice), source };
}

const KEY_TEXT = /^([0-9a-f]{64})\r?\n?$/;

export const keyFileText = (key: Buffer) => `${key.toString('hex')}\n`;

/** Parses the text of a key file (64 hex digits); null when it is something else. */
export function parseKeyText(text: string): Buffer | null {
  const m = KEY_TEXT.exec(text.trim() + '\n');
  return m ? Buffer.from(m[1]!, 'hex') : null;
}

/** Writes a private file (0600) atomically: temp file, fsync, rename; fails if `file` exists unless `replace`. */
export function writePrivateFileSync(file: string, data: string | Buffer, replace = false): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: FILE_MODE, flag: 'wx' });
  try {
    settlePrivateFile(tmp);
    if (replace) fs.renameSync(tmp, file);
    else {
      fs.linkSync(tmp, file); // EEXIST when another process made it first: never overwrite a key
      fs.rmSync(tmp, { force: true });
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export class KeyError extends AppError {
  constructor(message: string) {
    super('storage', message);
    this.name = 'KeyError';
  }
}

/**
 * The key in a key file the user chose (`--key-file`). When the file does not exist and the data file is not yet
 * encrypted, a new random key is written to it (0600) and `created` is true; when the data file is already
 * encrypted, a missing key file is an error (a new key could not open it).
 */
export function openKeyFile(keyFile: string, dataFileEncrypted: boolean): { key: DataKey; created: boolean } {
  const file = path.resolve(keyFile);
  const source = `the key file ${file}`;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new KeyError(`The key file ${file} cannot be read (${code}). Nothing was changed.`);
    if (dataFileEncrypted)
      throw new KeyError(
        `The key file ${file} does not exist, and the data file is already encrypted with another key. Nothing was changed. Start again with the key file (or the passphrase) it was encrypted with.`,
      );
    const key = newRandomKey(source);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writePrivateFileSync(file, keyFileText(key.bytes));
    } catch (e) {
      throw new KeyError(`The key file ${file} could not be created (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Nothing was changed.`);
    }
    return { key, created: true };
  }
  const bytes = parseKeyText(text);
  if (!bytes)
    throw new KeyError(`The file ${file} is not a Taskforce Secretariat key file (it must hold 64 hexadecimal digits). Nothing was changed. Choose the key file the app created.`);
  return { key: { kind: 'key', bytes, source }, created: false };
}

/** Encrypts and decrypts a short text with the operating system's keychain (Electron safeStorage on the desktop). */
export interface KeyWrapper {
  encrypt(plain: string): Buffer;
  decrypt(wrapped: Buffer): string;
}

export const WRAPPED_KEY_FILE = 'taskforce-secretariat.key.wrapped';

/**
 * The desktop key: a random 32-byte key, kept beside the data (0600) wrapped by the system keychain. Made at the
 * first start; a missing wrapped key for an encrypted data file, or one the keychain cannot unwrap, is an error.
 */
export function openWrappedKey(dataDir: string, wrapper: KeyWrapper, dataFileEncrypted: boolean): { key: DataKey; created: boolean; file: string } {
  const file = path.join(dataDir, WRAPPED_KEY_FILE);
  const source = `the key kept in ${file} (unlocked by the system keychain)`;
  let wrapped: Buffer | null = null;
  try {
    wrapped = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new KeyError(`The key file ${file} cannot be read (${code}). Nothing was changed.`);
  }
  if (wrapped === null) {
    if (dataFileEncrypted)
      throw new KeyError(
        `The data file is encrypted but its key file ${file} is missing. Nothing was changed. Put the key file back (from the same computer's backup), or restore data from a backup you can open.`,
      );
    const key = newRandomKey(source);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writePrivateFileSync(file, wrapper.encrypt(keyFileText(key.bytes)));
    return { key, created: true, file };
  }
  let bytes: Buffer | null;
  try {
    bytes = parseKeyText(wrapper.decrypt(wrapped));
  } catch {
    bytes = null;
  }
  if (!bytes)
    throw new KeyError(
      `The key file ${file} cannot be unlocked by this account's system keychain (was the data folder copied from another computer or account?). Nothing was changed.`,
    );
  return { key: { kind: 'key', bytes, source }, created: false, file };
}
