import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupWriteReason } from '../../electron/backend/backup-file-words';
import { makeBackend, tempDir } from '../helpers/temp';

/** No code ("(SQLITE_CANTOPEN)", "ENAMETOOLONG") ever reaches the officer. */
const CODE = /\b(E[A-Z]{3,}|SQLITE_[A-Z_]+)\b/;

describe('"Back up to a file" says why it failed in plain words', () => {
  it('each usual code, an extended SQLite code, and anything else', () => {
    const says = (code: unknown) => backupWriteReason(Object.assign(new Error('x'), { code }));
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY']) expect(says(code), code).toMatch(/^this folder cannot be written to\./);
    for (const code of ['ENOENT', 'ENOTDIR']) expect(says(code), code).toMatch(/^this folder does not exist\./);
    expect(says('ENAMETOOLONG')).toMatch(/^the file name is too long\./);
    for (const code of ['ENOSPC', 'SQLITE_FULL']) expect(says(code), code).toMatch(/^the disk is full\./);
    expect(says('EISDIR')).toMatch(/^that is a folder, not a file name\./);
    for (const code of ['EIO', 'SQLITE_IOERR_WRITE', 42, undefined]) expect(says(code), String(code)).toMatch(/^it could not be written\./);
    // A code's prefix alone is not the code: EACCESS is not EACCES.
    expect(says('EACCESS')).toMatch(/^it could not be written\./);
    expect(backupWriteReason(null)).toMatch(/^it could not be written\./);
  });

  it('through the app: a name too long, a folder not to write into, a control character (refused before writing)', async () => {
    const b = makeBackend();
    const out = tempDir();
    const long = await b.dispatch('backup.saveTo', { path: path.join(out, `${'a'.repeat(300)}.sqlite3`) });
    expect(long).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/: the file name is too long\. Choose a shorter name\.$/) } });
    expect(JSON.stringify(long)).not.toMatch(CODE);

    const locked = path.join(out, 'locked');
    fs.mkdirSync(locked, 0o500);
    try {
      if (process.getuid?.() !== 0) {
        const r = await b.dispatch('backup.saveTo', { path: path.join(locked, 'x.sqlite3') });
        expect(r).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/: this folder cannot be written to\. Choose another folder\.$/) } });
        expect(JSON.stringify(r)).not.toMatch(CODE);
      }
    } finally {
      fs.chmodSync(locked, 0o700);
    }

    for (const c of ['\u0007', '\t', '\n', '\u001f', '\u007f']) {
      const r = await b.dispatch('backup.saveTo', { path: path.join(out, `bad${c}name.sqlite3`) });
      expect(r, JSON.stringify(c)).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/control character/) } });
    }
    expect(fs.readdirSync(out)).toEqual(['locked']);
  });
});
