import * as z from 'zod';
import { AppError } from '../../../shared/errors';
import { lazySchema } from '../../../shared/lazy-schema';
import { MAX_PACKAGE_BYTES, PACKAGE_EXTENSION, type PackageFile, type PackageImported } from '../../../shared/contract/packages';
import { SerializedDoc } from '../../../shared/editor/doc-schema';
import { Id, ID_PATTERN } from '../../../shared/domain/common';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, MAX_EXCERPT, type FlagReason } from '../../../shared/domain/flags';
import { safeFilePart } from '../export/file-name';
import { nodeCrypto } from '../../node-crypto';
import { GraphRepo, NOT_DUMPED, type Dump } from '../repositories/graph-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import type { ServiceContext } from './context';
import {
  describeGuardedElsewhere,
  guardedElsewhereIn,
  keepConfidentialityOfTrashedCopies,
  keepGuardedElsewhereOfPackage,
} from './carry-confidentiality';
import type { MeetingsService } from './meetings-service';
import type { SearchService } from './search-service';

export const PACKAGE_FORMAT = 'taskforce-secretariat/meeting-package';
export const ENCRYPTED_FORMAT = 'taskforce-secretariat/meeting-package-encrypted';
/**
 * One version for every package this app writes: a field added since is optional, and an older app refuses a package
 * that holds it (its schema is strict: an unknown field is "not as expected") rather than import it without it.
 */
export const PACKAGE_VERSION = 1;
const MAX_ROWS = 500_000;
/** Most passages of other meetings one package carries (each is one flag record at import). */
const MAX_GUARDED = 10_000;

// Built on the first import of a package, not when the backend loads (~60 zod schemas; issue 16: host start). A cell's
// Value is built with Plain, not as a stand-in of its own: every cell of a package is parsed through it.
const Plain = lazySchema(() => {
  const Value = z.union([z.string(), z.number(), z.null()]);
  return z
    .object({
      format: z.literal(PACKAGE_FORMAT),
      version: z.number().int(),
      exportedAt: z.string(),
      schemaVersion: z.number().int(),
      meeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).strict(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      dump: z
        .object({
          root: z.object({ table: z.literal('meetings'), id: z.string().min(1).max(64) }).strict(),
          tables: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), z.array(z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), Value))),
          relinks: z.array(z.never()).max(0),
        })
        .strict(),
      /**
       * The passages other meetings keep confidential that this meeting's minutes hold (guardedElsewhereIn): made flags of
       * the meeting at import. Absent from a package that carries none, and from every package written before. A reason
       * this version does not know is read as the default one (the words are still guarded).
       */
      guardedElsewhere: z
        .array(
          z
            .object({
              excerpt: z
                .string()
                .max(MAX_EXCERPT)
                .refine((s) => s.trim() !== '' && !s.includes('\u0000'), 'must hold words'),
              reason: z.string().min(1).max(64),
              sectionKey: Id,
            })
            .strict(),
        )
        .max(MAX_GUARDED)
        .optional(),
    })
    .strict();
});
type Plain = z.infer<typeof Plain>;

const Encrypted = lazySchema(() =>
  z
    .object({
      format: z.literal(ENCRYPTED_FORMAT),
      version: z.number().int(),
      kdf: z.object({ name: z.literal('scrypt'), salt: z.string(), N: z.number().int().min(1024).max(1 << 20), r: z.literal(8), p: z.literal(1) }).strict(),
      cipher: z.literal('aes-256-gcm'),
      iv: z.string(),
      tag: z.string(),
      data: z.string(),
    })
    .strict(),
);

const bad = (message: string) => new AppError('bad_request', `This meeting package cannot be imported: ${message} Nothing was changed.`);

type Carried = ReadonlyArray<{ excerpt: string; reason: string; sectionKey: string }>;

/** The package's checksum: its dump, and the passages it carries when it carries any (dropping them breaks it). */
function digest(dump: Dump, guarded?: Carried): string {
  const hash = nodeCrypto().createHash('sha256').update(JSON.stringify(dump));
  if (guarded) hash.update(JSON.stringify(guarded.map((p) => [p.excerpt, p.reason, p.sectionKey])));
  return hash.digest('hex');
}

const asReason = (r: string): FlagReason => ((FLAG_REASONS as readonly string[]).includes(r) ? (r as FlagReason) : DEFAULT_FLAG_REASON);

function key(passphrase: string, salt: Buffer, N: number): Buffer {
  return nodeCrypto().scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 });
}

/**
 * Meeting packages: one meeting with everything it holds (the same foreign-key dump the trash uses) in one JSON file,
 * with a SHA-256 of its content, optionally encrypted (scrypt + AES-256-GCM) with a passphrase. Import validates the
 * whole file (zod, then the schema's own constraints) and writes it in one transaction: it is all there, or nothing.
 * A meeting whose deleted copy is in the trash takes that copy's flags and withheld items (carry-confidentiality.ts).
 */
export class PackageService {
  private readonly graph: GraphRepo;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly deps: { meetings: MeetingsService; search: SearchService; schemaVersion: number },
  ) {
    this.graph = new GraphRepo(ctx.db);
  }

  export(meetingId: string, passphrase?: string): PackageFile {
    const { meeting, dump, guarded } = this.ctx.db.transaction(() => ({
      meeting: this.deps.meetings.mustGet(meetingId),
      dump: this.graph.dump('meetings', meetingId),
      // Another machine holds none of the other meetings: the words they guard here travel with this meeting.
      guarded: guardedElsewhereIn(this.ctx, meetingId, () => new AppError('bad_request', 'This meeting cannot be packaged: a section of its minutes cannot be read.')),
    }))();
    const pkg: Plain = {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      exportedAt: this.ctx.now().toISOString(),
      schemaVersion: this.deps.schemaVersion,
      meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
      sha256: '',
      dump: { root: { table: 'meetings', id: meetingId }, tables: dump.tables as Plain['dump']['tables'], relinks: [] },
      // Left out when there is none: such a package is as before, and an older app still reads it.
      ...(guarded.length > 0 ? { guardedElsewhere: guarded } : {}),
    };
    pkg.sha256 = digest(pkg.dump, pkg.guardedElsewhere);
    let bytes = Buffer.from(JSON.stringify(pkg));
    if (passphrase) {
      const crypto = nodeCrypto();
      const salt = crypto.randomBytes(16);
      const iv = crypto.randomBytes(12);
      const N = 1 << 15;
      const c = crypto.createCipheriv('aes-256-gcm', key(passphrase, salt, N), iv);
      const data = Buffer.concat([c.update(bytes), c.final()]);
      const wrapped = { format: ENCRYPTED_FORMAT, version: PACKAGE_VERSION, kdf: { name: 'scrypt', salt: salt.toString('base64'), N, r: 8, p: 1 }, cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
      bytes = Buffer.from(JSON.stringify(wrapped));
    }
    if (bytes.length > MAX_PACKAGE_BYTES) throw new AppError('bad_request', `This meeting is too large for one package (${Math.round(bytes.length / 1048576)} MB; the limit is ${MAX_PACKAGE_BYTES / 1048576} MB).`);
    const fileName = `${meeting.startsAt.slice(0, 10)} ${safeFilePart(meeting.title).slice(0, 80) || 'Meeting'}${PACKAGE_EXTENSION}`;
    return { fileName, bytesBase64: bytes.toString('base64'), encrypted: Boolean(passphrase) };
  }

  import(bytesBase64: string, passphrase?: string): PackageImported {
    const pkg = this.read(bytesBase64, passphrase);
    const dump = pkg.dump as Dump;
    this.checkShape(dump);
    return this.ctx.db
      .transaction((): PackageImported => {
        if (this.graph.exists('meetings', dump.root.id))
          throw new AppError('conflict', `This meeting package cannot be imported: the meeting “${pkg.meeting.title}” is already in this database. Nothing was changed.`);
        const clash = this.graph.collisions(dump, { renumber: true });
        if (clash.length > 0)
          throw new AppError('conflict', `This meeting package cannot be imported: ${clash.length} of its records have the same ids as records already here (e.g. ${clash[0]!.table}). Nothing was changed.`);
        let counts: Record<string, number>;
        try {
          counts = this.graph.restore(dump, (fk) => bad(`a record of ${fk.table} refers to a record of ${fk.parent} that is neither in the package nor here.`), {
            renumber: true,
          });
        } catch (err) {
          if (err instanceof AppError) throw err;
          const code = (err as { code?: string }).code ?? '';
          if (code.startsWith('SQLITE_CONSTRAINT')) throw bad(`a record breaks a rule of the database (${code.replace('SQLITE_CONSTRAINT_', '').toLowerCase()}).`);
          if (code.startsWith('SQLITE_')) throw bad(`a record could not be stored (${code}).`);
          throw bad(err instanceof Error ? err.message : 'a record could not be stored.');
        }
        // Everything in the package must belong to the meeting: what the meeting now holds is exactly what came in.
        const again = this.graph.dump('meetings', dump.root.id);
        for (const [table, rows] of Object.entries(dump.tables))
          if ((again.tables[table]?.length ?? 0) !== rows.length) throw bad(`it holds records of ${table} that do not belong to its meeting.`);
        const broken = this.ctx.db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw bad(`${broken.length} of its records refer to records that do not exist.`);
        // Pages open on a deleted copy of this meeting hold its revs: sections the package brings back below them go above.
        new MinutesRepo(this.ctx.db).liftBehindMarks(dump.root.id);
        // A deleted copy of this meeting in the trash keeps its flags and withheld items in the imported meeting: an
        // older package never makes public what the newer copy kept confidential.
        const carried = keepConfidentialityOfTrashedCopies(this.ctx, dump.root.id, () =>
          bad(`a deleted copy of this meeting in the trash cannot be read, so what it keeps confidential is not known. Remove it from the trash first.`),
        );
        const guardedElsewhere = this.keepGuardedElsewhere(pkg, dump.root.id);
        this.deps.search.reindexMeeting(dump.root.id);
        const m = this.deps.meetings.mustGet(dump.root.id);
        const message = [carried.message, describeGuardedElsewhere(guardedElsewhere)].filter(Boolean).join(' ');
        return { meetingId: m.id, title: m.title, startsAt: m.startsAt, counts, carried: { ...carried, message }, guardedElsewhere };
      })
      .immediate();
  }

  /**
   * The passages the package carries because other meetings keep them confidential, made flags of the imported meeting
   * (in force, mark missing: its public summary is refused until the officer flags them or lifts the flags). Each names
   * a section the package's minutes hold: one that does not is a damaged package.
   */
  private keepGuardedElsewhere(pkg: Plain, meetingId: string): number {
    const passages = (pkg.guardedElsewhere ?? []).map((p) => ({ ...p, reason: asReason(p.reason) }));
    // A section of its minutes, or an item of its agenda (words held in an item's title or description only).
    const sections = new Set<unknown>([...(pkg.dump.tables.minutes_sections ?? []).map((r) => r.section_key), ...(pkg.dump.tables.agenda_items ?? []).map((r) => r.id)]);
    if (passages.some((p) => !sections.has(p.sectionKey))) throw bad('a passage it keeps confidential names a part of the meeting it does not hold.');
    return keepGuardedElsewhereOfPackage(this.ctx, meetingId, passages);
  }

  /** Bytes → a validated plain package, or a clear error. */
  private read(bytesBase64: string, passphrase?: string): Plain {
    const bytes = Buffer.from(bytesBase64, 'base64');
    if (bytes.length === 0) throw bad('the file is empty.');
    if (bytes.length > MAX_PACKAGE_BYTES) throw bad(`the file is larger than ${MAX_PACKAGE_BYTES / 1048576} MB.`);
    let json = parseJson(bytes);
    const head = z.object({ format: z.string(), version: z.unknown() }).safeParse(json);
    if (!head.success || (head.data.format !== PACKAGE_FORMAT && head.data.format !== ENCRYPTED_FORMAT)) throw bad('it is not a Taskforce Secretariat meeting package.');
    if (head.data.version !== PACKAGE_VERSION)
      throw bad(`it was written in package format version ${String(head.data.version).slice(0, 12)}; this version of the app reads version ${PACKAGE_VERSION}.`);
    if (head.data.format === ENCRYPTED_FORMAT) {
      const enc = Encrypted.safeParse(json);
      if (!enc.success) throw bad('its encryption header is damaged.');
      if (!passphrase) throw new AppError('bad_request', 'This meeting package is encrypted: enter its passphrase. Nothing was changed.', { details: { needsPassphrase: true } });
      const e = enc.data;
      let plain: Buffer;
      try {
        const d = nodeCrypto().createDecipheriv('aes-256-gcm', key(passphrase, Buffer.from(e.kdf.salt, 'base64'), e.kdf.N), Buffer.from(e.iv, 'base64'));
        d.setAuthTag(Buffer.from(e.tag, 'base64'));
        plain = Buffer.concat([d.update(Buffer.from(e.data, 'base64')), d.final()]);
      } catch {
        throw bad('the passphrase is wrong (or the file was altered).');
      }
      json = parseJson(plain);
    }
    const parsed = Plain.safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw bad(`its content is not as expected (${i.path.join('.') || 'file'}: ${i.message}).`);
    }
    const pkg = parsed.data;
    if (pkg.schemaVersion > this.deps.schemaVersion) throw bad(`it was written by a newer version of the app (schema ${pkg.schemaVersion}; this one knows up to ${this.deps.schemaVersion}).`);
    if (digest(pkg.dump, pkg.guardedElsewhere) !== pkg.sha256) throw bad('its content does not match its checksum (the file was altered or damaged).');
    if (pkg.meeting.id !== pkg.dump.root.id) throw bad('its meeting is not the one it holds.');
    return pkg;
  }

  /** Tables and columns this database knows, one root meeting, no duplicate ids, minutes that are minutes. */
  private checkShape(dump: Dump): void {
    const { tables } = this.graph.schema();
    let total = 0;
    for (const [table, rows] of Object.entries(dump.tables)) {
      const info = tables.get(table);
      if (!info || NOT_DUMPED.has(table)) throw bad(`it holds records of an unknown kind (“${table.slice(0, 40)}”).`);
      total += rows.length;
      if (total > MAX_ROWS) throw bad(`it holds more than ${MAX_ROWS.toLocaleString('en-GB')} records.`);
      const known = new Set(info.columns.map((c) => c.name));
      const seen = new Set<string>();
      for (const r of rows) {
        for (const k of Object.keys(r)) if (!known.has(k)) throw bad(`a record of ${table} has an unknown field (“${k.slice(0, 40)}”).`);
        if (info.pk[0] !== 'rowid') {
          const id = JSON.stringify(info.pk.map((c) => r[c] ?? null));
          if (seen.has(id)) throw bad(`it holds two records of ${table} with the same id.`);
          seen.add(id);
        }
      }
    }
    const meetings = dump.tables.meetings ?? [];
    if (meetings.length !== 1 || meetings[0]!.id !== dump.root.id) throw bad('it must hold exactly one meeting.');
    // A flag record's id is what every answer about it carries: one no answer could carry would leave the meeting's
    // Flags panel unable to load and its flag impossible to lift (an audit, 2026-12-07).
    if ((dump.tables.flags ?? []).some((r) => typeof r.id !== 'string' || !ID_PATTERN.test(r.id)))
      throw bad('one of its flags has an id this app cannot use (the package was made by other software or altered).');
    for (const table of ['minutes_sections', 'minutes_revisions']) {
      for (const r of dump.tables[table] ?? []) {
        let doc: unknown;
        try {
          doc = JSON.parse(String(r.content_json));
        } catch {
          throw bad(`a section of its minutes is not readable.`);
        }
        if (!SerializedDoc.safeParse(doc).success) throw bad(`a section of its minutes holds content this app does not know.`);
      }
    }
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad('it is not valid JSON (the file may be truncated or damaged).');
  }
}
