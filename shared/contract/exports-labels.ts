/**
 * The export kinds, their labels, and the details of the draft question, without a schema: the meeting page's export
 * panel needs no zod (issue 16). exports.ts builds its schemas on these lists and re-exports everything here.
 */
export const EXPORT_KINDS = ['agenda', 'internal_minutes', 'public_summary', 'participants', 'redaction_record'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_KIND_LABEL: Record<ExportKind, string> = {
  agenda: 'Agenda (convening notice)',
  internal_minutes: 'Internal minutes',
  public_summary: 'Public summary',
  participants: 'List of participants',
  redaction_record: 'Redaction record',
};

/** The public documents, checked for flagged passages before they are written (ExportService); the other two are internal. */
export const CHECKED_EXPORT_KINDS = ['public_summary', 'agenda', 'participants'] as const satisfies readonly ExportKind[];
export type CheckedExportKind = (typeof CHECKED_EXPORT_KINDS)[number];
export const isCheckedExport = (kind: ExportKind): kind is CheckedExportKind => (CHECKED_EXPORT_KINDS as readonly ExportKind[]).includes(kind);

/** Details of the invalid_transition error that asks the officer to confirm a draft public summary. */
export interface DraftConfirmation {
  needsConfirmation: 'draft';
  minutesStatus: string;
  version: number;
}

/** The draft question in an error's details, or null when the details are anything else (then the error is shown as it is). */
export function draftConfirmationOf(details: unknown): DraftConfirmation | null {
  if (typeof details !== 'object' || details === null) return null;
  const d = details as Record<string, unknown>;
  if (d.needsConfirmation !== 'draft' || typeof d.minutesStatus !== 'string' || !Number.isInteger(d.version)) return null;
  return { needsConfirmation: 'draft', minutesStatus: d.minutesStatus, version: d.version as number };
}
