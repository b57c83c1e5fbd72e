import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, contract } from '../../shared/contract/index';
import { AppError } from '../../shared/errors';
import * as z from 'zod';
import { createDispatcher, inspectInput, MAX_INPUT_DEPTH, zodIssues, type Handlers } from '../../electron/backend/dispatch';
import { FORBIDDEN_CHARS_MESSAGE, hasForbiddenChars } from '../../shared/domain/common';
import { call, makeBackend } from '../helpers/temp';

const silent = { error: () => {} };

describe('the dispatcher', () => {
  it('serves every call of the contract, and only those', async () => {
    const backend = makeBackend();
    for (const name of CALL_NAMES) {
      const r = await backend.dispatch(name, { this_field_does_not_exist: true });
      // Every call answers (its schema refuses the unknown field, or it runs): none is "unknown".
      expect(r.ok || r.error.code !== 'not_found', name).toBe(true);
      if (!r.ok) expect(r.error.message, name).not.toMatch(/There is no call/);
    }
    const unknown = await backend.dispatch('meetings.drop_all', {});
    // The officer is not shown the name (the log keeps it).
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/^This part of the app is not available/) } });
    expect(JSON.stringify(unknown)).not.toContain('drop_all');
    const proto = await backend.dispatch('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const long = await backend.dispatch('x'.repeat(200), {});
    expect(long).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(JSON.stringify(long)).not.toContain('xxx');
  });

  it('every call has input and output schemas that parse, and a summary', () => {
    for (const [name, spec] of Object.entries(contract)) {
      // Each is a schema (it answers safeParse), and the input refuses what is not an object.
      expect(typeof spec.input.safeParse, name).toBe('function');
      expect(typeof spec.output.safeParse, name).toBe('function');
      expect(spec.input.safeParse('not an object').success, name).toBe(false);
      expect(spec.summary.length, name).toBeGreaterThan(5);
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('refuses malformed input before any service runs, with the fields at fault, and changes nothing', async () => {
    const backend = makeBackend();
    const before = await call(backend, 'meetings.list', {});
    const r = await backend.dispatch('meetings.create', { title: 42, startsAt: 'soon', extra: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/^The .+\.$/) } });
    expect(r.ok ? '' : r.error.message).not.toMatch(/meetings\.create|startsAt|endsAt/);
    const issues = r.ok ? [] : (r.error.issues ?? []);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['title', 'startsAt', 'endsAt']));
    expect(await call(backend, 'meetings.list', {})).toEqual(before);
    for (const junk of [null, 'text', 42, [], { id: '../../etc' }]) {
      const j = await backend.dispatch('meetings.get', junk);
      expect(j).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it('refuses a handler answer that breaks the output schema', async () => {
    let ran = false;
    const handlers = new Proxy({} as Handlers, {
      get: () => () => {
        ran = true;
        return { name: 123 };
      },
    });
    const dispatch = createDispatcher(handlers, silent);
    const r = await dispatch('body.get', {});
    expect(ran).toBe(true);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('turns AppErrors, SQLite errors and surprises into typed wire errors', async () => {
    const throwing = (err: unknown) =>
      createDispatcher(
        new Proxy({} as Handlers, {
          get: () => () => {
            throw err;
          },
        }),
        silent,
      );
    expect(await throwing(new AppError('invalid_transition', 'no'))('body.get', {})).toEqual({ ok: false, error: { code: 'invalid_transition', message: 'no' } });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(await throwing(busy)('body.get', {})).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/not saved/) } });
    const full = Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
    expect(await throwing(full)('body.get', {})).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/disk is full/) } });
    expect(await throwing(new TypeError('x is undefined'))('body.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('maps every SQLite constraint failure to a conflict, BUSY/LOCKED/FULL to storage, and logs other SQLite errors', async () => {
    const logged: string[] = [];
    const throwing = (code: string) =>
      createDispatcher(
        new Proxy({} as Handlers, {
          get: () => () => {
            throw Object.assign(new Error('sqlite says no'), { code });
          },
        }),
        { error: (m) => logged.push(m) },
      )('body.get', {});
    for (const code of ['SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_FOREIGNKEY']) {
      expect(await throwing(code)).toEqual({ ok: false, error: { code: 'conflict', message: 'This change does not fit what is already stored, so it was not saved. Reload the page and try again.' } });
    }
    expect(await throwing('SQLITE_LOCKED')).toEqual({ ok: false, error: { code: 'storage', message: 'The database is busy (locked by another process). Your change was not saved; try again.' } });
    expect(await throwing('SQLITE_BUSY')).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/busy/) } });
    expect(await throwing('SQLITE_FULL')).toEqual({ ok: false, error: { code: 'storage', message: 'The disk is full. Your change was not saved.' } });
    // The constraint's code is only in the log now (the officer is told in plain words).
    expect(logged).toEqual(['Constraint failed in body.get', 'Constraint failed in body.get', 'Constraint failed in body.get']);
    logged.length = 0;
    expect(await throwing('SQLITE_IOERR_FSYNC')).toEqual({
      ok: false,
      error: { code: 'storage', message: 'The data file could not be read or written. Your change was not saved; try again, and if this stays, restart the app.' },
    });
    expect(logged).toEqual(['Storage error in body.get']);
  });

  it('maps the file system errors to storage errors that say what happened, and anything else to internal (logged)', async () => {
    const logged: string[] = [];
    const throwing = (err: unknown) =>
      createDispatcher(
        new Proxy({} as Handlers, {
          get: () => () => {
            throw err;
          },
        }),
        { error: (m) => logged.push(m) },
      )('body.get', {});
    const fsErr = (code: string) => Object.assign(new Error(code), { code });
    expect(await throwing(fsErr('ENOSPC'))).toEqual({ ok: false, error: { code: 'storage', message: 'The disk is full. Your change was not saved.' } });
    const says: Record<string, RegExp> = { EDQUOT: /quota/, EROFS: /read-only/, EACCES: /permission/, EPERM: /permission/, EIO: /input\/output/, EMFILE: /Too many files/, ENOENT: /missing/ };
    for (const [code, re] of Object.entries(says)) expect(await throwing(fsErr(code)), code).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(re) } });
    expect(logged).toEqual([]);
    // Not a file system code, not a SQLite code: internal, and logged.
    expect(await throwing(fsErr('EWHATEVER'))).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong in the app. Nothing was changed; try again, and if this stays, restart the app.' } });
    expect(await throwing(fsErr('toString'))).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await throwing(null)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await throwing({ code: 42 })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toEqual(['Unexpected error in body.get', 'Unexpected error in body.get', 'Unexpected error in body.get', 'Unexpected error in body.get']);
  });

  it('a stack overflow in a handler is a request nested too deeply; another RangeError is internal', async () => {
    const throwing = (err: unknown) =>
      createDispatcher(
        new Proxy({} as Handlers, {
          get: () => () => {
            throw err;
          },
        }),
        silent,
      )('body.get', {});
    expect(await throwing(new RangeError('Maximum call stack size exceeded'))).toEqual({ ok: false, error: { code: 'bad_request', message: 'What was sent is nested too deeply to be taken. Nothing was changed.' } });
    expect(await throwing(new RangeError('Invalid array length'))).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await throwing(new Error('Maximum call stack size exceeded'))).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('an AppError keeps its issues and details on the wire', async () => {
    const err = new AppError('conflict', 'taken', { issues: [{ path: 'title', message: 'is taken' }], details: { id: 'x' } });
    const r = await createDispatcher(
      new Proxy({} as Handlers, {
        get: () => () => {
          throw err;
        },
      }),
      silent,
    )('body.get', {});
    expect(r).toEqual({ ok: false, error: { code: 'conflict', message: 'taken', issues: [{ path: 'title', message: 'is taken' }], details: { id: 'x' } } });
  });

  it('gives the handler the parsed input (undefined read as {}) and returns the parsed output', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatcher(
      new Proxy({} as Handlers, {
        get: () => (input: unknown) => {
          seen.push(input);
          return { name: 'Body', chair: 'Chair', extra: 'dropped' };
        },
      }),
      silent,
    );
    const r = await dispatch('body.get', undefined);
    expect(seen).toEqual([{}]);
    expect(r.ok).toBe(true);
    const value = r.ok ? (r.value as Record<string, unknown>) : {};
    expect(value.name).toBe('Body');
    expect(value).not.toHaveProperty('extra');
    expect(value.referencePrefix).toEqual(expect.any(String));
  });

  it('logs a broken answer and says so without the internals', async () => {
    const logged: string[] = [];
    const dispatch = createDispatcher(new Proxy({} as Handlers, { get: () => () => ({ name: 123 }) }), { error: (m) => logged.push(m) });
    expect(await dispatch('body.get', {})).toEqual({ ok: false, error: { code: 'internal', message: 'The app could not show this: its answer was not in the right form. Nothing was lost; please report this.' } });
    expect(logged).toEqual(['Output of body.get broke its contract']);
  });

  it('refuses unknown fields in one sentence that names none of them, before the handler runs', async () => {
    let ran = false;
    const dispatch = createDispatcher(
      new Proxy({} as Handlers, {
        get: () => () => {
          ran = true;
          return {};
        },
      }),
      silent,
    );
    const r = await dispatch('body.get', { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 });
    expect(ran).toBe(false);
    expect(r.ok).toBe(false);
    const error = r.ok ? null : r.error;
    expect(error?.code).toBe('bad_request');
    const n = error?.issues?.length ?? 0;
    expect(n).toBeGreaterThanOrEqual(1);
    // body.get takes no fields: one sentence for the unknown fields, said once.
    expect(error?.message).toBe('The request has fields this version of the app does not know.');
    expect(error?.issues).toEqual([{ path: '(input)', message: error?.message }]);
  });
});

describe('inspectInput (before any schema)', () => {
  const refuse = async (raw: unknown) => {
    let ran = false;
    const dispatch = createDispatcher(
      new Proxy({} as Handlers, {
        get: () => () => {
          ran = true;
          return { ok: true };
        },
      }),
      silent,
    );
    const r = await dispatch('meetings.get', raw);
    expect(ran).toBe(false);
    return r;
  };

  it('refuses a forbidden character in any string or key, naming where it is', async () => {
    expect(inspectInput({ a: { b: ['ok', 'bad\u0000'] } })).toEqual({ path: 'a.b.1', message: FORBIDDEN_CHARS_MESSAGE });
    expect(inspectInput('bad\uFFFE')).toEqual({ path: '(input)', message: FORBIDDEN_CHARS_MESSAGE });
    expect(inspectInput({ a: { 'k\uD800': 1 } })).toEqual({ path: 'a', message: `has a key that ${FORBIDDEN_CHARS_MESSAGE}` });
    expect(inspectInput({ 'k\uFFFF': 1 })).toEqual({ path: '(input)', message: `has a key that ${FORBIDDEN_CHARS_MESSAGE}` });
    expect(inspectInput({ a: 'fine', b: [1, null, true, { c: 'fine' }] })).toBeNull();
    const r = await refuse({ id: 'x\u0000' });
    const said = `The record ${FORBIDDEN_CHARS_MESSAGE}.`;
    expect(r).toEqual({ ok: false, error: { code: 'bad_request', message: said, issues: [{ path: 'id', message: said }] } });
  });

  it('refuses nesting from MAX_INPUT_DEPTH levels, accepts one less', () => {
    const nest = (n: number): unknown => {
      let v: unknown = 'leaf';
      for (let i = 0; i < n; i++) v = [v];
      return v;
    };
    expect(inspectInput(nest(MAX_INPUT_DEPTH))).toBeNull();
    const deep = inspectInput(nest(MAX_INPUT_DEPTH + 1));
    expect(deep?.message).toBe(`is nested more than ${MAX_INPUT_DEPTH} levels deep`);
    expect(deep?.path).toBe(Array(MAX_INPUT_DEPTH).fill('0').join('.'));
    expect(inspectInput({ a: nest(MAX_INPUT_DEPTH) })?.path).toMatch(/^a(\.0)+$/);
    expect(MAX_INPUT_DEPTH).toBe(128);
  });

  it('finds a problem exactly when there is one, and names a place where one is (any JSON input)', () => {
    /** Every problem's path, by plain recursion (the oracle: inspectInput walks with a stack and makes paths lazily). */
    const problems = (v: unknown, path: string[], depth: number, out: string[]): string[] => {
      const at = path.join('.') || '(input)';
      if (typeof v === 'string') {
        if (hasForbiddenChars(v)) out.push(at);
      } else if (typeof v === 'object' && v !== null) {
        if (depth >= MAX_INPUT_DEPTH) out.push(at);
        else
          for (const [k, x] of Object.entries(v)) {
            if (hasForbiddenChars(k)) out.push(at);
            problems(x, [...path, k], depth + 1, out);
          }
      }
      return out;
    };
    const bad = fc.constantFrom('\u0000', '\uFFFE', '\uFFFF', '\uD800', '\uDC00');
    const text = fc.oneof(fc.string({ maxLength: 6 }), fc.tuple(fc.string({ maxLength: 3 }), bad).map(([a, b]) => a + b));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, (v) => {
        const all = problems(v, [], 0, []);
        const found = inspectInput(v);
        expect(found === null).toBe(all.length === 0);
        if (found) expect(all).toContain(found.path);
      }),
      { numRuns: 2000 },
    );
  });

  it('a deep input is refused by the dispatcher as a bad request', async () => {
    let v: unknown = 'x';
    for (let i = 0; i < 10_000; i++) v = { v };
    const r = await refuse({ id: v });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/nested more than 128 levels/) } });
  });
});

describe('the dispatcher\'s words', () => {
  it('zodIssues: the path joined with dots, "(input)" for the input itself', () => {
    const nested = z.object({ a: z.object({ b: z.array(z.string()) }) }).safeParse({ a: { b: ['x', 1] } });
    expect(nested.success).toBe(false);
    if (!nested.success) expect(zodIssues(nested.error).map((i) => i.path)).toEqual(['a.b.1']);
    const root = z.string().safeParse(1);
    if (!root.success) expect(zodIssues(root.error)).toEqual([{ path: '(input)', message: expect.any(String) }]);
    expect(root.success).toBe(false);
  });

  it('says at most five issues in the message, as sentences, counts the others, and keeps all of them in issues', async () => {
    const r = await createDispatcher(new Proxy({} as Handlers, { get: () => () => ({}) }), silent)('meetings.create', {
      title: 1, startsAt: 1, endsAt: 1, kind: 1, location: 1, groupName: 1, timezone: 1, sequence: 'x',
    });
    const error = r.ok ? null : r.error;
    const issues = error?.issues ?? [];
    expect(issues.length).toBeGreaterThan(5);
    const more = issues.length - 5;
    const rest = more === 1 ? 'One more thing needs correcting.' : `${more} more things need correcting.`;
    expect(error?.message).toBe([...issues.slice(0, 5).map((i) => i.message), rest].join(' '));
  });

  it('without a logger of its own, an unexpected error goes to the console', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const err = new TypeError('boom');
      const r = await createDispatcher(
        new Proxy({} as Handlers, {
          get: () => () => {
            throw err;
          },
        }),
      )('body.get', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(spy).toHaveBeenCalledWith('Unexpected error in body.get', err);
    } finally {
      spy.mockRestore();
    }
  });
});

