import { types } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { CALL_NAMES, contract } from '../../shared/contract/index';
import { lazySchema } from '../../shared/lazy-schema';
import { createDispatcher, type Handlers } from '../../electron/backend/dispatch';

/**
 * The contract's schemas are built on first use (shared/lazy-schema.ts, issue 16): importing the contract builds
 * (almost) nothing; a call's schemas are built when it is first dispatched. These tests hold the two things that must
 * not change with it: every call has a real input and output schema, and a stand-in behaves as the schema it builds.
 */
describe('lazy schemas', () => {
  it('every call has an input and an output schema (a missing or broken one fails here, not at its first dispatch)', () => {
    for (const name of CALL_NAMES) {
      const spec = contract[name];
      expect(spec.input, `${name} input`).toBeInstanceOf(z.ZodType);
      expect(spec.output, `${name} output`).toBeInstanceOf(z.ZodType);
      expect(typeof spec.input.safeParse, `${name} input`).toBe('function');
      expect(typeof spec.output.safeParse, `${name} output`).toBe('function');
      expect(spec.summary.length, `${name} summary`).toBeGreaterThan(0);
    }
  });

  it('the contract holds stand-ins, not built schemas, for the calls (built on first use)', () => {
    const lazy = CALL_NAMES.filter((n) => types.isProxy(contract[n].input) && types.isProxy(contract[n].output));
    // Every call's schemas are stand-ins: inline ones are wrapped where the call is declared, named ones where defined.
    expect(lazy).toEqual(CALL_NAMES);
  });

  it('a stand-in builds once, on first read, and then behaves as the schema', () => {
    const build = vi.fn(() => z.object({ title: z.string().min(1), n: z.number().int().default(0) }).strict());
    const S = lazySchema(build);
    const T = lazySchema(() => z.object({ s: S, list: z.array(S) }));
    expect(build).not.toHaveBeenCalled();
    expect(T.safeParse({ s: { title: 'a' }, list: [] }).data).toEqual({ s: { title: 'a', n: 0 }, list: [] });
    expect(T.safeParse({ s: { title: '' }, list: [] }).success).toBe(false);
    expect(T.safeParse({ s: { title: 'a', extra: 1 }, list: [] }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
    expect(S).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(S.shape)).toEqual(['title', 'n']);
    expect(S.extend({ more: z.boolean() }).safeParse({ title: 'x', more: true }).success).toBe(true);
    expect(S.omit({ n: true }).safeParse({ title: 'x', n: 1 }).success).toBe(false);
    // zod binds a schema's methods to it; through a stand-in they are bound to the built schema.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { safeParse } = S;
    expect(safeParse({ title: 'detached' }).success).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('a builder that returns no schema fails at first use, loudly', () => {
    const Missing = lazySchema(() => undefined as unknown as z.ZodString);
    expect(() => Missing.safeParse('x')).toThrow(/no schema/);
  });

  it('the dispatcher still refuses a bad payload before the service runs, on the first dispatch of a call', async () => {
    const handler = vi.fn(() => []);
    const dispatch = createDispatcher({ 'meetings.list': handler } as unknown as Handlers);
    expect((await dispatch('meetings.list', { unexpected: 1 })).ok).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    expect((await dispatch('meetings.list', {})).ok).toBe(true);
  });
});
