import * as z from 'zod';
import { Empty, Id } from '../domain/common';
import { MeetingKind, MeetingStatus } from '../domain/meeting';
import { MinutesStatus } from '../domain/minutes';
import { ExportFinding } from './exports';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';
import { REGISTER_DOCUMENTS, type RegisterDocument as RegisterDocumentValue } from './register-labels';
// Documents and labels live in the schema-free register-labels.ts (the renderer needs no zod for them).
export * from './register-labels';

/** One meeting in the secretariat's register. */
export const RegisterRow = lazySchema(() => z.object({
  meetingId: Id,
  sequence: z.number().int(),
  title: z.string(),
  kind: MeetingKind,
  group: z.string(),
  startsAt: z.string(),
  status: MeetingStatus,
  /** null: no minutes typed yet. */
  minutesStatus: MinutesStatus.nullable(),
  minutesVersion: z.number().int().nullable(),
  /** When the public summary was last exported (and passed the redaction check); null: never. */
  summaryExportedAt: z.string().nullable(),
  /** When the meeting was marked "summary published" (its status history); null: not published. */
  summaryPublishedAt: z.string().nullable(),
  /** Loaded with the example: never in the public register. */
  example: z.boolean(),
}));
export type RegisterRow = z.infer<typeof RegisterRow>;

export const RegisterDocument = lazySchema(() => z.enum(REGISTER_DOCUMENTS));
export type RegisterDocument = RegisterDocumentValue;

export const RegisterExport = lazySchema(() => z.object({
  fileName: z.string(),
  bytesBase64: z.string(),
  /** Both documents are public: always checked; a failing file is never returned (leak_detected). */
  check: z.object({ applied: z.literal(true), passed: z.literal(true), findings: z.array(ExportFinding) }),
}));
export type RegisterExport = z.infer<typeof RegisterExport>;

/** Calls of the register: every meeting with the state of its minutes and summary; the two public lists as DOCX. */
export const registerCalls = defineCalls({
  'register.list': { input: Empty, output: lazySchema(() => z.array(RegisterRow)), summary: 'Every meeting with the status of its minutes and public summary.' },
  'register.export': {
    input: lazySchema(() => z.object({ document: RegisterDocument }).strict()),
    output: RegisterExport,
    summary: 'The public register of meetings or the list of member organisations as DOCX, after the redaction check.',
  },
});
