import { describe, expect, it, vi } from 'vitest';

/**
 * Importing the contract, the domain and the backend builds no zod schema (issue 16): every schema is a stand-in built on
 * first use (shared/lazy-schema.ts). A schema built at module level (a shape object of zod fields shared by two
 * schemas, say) costs every start of the host its zod warm-up; this file's zod counts the schemas its factories make.
 */
const built: string[] = [];
vi.mock('zod', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const counted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(real)) {
    // The factories are lower-case functions (z.string, z.object, …); classes and namespaces pass through.
    counted[name] =
      typeof value === 'function' && /^[a-z]/.test(name)
        ? (...args: unknown[]) => {
            built.push(name);
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value;
  }
  return counted;
});

describe('schemas at import', () => {
  it('importing the contract and the whole backend builds no schema', async () => {
    await import('../../shared/contract/index');
    await import('../../electron/backend/backend');
    await import('../../electron/start');
    expect(built).toEqual([]);
  });

  it('the count sees a schema when one is built (the check above can fail)', async () => {
    const { Empty } = await import('../../shared/domain/common');
    expect(Empty.safeParse({}).success).toBe(true);
    expect(built).toContain('object');
  });
});
