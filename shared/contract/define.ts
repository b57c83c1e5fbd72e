import type * as z from 'zod';

/**
 * One call across the process boundary: its input and output schemas, and a sentence for the reader.
 *
 * Validation (electron/backend/dispatch.ts): every INPUT is parsed by its schema, always, in every build. Every
 * OUTPUT is parsed by its schema in tests and development (the dispatcher's default, `outputChecks: 'all'`). In
 * production (`outputChecks: 'production'`, what the packaged app and `npm start` use) an output is still parsed in
 * full, except for calls marked `output: 'stored'`: their answer is data the backend validated when it was written
 * (a section's content went through `SerializedDoc` and the one reader of stored minutes on save) and read back
 * unchanged, and their answers are the large ones (a long meeting's minutes, ~35 ms of parsing per 14 MB). For those
 * the production check is cheap: the answer is an object (or array) holding every required top-level key of its
 * schema. test/contract/output-checks.test.ts shows that for these calls the full parse changes nothing (no key
 * stripped, no default added), so skipping it in production returns the same answer.
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
  /** 'stored': the answer is data validated on write and read back as it is (cheap output check in production). */
  outputCheck?: 'stored';
}

export type CallTable = Record<string, CallSpec>;

/** Identity function that keeps the literal keys and schema types of a feature's calls. */
export function defineCalls<const T extends CallTable>(calls: T): T {
  return calls;
}
