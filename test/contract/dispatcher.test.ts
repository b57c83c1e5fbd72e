import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from '../../shared/contract/index';
import { AppError } from '../../shared/errors';
import { createDispatcher, type Handlers } from '../../electron/backend/dispatch';
import { call, makeBackend } from '../helpers/temp';

const silent = { error: () => {} };

describe('the dispatcher', () => {
  it('serves every call of the contract, and only those', async () => {
    const backend = makeBackend();
    for (const name of CALL_NAMES) {
      const r = await backend.dispatch(name, { this_field_does_not_exist: true });
      // Every call answers (validation or a result), none is "unknown".
      if (!r.ok) expect(r.error.code).not.toBe('not_found');
    }
    const unknown = await backend.dispatch('meetings.drop_all', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const proto = await backend.dispatch('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('every call has input and output schemas and a summary', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(spec.input, name).toBeDefined();
      expect(spec.output, name).toBeDefined();
      expect(spec.summary.length, name).toBeGreaterThan(5);
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('refuses malformed input before any service runs, with the fields at fault, and changes nothing', async () => {
    const backend = makeBackend();
    const before = await call(backend, 'meetings.list', {});
    const r = await backend.dispatch('meetings.create', { title: 42, startsAt: 'soon', extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_request');
    expect(r.error.message).toMatch(/meetings\.create/);
    expect(r.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['title', 'startsAt', 'endsAt']));
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
});
