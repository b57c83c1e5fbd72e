import { AppError } from '../../shared/errors';

/**
 * What the officer is told when "Back up to a file" fails: the disk's or SQLite's code said in plain words, with what
 * to do (the code itself is never shown: "(SQLITE_CANTOPEN)" told the officer nothing).
 */
const BY_CODE: ReadonlyArray<[codes: readonly string[], words: string]> = [
  [['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY'], 'this folder cannot be written to. Choose another folder'],
  [['ENOENT', 'ENOTDIR'], 'this folder does not exist. Choose an existing folder'],
  [['ENAMETOOLONG'], 'the file name is too long. Choose a shorter name'],
  [['ENOSPC', 'SQLITE_FULL'], 'the disk is full. Free some space, or choose another disk'],
  [['EISDIR'], 'that is a folder, not a file name. Add a file name at the end'],
];
const OTHERWISE = 'it could not be written. Try again, or choose another folder';

/** The plain reason for a failed write, by the error's code (an extended SQLite code counts as its primary one). */
export function backupWriteReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return OTHERWISE;
  const found = BY_CODE.find(([codes]) => codes.some((c) => code === c || code.startsWith(`${c}_`)));
  return found ? found[1] : OTHERWISE;
}

/** The storage error for a backup that could not be written to `file`. */
export function backupWriteError(file: string, err: unknown): AppError {
  return new AppError('storage', `The backup could not be written to ${file}: ${backupWriteReason(err)}.`);
}

/** U+0000–U+001F and U+007F: a file system may take them in a name, but they are invisible, never what was meant. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Refuses a destination holding a control character, before anything is written. */
export function refuseControlChars(dest: string): void {
  if (CONTROL_CHARS.test(dest))
    throw new AppError(
      'bad_request',
      'The path holds an invisible control character (such as a tab or a line break), which a file name should not have. Type the path again without it.',
    );
}
