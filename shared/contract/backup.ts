import * as z from 'zod';
import { Empty, Instant } from '../domain/common';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';
import { CarriedConfidentiality } from './carried';

/** A backup file in the data folder's backups/ folder, by its file name (never a path). */
export const BackupName = lazySchema(() => z
  .string()
  .max(120)
  .regex(/^backup-[0-9TZ-]+-(auto|manual|before-restore|before-encryption)\.sqlite3$/, 'must be the name of a backup'));

export const BackupInfo = lazySchema(() => z.object({
  name: BackupName,
  createdAt: Instant,
  bytes: z.number().int().min(0),
  kind: z.enum(['auto', 'manual', 'before-restore', 'before-encryption']),
}));
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupStatus = lazySchema(() => z.object({
  /** Set when the data file could not be opened at start: what is wrong, and the backups to restore from. */
  damaged: z.object({ message: z.string(), file: z.string() }).nullable(),
  /** Newest first. */
  backups: z.array(BackupInfo),
  folder: z.string(),
  autoEveryMinutes: z.number().int(),
  keep: z.number().int(),
  /**
   * Set after a restore over a data file that could not be read: the flags set since that backup may be missing, so
   * every public file is refused until the officer releases the hold (`backup.releaseHold`). Null in recovery mode.
   */
  publicationHold: z.object({ backupCreatedAt: Instant, placedAt: Instant }).nullable(),
}));
export type BackupStatus = z.infer<typeof BackupStatus>;

/** A file path chosen by the officer (save dialog or the in-app path field): absolute, no NUL, of sensible length. */
export const BackupDestination = lazySchema(() => z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be a full path (starting with / or a drive letter)'));

export const SavedBackup = lazySchema(() => z.object({ path: z.string(), bytes: z.number().int().min(0), mode: z.string() }));
export type SavedBackup = z.infer<typeof SavedBackup>;

/** The backup restored, where the data before it was kept aside, and what of that data's confidentiality was kept. */
export const RestoreResult = lazySchema(() => z.object({ restored: BackupInfo, keptAside: z.string(), carried: CarriedConfidentiality }));
export type RestoreResult = z.infer<typeof RestoreResult>;

/** Backups of the data file: automatic while there are changes (and on quit), on demand, and restore. */
export const backupCalls = defineCalls({
  'backup.status': { input: Empty, output: BackupStatus, summary: 'The backups kept, and whether the data file was found damaged at start.' },
  'backup.create': { input: Empty, output: BackupInfo, summary: 'Back up now (checked with integrity_check before it counts).' },
  'backup.saveTo': {
    input: lazySchema(() => z.object({ path: BackupDestination, replace: z.boolean().optional() }).strict()),
    output: SavedBackup,
    summary:
      'Back up now to a file the officer chose (encrypted like the data file, checked, written 0600); an existing file is replaced only when asked and only if it is itself a backup.',
  },
  'backup.restore': {
    input: lazySchema(() => z.object({ name: BackupName }).strict()),
    output: RestoreResult,
    summary: 'Replace the data with a backup, after checking it; the current data file is kept aside first.',
  },
  'backup.releaseHold': {
    input: lazySchema(() => z.object({ confirm: z.literal(true), by: z.string().max(120).optional() }).strict()),
    output: BackupStatus,
    summary: 'Release the publication hold placed by a restore over an unreadable data file, once the officer has checked the minutes.',
  },
});
