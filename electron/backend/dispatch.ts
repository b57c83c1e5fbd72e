import type * as z from 'zod';
import { contract, isCallName, type CallName, type CallOutput, type ParsedInput } from '../../shared/contract/index';
import { FORBIDDEN_CHARS_MESSAGE, hasForbiddenChars } from '../../shared/domain/common';
import { AppError, type ErrorIssue, type Result } from '../../shared/errors';
import { issueSentence, plainSentence } from './issue-words';

export type Handler<K extends CallName> = (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };
export type Dispatch = (name: string, raw: unknown) => Promise<Result<unknown>>;

/**
 * A refused input's issues: `path` stays the technical path (code and tests find the field by it), `message` is a
 * plain sentence the officer can read as it is ("The end must be after the start."), never zod's English.
 */
export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.') || '(input)';
    return { path, message: issueSentence(i, path) };
  });
}

/** At most this many of a refusal's sentences are in its message (all are in its issues). */
const MESSAGE_ISSUES = 5;

/** The refusal's message: its sentences, without the call's name (the officer never sees one). */
function describeIssues(issues: ErrorIssue[]): string {
  const said = issues.slice(0, MESSAGE_ISSUES).map((i) => i.message);
  const more = issues.length - said.length;
  if (more > 0) said.push(more === 1 ? 'One more thing needs correcting.' : `${more} more things need correcting.`);
  return said.join(' ');
}

export interface DispatchLogger {
  error(message: string, err: unknown): void;
}

/**
 * How outputs are checked (shared/contract/define.ts says which calls and why): 'all' parses every output by its schema
 * (tests and development, the default); 'production' parses every output except those of calls marked
 * `outputCheck: 'stored'`, which get `cheapOutputCheck`. Inputs are parsed in full in both.
 */
export type OutputChecks = 'all' | 'production';

/** What the hosts use: 'production' unless TFS_CHECK_OUTPUTS=all or NODE_ENV is development or test. */
export function outputChecksFromEnv(env: Record<string, string | undefined>): OutputChecks {
  if (env.TFS_CHECK_OUTPUTS === 'all' || env.NODE_ENV === 'development' || env.NODE_ENV === 'test') return 'all';
  return 'production';
}

/**
 * The one dispatcher both hosts use: the name must be a contract call, the input is parsed by its schema before any
 * service runs, and the output is checked against its schema before it leaves (see OutputChecks). Nothing else
 * reaches a service.
 */
export function createDispatcher(
  handlers: Handlers,
  log: DispatchLogger = { error: (m, e) => console.error(m, e) },
  outputChecks: OutputChecks = 'all',
): Dispatch {
  return async (name, raw) => {
    if (!isCallName(name)) {
      log.error(`There is no call named "${String(name).slice(0, 80)}"`, null);
      return { ok: false, error: { code: 'not_found', message: NO_SUCH_CALL } };
    }
    const spec = contract[name];
    const shape = inspectInput(raw);
    if (shape) {
      const issue = { path: shape.path, message: plainSentence(shape.path, shape.message) };
      return { ok: false, error: { code: 'bad_request', message: issue.message, issues: [issue] } };
    }
    // reportInput: a missing field is told from a field of the wrong kind by the value (issue-words.ts).
    const parsed = spec.input.safeParse(raw === undefined ? {} : raw, { reportInput: true });
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      return { ok: false, error: { code: 'bad_request', message: describeIssues(issues), issues } };
    }
    let out: unknown;
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      out = await handler(parsed.data);
    } catch (err) {
      return { ok: false, error: toWire(err, name, log) };
    }
    const invalid = { ok: false as const, error: { code: 'internal' as const, message: BROKEN_ANSWER } };
    if (outputChecks === 'production' && (spec as { outputCheck?: 'stored' }).outputCheck === 'stored') {
      const problem = cheapOutputCheck(spec.output, out);
      if (problem) {
        log.error(`Output of ${name} broke its contract`, new Error(problem));
        return invalid;
      }
      return { ok: true, value: out };
    }
    const checked = spec.output.safeParse(out);
    if (!checked.success) {
      log.error(`Output of ${name} broke its contract`, checked.error);
      return invalid;
    }
    return { ok: true, value: checked.data };
  };
}

/** Said for a call the contract does not have (a page of another version of the app): the name is only logged. */
const NO_SUCH_CALL = 'This part of the app is not available in the version that is running. Reload the page; if this stays, restart the app.';
/** Said for an answer that broke its schema (logged with the call's name). */
const BROKEN_ANSWER = 'The app could not show this: its answer was not in the right form. Nothing was lost; please report this.';

/**
 * The production check of an answer made of stored, validated-on-write data: an object with every required top-level
 * key of its object schema (an array for an array schema). Constant time in the answer's size. Null when it passes.
 */
export function cheapOutputCheck(schema: z.ZodType, out: unknown): string | null {
  const def = (schema as unknown as { def?: { type?: string; shape?: Record<string, z.ZodType> } }).def;
  if (def?.type === 'array') return Array.isArray(out) ? null : 'not an array';
  if (def?.type === 'object' && def.shape) {
    if (typeof out !== 'object' || out === null || Array.isArray(out)) return 'not an object';
    for (const [key, field] of Object.entries(def.shape)) {
      if (!field.safeParse(undefined).success && (out as Record<string, unknown>)[key] === undefined) return `no "${key}"`;
    }
    return null;
  }
  return out === undefined ? 'no answer' : null;
}

/** Deeper than any minutes document (nested lists stop at indent 20, about 4 levels each). */
export const MAX_INPUT_DEPTH = 128;

/**
 * The checks every input gets before its schema: bounded nesting (walked without recursion, so no input can
 * exhaust the stack) and no forbidden character in any string or key, whatever the field. A problem's path is made
 * only when there is one (each node remembers its parent and key): a 4 MB section is checked on every autosave.
 */
export function inspectInput(raw: unknown): ErrorIssue | null {
  interface At {
    v: unknown;
    depth: number;
    parent: At | null;
    key: string;
  }
  const pathOf = (at: At) => {
    const keys: string[] = [];
    for (let a: At | null = at; a?.parent; a = a.parent) keys.push(a.key);
    return keys.reverse().join('.') || '(input)';
  };
  const stack: At[] = [{ v: raw, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const at = stack.pop()!;
    const v = at.v;
    if (typeof v === 'string') {
      if (hasForbiddenChars(v)) return { path: pathOf(at), message: FORBIDDEN_CHARS_MESSAGE };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (at.depth >= MAX_INPUT_DEPTH) return { path: pathOf(at), message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        // Numbers, booleans and null need no look (the common case in a document: format, indent, version).
        if (typeof x === 'object' ? x !== null : typeof x === 'string') stack.push({ v: x, depth: at.depth + 1, parent: at, key: String(i) });
      }
      continue;
    }
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      if (hasForbiddenChars(k)) return { path: pathOf(at), message: `has a key that ${FORBIDDEN_CHARS_MESSAGE}` };
      const x: unknown = (v as Record<string, unknown>)[k];
      if (typeof x === 'object' ? x !== null : typeof x === 'string') stack.push({ v: x, depth: at.depth + 1, parent: at, key: k });
    }
  }
  return null;
}

/** Errors from the file system (settings, exports, backups): the disk's word, as a typed storage error. */
const FS_ERRORS: Record<string, string> = {
  ENOSPC: 'The disk is full. Your change was not saved.',
  EDQUOT: 'Your disk quota is used up. Your change was not saved.',
  EROFS: 'The disk is read-only. Your change was not saved.',
  EACCES: 'The app has no permission to write there. Your change was not saved.',
  EPERM: 'The app has no permission to write there. Your change was not saved.',
  EIO: 'The disk reported an input/output error. Your change was not saved.',
  EMFILE: 'Too many files are open. Your change was not saved; try again.',
  ENOENT: 'A file or folder the app needs is missing. Your change was not saved.',
};

function toWire(err: unknown, name: string, log: DispatchLogger) {
  if (err instanceof AppError) return err.toWire();
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      log.error(`Constraint failed in ${name}`, err);
      return { code: 'conflict' as const, message: 'This change does not fit what is already stored, so it was not saved. Reload the page and try again.' };
    }
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      return { code: 'storage' as const, message: 'The database is busy (locked by another process). Your change was not saved; try again.' };
    if (code === 'SQLITE_FULL') return { code: 'storage' as const, message: 'The disk is full. Your change was not saved.' };
    log.error(`Storage error in ${name}`, err);
    return { code: 'storage' as const, message: 'The data file could not be read or written. Your change was not saved; try again, and if this stays, restart the app.' };
  }
  if (typeof code === 'string' && Object.hasOwn(FS_ERRORS, code)) return { code: 'storage' as const, message: FS_ERRORS[code]! };
  if (err instanceof RangeError && /call stack/i.test(err.message)) return { code: 'bad_request' as const, message: 'What was sent is nested too deeply to be taken. Nothing was changed.' };
  log.error(`Unexpected error in ${name}`, err);
  return { code: 'internal' as const, message: 'Something went wrong in the app. Nothing was changed; try again, and if this stays, restart the app.' };
}
