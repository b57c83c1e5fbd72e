import type { z } from 'zod';

/** One call across the process boundary: its input and output schemas, and a sentence for the reader. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

export type CallTable = Record<string, CallSpec>;

/** Identity function that keeps the literal keys and schema types of a feature's calls. */
export function defineCalls<const T extends CallTable>(calls: T): T {
  return calls;
}
