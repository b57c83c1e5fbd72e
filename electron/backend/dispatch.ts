import type { z } from 'zod';
import { contract, isCallName, type CallName, type CallOutput, type ParsedInput } from '../../shared/contract/index';
import { AppError, type ErrorIssue, type Result } from '../../shared/errors';

export type Handler<K extends CallName> = (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };
export type Dispatch = (name: string, raw: unknown) => Promise<Result<unknown>>;

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
}

function describeIssues(issues: ErrorIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path} ${i.message}`)
    .join('; ');
}

export interface DispatchLogger {
  error(message: string, err: unknown): void;
}

/**
 * The one dispatcher both hosts use: the name must be a contract call, the input is parsed by its schema before any
 * service runs, and the output is parsed by its schema before it leaves. Nothing else reaches a service.
 */
export function createDispatcher(handlers: Handlers, log: DispatchLogger = { error: (m, e) => console.error(m, e) }): Dispatch {
  return async (name, raw) => {
    if (!isCallName(name)) return { ok: false, error: { code: 'not_found', message: `There is no call named "${String(name).slice(0, 80)}".` } };
    const spec = contract[name];
    const parsed = spec.input.safeParse(raw === undefined ? {} : raw);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      return { ok: false, error: { code: 'bad_request', message: `The request "${name}" was not valid: ${describeIssues(issues)}.`, issues } };
    }
    let out: unknown;
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      out = await handler(parsed.data);
    } catch (err) {
      return { ok: false, error: toWire(err, name, log) };
    }
    const checked = spec.output.safeParse(out);
    if (!checked.success) {
      log.error(`Output of ${name} broke its contract`, checked.error);
      return { ok: false, error: { code: 'internal', message: `The app produced an invalid answer to "${name}". Nothing was lost; please report this.` } };
    }
    return { ok: true, value: checked.data };
  };
}

function toWire(err: unknown, name: string, log: DispatchLogger) {
  if (err instanceof AppError) return err.toWire();
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code.startsWith('SQLITE_CONSTRAINT')) return { code: 'conflict' as const, message: `"${name}" conflicts with stored data (${code}).` };
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      return { code: 'storage' as const, message: 'The database is busy (locked by another process). Your change was not saved; try again.' };
    if (code === 'SQLITE_FULL') return { code: 'storage' as const, message: 'The disk is full. Your change was not saved.' };
    log.error(`Storage error in ${name}`, err);
    return { code: 'storage' as const, message: `The database reported ${code}. Your change was not saved.` };
  }
  log.error(`Unexpected error in ${name}`, err);
  return { code: 'internal' as const, message: `Something went wrong while handling "${name}". Nothing was changed.` };
}
