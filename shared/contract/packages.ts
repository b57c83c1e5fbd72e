import * as z from 'zod';
import { Id } from '../domain/common';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';
import { CarriedConfidentiality } from './carried';
import { MAX_PACKAGE_BYTES } from './packages-labels';
// The size limit and the file extension live in the schema-free packages-labels.ts (the renderer needs no zod for them).
export * from './packages-labels';

const Passphrase = lazySchema(() => z.string().min(8, 'must be at least 8 characters').max(1000));

export const PackageExport = lazySchema(() => z.object({ meetingId: Id, passphrase: Passphrase.optional() }).strict());
export const PackageFile = lazySchema(() => z.object({ fileName: z.string(), bytesBase64: z.string(), encrypted: z.boolean() }));
export type PackageFile = z.infer<typeof PackageFile>;

export const PackageImport = lazySchema(() => z
  .object({
    /** The file's bytes; the size is checked again after decoding. */
    bytesBase64: z.string().max(Math.ceil((MAX_PACKAGE_BYTES * 4) / 3) + 8, `is larger than ${MAX_PACKAGE_BYTES / 1024 / 1024} MB`),
    passphrase: z.string().max(1000).optional(),
  })
  .strict());
export const PackageImported = lazySchema(() => z.object({
  meetingId: Id,
  title: z.string(),
  startsAt: z.string(),
  /** Rows written per kind of record, e.g. { agenda_items: 5, minutes_sections: 7 }. */
  counts: z.record(z.string(), z.number().int()),
  /** The flags and withheld items of a deleted copy of this meeting in the trash that the package did not have: kept. */
  carried: CarriedConfidentiality,
  /**
   * Passages other meetings keep confidential that the package carried, made flags of this meeting (in force, mark
   * missing: its public summary is refused until the officer flags them or lifts the flags); `carried.message` says so.
   */
  guardedElsewhere: z.number().int().min(0),
}));
export type PackageImported = z.infer<typeof PackageImported>;

/** Calls of meeting packages: one meeting, with everything it holds, to one file and back on another machine. */
export const packagesCalls = defineCalls({
  'packages.export': { input: PackageExport, output: PackageFile, summary: 'One meeting with its agenda, minutes, revisions, flags, records and attendance as one file (encrypted with a passphrase if given).' },
  'packages.import': { input: PackageImport, output: PackageImported, summary: 'Import a meeting package: validated in full, written in one transaction, or refused with nothing changed.' },
});
