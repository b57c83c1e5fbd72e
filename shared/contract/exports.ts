import * as z from 'zod';
import { Id } from '../domain/common';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';
import { EXPORT_KINDS, type ExportKind as ExportKindValue } from './exports-labels';

// Kinds, labels and the draft question's details live in the schema-free exports-labels.ts (the renderer needs no zod for them).
export * from './exports-labels';
export const ExportKind = lazySchema(() => z.enum(EXPORT_KINDS));
export type ExportKind = ExportKindValue;

/** One thing the redaction check found in a public file (electron/backend/export/redaction-check.ts). */
export const ExportFinding = lazySchema(() => z.object({
  kind: z.string(),
  part: z.string(),
  passageId: z.string().nullable(),
  where: z.string(),
  excerpt: z.string().optional(),
}));
export type ExportFinding = z.infer<typeof ExportFinding>;

export const ExportCreate = lazySchema(() => z
  .object({
    meetingId: Id,
    kind: ExportKind,
    /**
     * The officer confirmed a public summary of minutes that are not approved (it is marked DRAFT on every page).
     * Without it, such an export is refused with invalid_transition and details { needsConfirmation: 'draft' }.
     */
    confirmDraft: z.boolean().optional(),
  })
  .strict());

export const ExportResult = lazySchema(() => z.object({
  exportId: Id,
  /** Default file name, e.g. "2026-01-30 Constitutive meeting – public summary.docx"; saving is the host's business. */
  fileName: z.string(),
  bytesBase64: z.string(),
  /** `applied` is true for the public summary only; a public file that fails is never returned (leak_detected). */
  check: z.object({ applied: z.boolean(), passed: z.boolean(), findings: z.array(ExportFinding).optional() }),
}));
export type ExportResult = z.infer<typeof ExportResult>;

export const ExportRecord = lazySchema(() => z.object({
  id: Id,
  meetingId: Id,
  kind: ExportKind,
  fileName: z.string(),
  createdAt: z.string(),
  /** null: not a public document, not checked. false: blocked by the redaction check (no file was returned). */
  checkPassed: z.boolean().nullable(),
  sha256: z.string(),
  byteLength: z.number().int(),
}));
export type ExportRecord = z.infer<typeof ExportRecord>;

/**
 * An agenda item that holds a future topic not for publication now (picked as published, its item of origin withheld
 * since or gone): the public summary is refused while it does. `where` is the item ("item 2 “…”"), `raisedIn` the
 * meeting the topic was raised in, as the officer reads them.
 */
export const StaleTopic = lazySchema(() => z.object({ where: z.string(), topic: z.string(), raisedIn: z.string() }));
export type StaleTopic = z.infer<typeof StaleTopic>;

/**
 * What the public summary states besides the minutes, as the export computes it now (the body's conventions, the
 * place and date of issue, the draft marking), and what refuses it besides the minutes (`staleTopics`): the live
 * preview lays the summary out with the same options and shows the same refusals, so it shows what the DOCX prints.
 */
export const PublicSummaryOptions = lazySchema(() => z.object({
  chair: z.string(),
  timeZone: z.string(),
  issue: z.string(),
  reference: z.string(),
  draft: z.string().nullable(),
  language: z.string(),
  staleTopics: z.array(StaleTopic),
  /** The meeting's withheld items removed from its agenda (in the trash), with their text: the preview searches for it as the export does. */
  withheldElsewhere: z.array(z.object({ name: z.string(), groups: z.array(z.array(z.string())), urls: z.array(z.string()) })),
}));
export type PublicSummaryOptions = z.infer<typeof PublicSummaryOptions>;

/** Calls of the exports feature. */
export const exportsCalls = defineCalls({
  'exports.publicOptions': {
    input: lazySchema(() => z.object({ meetingId: Id }).strict()),
    output: PublicSummaryOptions,
    summary: 'The options the public summary is laid out with now (conventions, issue line, draft marking): the preview uses them.',
  },
  'exports.create': {
    input: ExportCreate,
    output: ExportResult,
    summary: 'Build one DOCX of a meeting; the public summary only after the redaction check passed (else leak_detected).',
  },
  'exports.history': { input: lazySchema(() => z.object({ meetingId: Id }).strict()), output: lazySchema(() => z.array(ExportRecord)), summary: 'Exports of a meeting, newest first.' },
});
